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
    double s = similarity(x.words(), y.words());
    // house numbers and postcodes identify an address; sharing none of them caps the level
    if (s >= 0.25 && numbersDisjoint(x.words(), y.words())) return 3;
    if (s >= 0.95) return 0;
    if (s >= 0.75) return 1;
    if (s >= 0.5) return 2;
    if (s >= 0.25) return 3;
    return 4;
  }

  /** Whether both have numbers and none is shared. */
  static boolean numbersDisjoint(String[] x, String[] y) {
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

  /** Dice coefficient over words, fuzzy on one typo. Words are sorted and interned. */
  static double similarity(String[] x, String[] y) {
    int n = x.length;
    int m = y.length;
    long usedY = 0L;
    long usedX = 0L;
    int shared = 0;
    // exact matches by merge of the sorted arrays
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      int c = x[i].compareTo(y[j]);
      if (c == 0) {
        if (i < 64) usedX |= 1L << i;
        if (j < 64) usedY |= 1L << j;
        shared++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    // one-typo matches among the rest
    for (i = 0; i < n && i < 64; i++) {
      if ((usedX & (1L << i)) != 0) continue;
      String w = x[i];
      if (w.length() < 4 || Character.isDigit(w.charAt(0))) continue;
      for (j = 0; j < m && j < 64; j++) {
        if ((usedY & (1L << j)) != 0) continue;
        String v = y[j];
        if (v.length() < 4 || Character.isDigit(v.charAt(0))) continue;
        if (EditDistance.levenshtein(w, v, 1) <= 1) {
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
