package org.mirabella.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mirabella.agency.Agencies;
import org.mirabella.agency.Tier;
import org.mirabella.model.InvalidData;

/**
 * Who is reading: a user of one agency with roles. The tier comes from the agency (a G7 unit, a
 * partner of a country of origin or transit, an international body) and is never chosen by the user.
 */
public record Viewer(String user, String agency, Tier tier, Set<Role> roles) {
  public Viewer {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(tier, "tier");
    roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** A viewer of a known agency; the tier is looked up. */
  public static Viewer of(String user, String agency, Set<Role> roles) {
    if (user == null || user.isBlank()) throw new InvalidData("Bad user", Map.of("user", "required"));
    var a = Agencies.get().require(agency);
    return new Viewer(user, a.code(), a.tier(), roles);
  }

  public static Viewer of(String user, String agency, Role... roles) {
    return of(user, agency, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True when any of the viewer's roles reads case data. */
  public boolean readsCaseData() {
    return roles.stream().anyMatch(Role::readsCaseData);
  }

  /** May see other agencies' victim records that were disclosed to the agency. */
  public boolean seesForeignVictims() {
    return has(Role.VICTIM_PROTECTION) && tier != Tier.PARTNER;
  }
}
