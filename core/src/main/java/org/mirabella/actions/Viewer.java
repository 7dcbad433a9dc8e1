package org.mirabella.actions;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who reads: a user's agency and roles. Every read path of joint actions, routes, reports and HTCDS
 * takes one. This is the shape the access engine's viewer will have (agency + roles); until it lands
 * this record stands in for it, and {@link #COORDINATION} is the whole-store view used by an operator
 * on the local store (the CLI's report without {@code --agency}).
 */
public record Viewer(String agency, Set<String> roles) {
  /** The operator's view of the whole store: no agency filter. Never built from a request. */
  public static final Viewer COORDINATION = new Viewer("*", Set.of("coordinator"));

  public Viewer {
    Objects.requireNonNull(agency, "agency");
    agency = agency.equals("*") ? agency : agency.toUpperCase(Locale.ROOT);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  public static Viewer of(String agency, String... roles) {
    return new Viewer(agency, Set.of(roles));
  }

  /** Whether this is the unfiltered operator's view. */
  public boolean seesEverything() {
    return this == COORDINATION || agency.equals("*");
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
