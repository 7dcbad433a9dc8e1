package org.mirabella.matching.features;

import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.names.NameComparison;
import org.mirabella.matching.names.NameKey;
import org.mirabella.matching.names.NameMatcher;

/**
 * Name similarity by {@link NameMatcher}, in levels. Three uses: {@link #fullName()} compares whole
 * names (all names and aliases, best pair) when a side does not split its names; {@link #given()}
 * and {@link #family()} compare the split parts when both sides have them, and also try the parts
 * crosswise, because sources swap given and family names.
 */
public final class NameFeature implements Feature {
  private enum Part { FULL, GIVEN, FAMILY }

  private static final String[] LEVELS = {"same", "same name, other spelling", "very similar", "similar", "a little similar", "different"};
  private static final double[] M = {0.70, 0.15, 0.07, 0.04, 0.02, 0.02};
  private static final double[] U = {0.002, 0.003, 0.005, 0.01, 0.03, 0.95};

  private final Part part;

  private NameFeature(Part part) {
    this.part = part;
  }

  public static NameFeature fullName() {
    return new NameFeature(Part.FULL);
  }

  public static NameFeature given() {
    return new NameFeature(Part.GIVEN);
  }

  public static NameFeature family() {
    return new NameFeature(Part.FAMILY);
  }

  private static boolean split(MatchKeys k) {
    return k.given() != null && k.family() != null;
  }

  @Override
  public String name() {
    return switch (part) {
      case FULL -> "name";
      case GIVEN -> "givenName";
      case FAMILY -> "familyName";
    };
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
    if (part != Part.FULL && split(a) && split(b) && mine(a).latinKey().equals(mine(b).latinKey())) return 0;
    double s = score(a, b);
    if (s < 0) return MISSING;
    return level(s, same(a, b));
  }

  private static int level(double s, boolean same) {
    if (same) return 0;
    if (s >= 0.94) return 1;
    if (s >= 0.85) return 2;
    if (s >= 0.7) return 3;
    if (s >= 0.5) return 4;
    return 5;
  }

  private boolean same(MatchKeys a, MatchKeys b) {
    NameKey x = mine(a);
    NameKey y = mine(b);
    if (part == Part.FULL) {
      for (NameKey p : a.names()) for (NameKey q : b.names()) if (latin(p).equals(latin(q))) return true;
      return false;
    }
    return x != null && y != null && latin(x).equals(latin(y));
  }

  private NameKey mine(MatchKeys k) {
    return part == Part.GIVEN ? k.given() : part == Part.FAMILY ? k.family() : null;
  }

  private NameKey other(MatchKeys k) {
    return part == Part.GIVEN ? k.family() : k.given();
  }

  /** Best score, or -1 when the feature does not apply to this pair. */
  private double score(MatchKeys a, MatchKeys b) {
    if (part == Part.FULL) {
      if (split(a) && split(b)) return -1; // the split parts are compared instead
      if (a.names().length == 0 || b.names().length == 0) return -1;
      double best = 0;
      for (NameKey p : a.names()) for (NameKey q : b.names()) best = Math.max(best, NameMatcher.score(p, q));
      return best;
    }
    if (!split(a) || !split(b)) {
      // only one part on a side: compare what there is
      NameKey x = mine(a);
      NameKey y = mine(b);
      if (x == null || y == null || split(a) || split(b)) return -1;
      return NameMatcher.score(x, y);
    }
    double direct = NameMatcher.score(mine(a), mine(b));
    if (direct >= 0.7 || other(b) == null) return direct;
    // given and family names swapped between the fields (counted a little lower than in place)
    return Math.max(direct, NameMatcher.score(mine(a), other(b)) * 0.9);
  }

  private static String latin(NameKey k) {
    return k.latinKey();
  }

  @Override
  public String explain(MatchKeys a, MatchKeys b, int level) {
    if (part == Part.FULL) {
      NameComparison best = null;
      for (NameKey p : a.names()) {
        for (NameKey q : b.names()) {
          NameComparison c = NameMatcher.explain(p, q);
          if (best == null || c.score() > best.score()) best = c;
        }
      }
      return best == null ? "" : best.reason();
    }
    String label = part == Part.GIVEN ? "given names" : "family names";
    NameKey x = mine(a);
    NameKey y = mine(b);
    if (x == null || y == null) return label + " " + LEVELS[level];
    double direct = NameMatcher.score(x, y);
    if (direct < 0.7 && other(b) != null && NameMatcher.score(x, other(b)) * 0.9 > direct) {
      return label + " swapped with the other name field: " + x.original() + " ~ " + other(b).original();
    }
    return label + " " + LEVELS[level] + ": " + x.original() + " ~ " + y.original();
  }

  @Override
  public String agreedValue(MatchKeys a, MatchKeys b, int level) {
    if (level != 0) return null;
    if (part == Part.FULL) return a.names().length == 0 ? null : latin(a.names()[0]);
    NameKey x = mine(a);
    return x == null ? null : latin(x);
  }

  @Override
  public String[] values(MatchKeys a) {
    if (part == Part.FULL) {
      String[] out = new String[a.names().length];
      for (int i = 0; i < out.length; i++) out[i] = latin(a.names()[i]);
      return out;
    }
    NameKey x = mine(a);
    return x == null ? new String[0] : new String[] {latin(x)};
  }
}
