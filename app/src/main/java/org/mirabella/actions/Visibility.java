package org.mirabella.actions;

import java.util.Map;

/**
 * What a viewer may see, for every read path of joint actions, routes, reports and HTCDS: for now,
 * statements whose agency is the viewer's, or whose case its owner shared with the viewer's agency
 * (a joint investigation team, table {@code case_share}). This is the one place that says so; the
 * access engine's enforcement point (handling codes, victim shielding, releases) replaces it.
 */
public final class Visibility {
  private Visibility() {}

  /** A SQL condition and its bindings. */
  public record Condition(String sql, Map<String, Object> binds) {}

  /**
   * The condition that a row of {@code alias} (with columns {@code agency} and {@code case_ref}) is
   * visible to {@code viewer}. Binds {@code :visibilityAgency}.
   */
  public static Condition rows(String alias, Viewer viewer) {
    if (viewer.seesEverything()) return new Condition("1 = 1", Map.of());
    return new Condition("(" + alias + ".agency = :visibilityAgency OR EXISTS (SELECT 1 FROM case_share cs WHERE cs.agency = "
        + alias + ".agency AND cs.case_ref = " + alias + ".case_ref AND cs.shared_with = :visibilityAgency))",
        Map.of("visibilityAgency", viewer.agency()));
  }
}
