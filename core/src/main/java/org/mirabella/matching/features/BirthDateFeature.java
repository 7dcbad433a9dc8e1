package org.mirabella.matching.features;

import org.mirabella.matching.BirthDates;
import org.mirabella.matching.MatchKeys;

/**
 * Birth dates at the precision each side has: the same day; agreement as far as both go (a year
 * only, or year and month, against a full date); day and month swapped or one digit mistyped; a
 * year apart; different. Best level over all pairs of dates.
 */
public final class BirthDateFeature implements Feature {
  private static final String[] LEVELS = {"same birth date", "birth dates agree as far as both go", "birth dates differ by a swap or one digit",
      "birth years one apart", "different birth dates"};
  private static final double[] M = {0.80, 0.07, 0.08, 0.03, 0.02};
  private static final double[] U = {0.0005, 0.01, 0.003, 0.02, 0.9665};

  @Override
  public String name() {
    return "birthDate";
  }

  @Override
  public String[] levels() {
    return LEVELS;
  }

  @Override
  public double[] priorM() {
    return M;
  }

  @Override
  public double[] priorU() {
    return U;
  }

  @Override
  public int level(MatchKeys a, MatchKeys b) {
    BirthDates x = a.birthDates();
    BirthDates y = b.birthDates();
    if (x.isEmpty() || y.isEmpty()) return MISSING;
    int best = 4;
    for (int i = 0; i < x.years.length; i++) {
      for (int j = 0; j < y.years.length; j++) {
        best = Math.min(best, level(x.years[i], x.months[i], x.days[i], y.years[j], y.months[j], y.days[j]));
        if (best == 0) return 0;
      }
    }
    return best;
  }

  static int level(int y1, int m1, int d1, int y2, int m2, int d2) {
    boolean fullBoth = d1 > 0 && d2 > 0;
    if (fullBoth && y1 == y2 && m1 == m2 && d1 == d2) return 0;
    if (y1 == y2 && (m1 == 0 || m2 == 0 || m1 == m2 && (d1 == 0 || d2 == 0))) return 1;
    if (fullBoth) {
      if (y1 == y2 && m1 == d2 && d1 == m2) return 2;
      int diffs = digitDiffs(y1, y2, 4) + digitDiffs(m1, m2, 2) + digitDiffs(d1, d2, 2);
      if (diffs == 1) return 2;
      if (Math.abs(y1 - y2) == 1 && m1 == m2 && d1 == d2) return 3;
      return 4;
    }
    if (Math.abs(y1 - y2) == 1 && (m1 == 0 || m2 == 0 || m1 == m2)) return 3;
    if (y1 == y2 && m1 != m2) return 4;
    return 4;
  }

  private static int digitDiffs(int a, int b, int width) {
    int n = 0;
    for (int i = 0; i < width; i++) {
      if (a % 10 != b % 10) n++;
      a /= 10;
      b /= 10;
    }
    return n;
  }

  @Override
  public String explain(MatchKeys a, MatchKeys b, int level) {
    return LEVELS[level] + ": " + a.birthDates() + " vs " + b.birthDates();
  }

  @Override
  public String agreedValue(MatchKeys a, MatchKeys b, int level) {
    return level == 0 ? a.birthDates().values[0] : null;
  }

  @Override
  public String[] values(MatchKeys a) {
    return a.birthDates().values;
  }
}
