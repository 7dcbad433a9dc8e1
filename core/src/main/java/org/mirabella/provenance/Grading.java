package org.mirabella.provenance;

import java.util.Locale;
import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * The 4x4 evaluation of a piece of information (Europol's scheme): source reliability
 * A (reliable), B (usually reliable), C (not usually reliable), X (cannot be assessed); and
 * information accuracy 1 (known to be true), 2 (known personally to the source), 3 (not known
 * personally but corroborated), 4 (cannot be assessed). Written together, e.g. {@code B2}.
 */
public record Grading(char reliability, int accuracy) {
  public static final Grading UNASSESSED = new Grading('X', 4);

  public Grading {
    if ("ABCX".indexOf(reliability) < 0) throw new InvalidData("Bad grading", Map.of("grade", "source reliability must be A, B, C or X, not '" + reliability + "'"));
    if (accuracy < 1 || accuracy > 4) throw new InvalidData("Bad grading", Map.of("grade", "information accuracy must be 1 to 4, not " + accuracy));
  }

  /** Reads {@code B2}, {@code b2}, {@code B-2} or {@code B/2}; a missing grade is {@link #UNASSESSED}. */
  public static Grading parse(String raw) {
    if (raw == null || raw.isBlank()) return UNASSESSED;
    String v = raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-/]", "");
    if (v.length() != 2 || !Character.isDigit(v.charAt(1))) {
      throw new InvalidData("Bad grading", Map.of("grade", "'" + raw.strip() + "' is not a grade such as A1, B2 or X4"));
    }
    return new Grading(v.charAt(0), v.charAt(1) - '0');
  }

  @Override
  public String toString() {
    return "" + reliability + accuracy;
  }
}
