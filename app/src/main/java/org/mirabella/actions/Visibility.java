package org.mirabella.actions;

import java.util.Map;
import org.mirabella.access.AccessControl;
import org.mirabella.agency.Agencies;
import org.mirabella.agency.Tier;

/**
 * What a viewer may see, for every read path of joint actions, routes, reports and HTCDS: the
 * access engine's read policy as SQL ({@link AccessControl.SqlFilter}: own agency, shared cases,
 * releases; H2 not passed on; victims shielded; retractions for the owner only). This is the one
 * place joint actions ask; {@link Viewer#COORDINATION} (the operator on the local store) reads all.
 */
public final class Visibility {
  private Visibility() {}

  /** A SQL condition and its bindings. */
  public record Condition(String sql, Map<String, Object> binds) {}

  /**
   * The condition that a statement (alias {@code s}) of entity {@code e} is visible to {@code viewer}.
   * A viewer with no roles is a plain reader of its agency (a system task on its behalf); one whose
   * only role is administrator reads no case data.
   */
  public static Condition statements(String s, String e, Viewer viewer) {
    if (viewer.seesEverything()) return new Condition("1 = 1", Map.of());
    boolean reader = viewer.roles().isEmpty() || viewer.roles().stream().anyMatch(r -> !r.equals("admin"));
    boolean victims = viewer.hasRole("victimProtection") && Agencies.get().require(viewer.agency()).tier() != Tier.PARTNER;
    AccessControl.SqlFilter f = new AccessControl.SqlFilter(viewer.agency(), reader, victims);
    return new Condition(f.statements(s, e), Map.of("acl_agency", f.agency(), "acl_reader", f.reader(), "acl_victims", f.foreignVictims()));
  }
}
