package org.mirabella.matching.names;

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions: Asasd ~ Assad) with an early exit, on two short strings; allocation-free for words up to 63 letters. */
public final class EditDistance {
  private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[][] {new int[64], new int[64], new int[64]});

  private EditDistance() {}

  /** The edit distance of {@code a} and {@code b}, or a value above {@code max} once it must exceed it. */
  public static int levenshtein(CharSequence a, CharSequence b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) return max + 1;
    if (n == 0) return m;
    if (m == 0) return n;
    int[][] rows = m < 63 ? ROWS.get() : new int[][] {new int[m + 1], new int[m + 1], new int[m + 1]};
    int[] prev2 = rows[2];
    int[] prev = rows[0];
    int[] cur = rows[1];
    for (int j = 0; j <= m; j++) prev[j] = j;
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /** Whether two strings are at most one insertion, deletion or substitution apart. O(length), no allocation. */
  public static boolean withinOne(CharSequence a, CharSequence b) {
    int n = a.length();
    int m = b.length();
    if (n > m) return withinOne(b, a);
    if (m - n > 1) return false;
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) i++;
    if (i == n) return true;
    if (n == m) {
      for (int k = i + 1; k < n; k++) if (a.charAt(k) != b.charAt(k)) return false;
      return true;
    }
    for (int k = i; k < n; k++) if (a.charAt(k) != b.charAt(k + 1)) return false;
    return true;
  }
}
