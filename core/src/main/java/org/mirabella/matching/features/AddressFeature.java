package org.mirabella.matching.features;

import org.mirabella.matching.Address;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.names.EditDistance;

/**
 * Addresses as bags of words: the share of words the two have in common (Dice), where a word also
 * counts as shared when one typo apart (numbers only when equal).
 */
public final class AddressFeature implements Feature {
  private static final String[] LEVELS = {"same address", "nearly the same address", "similar addresses", "addresses share a little", "different addresses"};

  @Override
  public String name() {
    return "address";
  }

  @Override
  public String[] levels() {
    return LEVELS;
  }

  @Override
  public double[] priorM() {
    return new double[] {0.6, 0.2, 0.1, 0.06, 0.04};
  }

  @Override
  public double[] priorU() {
    return new double[] {0.0005, 0.002, 0.01, 0.1, 0.8875};
  }

  @Override
  public int level(MatchKeys a, MatchKeys b) {
    Address x = a.address();
    Address y = b.address();
    if (x.isEmpty() || y.isEmpty()) return MISSING;
    double s = similarity(x, y);
    // house numbers and postcodes identify an address; sharing none of them caps the level
    if (s >= 0.25 && numbersDisjoint(x, y)) return 3;
    if (s >= 0.95) return 0;
    if (s >= 0.75) return 1;
    if (s >= 0.5) return 2;
    if (s >= 0.25) return 3;
    return 4;
  }

  /** Whether both have numbers and none is shared. */
  static boolean numbersDisjoint(Address a, Address b) {
    String[] x = a.words();
    String[] y = b.words();
    boolean nx = false;
    boolean ny = false;
    for (String w : x) {
      if (!Character.isDigit(w.charAt(0))) continue;
      nx = true;
      for (String v : y) if (v.equals(w)) return false;
    }
    for (String v : y) if (Character.isDigit(v.charAt(0))) ny = true;
    return nx && ny;
  }

  /** Dice coefficient over words, fuzzy on one typo. */
  static double similarity(Address a, Address b) {
    int[] x = a.ids();
    int[] y = b.ids();
    int n = x.length;
    int m = y.length;
    long usedY = 0L;
    long usedX = 0L;
    int shared = 0;
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (x[i] == y[j]) {
        if (i < 64) usedX |= 1L << i;
        if (j < 64) usedY |= 1L << j;
        shared++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    double exact = 2.0 * shared / (n + m);
    if (exact >= 0.95 || shared == Math.min(n, m) || 2.0 * Math.min(n, m) / (n + m) < 0.25) return exact;
    String[] xw = a.words();
    String[] yw = b.words();
    long[] xs = a.signatures();
    long[] ys = b.signatures();
    for (i = 0; i < n && i < 64; i++) {
      if ((usedX & (1L << i)) != 0 || xs[i] == 0L) continue;
      long sx = xs[i];
      for (j = 0; j < m && j < 64; j++) {
        if ((usedY & (1L << j)) != 0 || ys[j] == 0L || Long.bitCount(sx ^ ys[j]) > 2) continue;
        String w = xw[i];
        String v = yw[j];
        int lw = w.length();
        int lv = v.length();
        if (lv > lw + 1 || lv < lw - 1) continue;
        if (EditDistance.withinOne(w, v)) {
          usedY |= 1L << j;
          shared++;
          break;
        }
      }
    }
    return 2.0 * shared / (n + m);
  }

  @Override
  public String explain(MatchKeys a, MatchKeys b, int level) {
    return LEVELS[level] + ": " + a.address().text + " vs " + b.address().text;
  }
}
