package org.mirabella.matching.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two {@link NameKey}s word by word, in any order. Each pair of words gets a similarity
 * (same spelling, same variant group, same consonant skeleton, initial, edit distance, or — only
 * across scripts — a loose skeleton within one edit); words are paired greedily, best first, and
 * words run together ("Mohammadhasni") are matched against two adjacent words. The score is the
 * weighted similarity of the paired words over their weight plus a penalty for unpaired words:
 * a word left over on both sides is a conflict and costs its full weight (Hafez al-Assad is not
 * Bashar al-Assad), a word only one side has (a middle name, a patronymic) costs a quarter.
 *
 * <p>Pure and thread-safe; O(n·m) in the number of words, with no allocation on the scoring path.
 */
public final class NameMatcher {
  /** Decision threshold for {@code names score}: a pair scoring at least this is predicted a match. */
  public static final double DEFAULT_THRESHOLD = 0.70;
  static final float EXTRA_COST = 0.25f;
  static final int MAX_WORDS = 12;

  private NameMatcher() {}

  /** Similarity in [0, 1] of two names; for slash-separated alternatives, the best of them. */
  public static double score(NameKey a, NameKey b) {
    double best = compare(a, b, null);
    if (a.alternatives().isEmpty() && b.alternatives().isEmpty()) return best;
    for (NameKey x : withAlternatives(a)) for (NameKey y : withAlternatives(b)) best = Math.max(best, compare(x, y, null));
    return best;
  }

  private static List<NameKey> withAlternatives(NameKey k) {
    if (k.alternatives().isEmpty()) return List.of(k);
    List<NameKey> out = new ArrayList<>(k.alternatives());
    out.add(k);
    return out;
  }

  /** The score with its reason in plain words. */
  public static NameComparison explain(NameKey a, NameKey b) {
    List<String> notes = new ArrayList<>();
    double s = compare(a, b, notes);
    if (!a.alternatives().isEmpty() || !b.alternatives().isEmpty()) {
      for (NameKey x : withAlternatives(a)) {
        for (NameKey y : withAlternatives(b)) {
          List<String> n = new ArrayList<>();
          double t = compare(x, y, n);
          if (t > s) {
            s = t;
            notes = n;
            notes.add("alternative " + x.original().strip() + " ~ " + y.original().strip());
          }
        }
      }
    }
    String how = a.nonLatin() != b.nonLatin() || a.nonLatin() && b.nonLatin() && !sameScripts(a, b) ? "across scripts" : "";
    String reason = (s >= DEFAULT_THRESHOLD ? "names match" : "names differ") + (how.isEmpty() ? "" : " " + how)
        + ": " + a.original() + " ~ " + b.original() + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    return new NameComparison(s, reason);
  }

  private static boolean sameScripts(NameKey a, NameKey b) {
    return a.tokens().isEmpty() || b.tokens().isEmpty() || a.tokens().get(0).script() == b.tokens().get(0).script();
  }

  /** Similarity of two words in [0, 1]; 0 means they do not pair. */
  public static float tokenSimilarity(NameToken x, NameToken y) {
    String lx = x.latin();
    String ly = y.latin();
    if (x.kind() == NameToken.Kind.INITIAL || y.kind() == NameToken.Kind.INITIAL) {
      boolean same = lx.charAt(0) == ly.charAt(0)
          || !x.skeleton().isEmpty() && !y.skeleton().isEmpty() && x.skeleton().charAt(0) == y.skeleton().charAt(0) && x.script() != y.script();
      return same ? 1f : 0f;
    }
    if (lx.equals(ly)) return 1f;
    if (x.kind() == NameToken.Kind.NUMBER || y.kind() == NameToken.Kind.NUMBER) return 0f;
    if (x.sameVariant(y)) return 0.97f;
    String sx = x.skeleton();
    String sy = y.skeleton();
    float best = 0f;
    if (sx.equals(sy) && (sx.length() >= 3 || EditDistance.withinOne(lx, ly) || sx.length() == 2 && x.script() != y.script())) {
      best = sx.length() >= 3 ? 0.95f : 0.9f; // across scripts the spellings cannot be compared, the consonants can (sisi ~ السيسي)
    }
    else if (inflected(sx, sy) || inflected(sy, sx)) best = 0.9f;
    if (best < 0.95f) {
      int max = Math.max(lx.length(), ly.length());
      int bound = max / 4; // a similarity of at least 0.75 allows this many edits
      if (max >= 4 && Math.abs(lx.length() - ly.length()) <= bound) {
        int d = EditDistance.levenshtein(lx, ly, bound);
        float r = 1f - (float) d / max;
        if (d <= bound && r >= 0.75f) best = Math.max(best, r);
      }
    }
    if (best == 0f && x.script() != y.script()) {
      String a = x.loose();
      String b = y.loose();
      if (a.length() >= 2 && b.length() >= 2) {
        int d = a.equals(b) ? 0 : EditDistance.levenshtein(a, b, 2);
        int min = Math.min(a.length(), b.length());
        if (d == 0) best = 0.85f;
        else if (d == 1 && (min >= 3 && a.charAt(0) == b.charAt(0) || min >= 4)) best = 0.75f;
        else if (d == 1 && a.length() == b.length()) best = 0.6f; // one consonant rendered differently (أدينا ~ Abena)
      }
    }
    return best;
  }

  /** A case ending in s (Lithuanian Putinas, Latvian Putins, English possessive): {@code long} = {@code short} + s. */
  private static boolean inflected(String shorter, String longer) {
    return shorter.length() >= 3 && longer.length() == shorter.length() + 1 && longer.charAt(shorter.length()) == 's'
        && longer.startsWith(shorter);
  }

  private static double compare(NameKey ka, NameKey kb, List<String> notes) {
    NameToken[] a = ka.scored();
    NameToken[] b = kb.scored();
    if (notes == null && a.length == 1 && b.length == 1) {
      // one word each (split given and family names): no alignment needed
      return tokenSimilarity(a[0], b[0]);
    }
    if (ka.compactKey().length() >= 6 && ka.compactKey().equals(kb.compactKey()) && !ka.latinKey().equals(kb.latinKey())) {
      if (notes != null) notes.add("same letters, spaced differently");
      return 0.97;
    }
    int n = Math.min(a.length, MAX_WORDS);
    int m = Math.min(b.length, MAX_WORDS);
    if (n == 0 || m == 0) return 0.0;
    float[] sim = new float[n * m];
    for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) sim[i * m + j] = tokenSimilarity(a[i], b[j]);
    int pairedA = 0; // bit sets: names have at most MAX_WORDS words
    int pairedB = 0;
    float num = 0f;
    float den = 0f;
    // words written together on one side: mohammadhasni ~ mohammad hasni
    float[] joined = joinRuns(a, n, pairedA, b, m, pairedB, notes);
    if (joined != null) {
      pairedA = (int) joined[0];
      pairedB = (int) joined[1];
      num += joined[2];
      den += joined[2];
    }
    joined = joinRuns(b, m, pairedB, a, n, pairedA, notes);
    if (joined != null) {
      pairedB = (int) joined[0];
      pairedA = (int) joined[1];
      num += joined[2];
      den += joined[2];
    }
    while (true) {
      int bi = -1;
      int bj = -1;
      float bs = 0f;
      float bw = 0f;
      for (int i = 0; i < n; i++) {
        if ((pairedA & (1 << i)) != 0) continue;
        for (int j = 0; j < m; j++) {
          if ((pairedB & (1 << j)) != 0) continue;
          float s = sim[i * m + j];
          if (s <= 0f) continue;
          float w = Math.min(a[i].weight(), b[j].weight());
          // best similarity first; among equals prefer the heavier pair, then the same position
          if (s > bs || s == bs && (w > bw || w == bw && i == j)) {
            bs = s;
            bw = w;
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0) break;
      pairedA |= 1 << bi;
      pairedB |= 1 << bj;
      num += bs * bw;
      den += bw;
      if (notes != null) notes.add(pairNote(a[bi], b[bj], bs));
    }
    if (den == 0f) return 0.0;
    float leftA = 0f;
    float leftB = 0f;
    float conflictA = 0f;
    float conflictB = 0f;
    for (int i = 0; i < n; i++) {
      if ((pairedA & (1 << i)) == 0) {
        leftA += a[i].weight();
        conflictA += a[i].conflictCost();
      }
    }
    for (int j = 0; j < m; j++) {
      if ((pairedB & (1 << j)) == 0) {
        leftB += b[j].weight();
        conflictB += b[j].conflictCost();
      }
    }
    float penalty = leftA > 0f && leftB > 0f ? conflictA + conflictB : EXTRA_COST * (leftA + leftB);
    if (notes != null) {
      List<String> ua = unpaired(a, n, pairedA);
      List<String> ub = unpaired(b, m, pairedB);
      if (!ua.isEmpty() && !ub.isEmpty()) notes.add("conflicting: " + String.join(" ", ua) + " vs " + String.join(" ", ub));
      else if (!ua.isEmpty() || !ub.isEmpty()) notes.add("only one side has: " + String.join(" ", ua.isEmpty() ? ub : ua));
    }
    return Math.min(1.0, num / (den + penalty));
  }

  /**
   * Finds an unpaired word of {@code x} equal to two adjacent unpaired words of {@code y} written
   * together. Returns {pairedX, pairedY, weight} or null.
   */
  private static float[] joinRuns(NameToken[] x, int n, int px, NameToken[] y, int m, int py, List<String> notes) {
    float weight = 0f;
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if ((px & (1 << i)) != 0 || x[i].latin().length() < 6) continue;
      String w = x[i].latin();
      for (int j = 0; j + 1 < m; j++) {
        if ((py & (1 << j)) != 0 || (py & (1 << (j + 1))) != 0) continue;
        String l = y[j].latin();
        String r = y[j + 1].latin();
        boolean same = l.length() + r.length() == w.length() && w.startsWith(l) && w.endsWith(r);
        if (!same) {
          String sw = x[i].skeleton();
          String sl = y[j].skeleton();
          String sr = y[j + 1].skeleton();
          same = sl.length() >= 2 && sr.length() >= 1 && sl.length() + sr.length() == sw.length() && sw.startsWith(sl) && sw.endsWith(sr);
        }
        if (!same) continue;
        px |= 1 << i;
        py |= (1 << j) | (1 << (j + 1));
        weight += x[i].weight();
        any = true;
        if (notes != null) notes.add(x[i].original() + " = " + y[j].original() + " " + y[j + 1].original() + " written together");
        break;
      }
    }
    return any ? new float[] {px, py, weight} : null;
  }

  private static List<String> unpaired(NameToken[] t, int n, int paired) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) if ((paired & (1 << i)) == 0) out.add(t[i].original());
    return out;
  }

  private static String pairNote(NameToken x, NameToken y, float s) {
    String how;
    if (x.kind() == NameToken.Kind.INITIAL || y.kind() == NameToken.Kind.INITIAL) how = "initial";
    else if (x.latin().equals(y.latin())) how = x.original().equalsIgnoreCase(y.original()) ? "same" : "same in Latin letters (" + x.latin() + ")";
    else if (x.sameVariant(y)) how = "variants of one name";
    else if (x.skeleton().equals(y.skeleton())) how = "same consonants (" + x.skeleton() + ")";
    else if (x.script() != y.script() && s <= 0.85f) how = "similar sound across scripts";
    else how = String.format(java.util.Locale.ROOT, "%.0f%% similar spelling", s * 100);
    return x.original() + " ~ " + y.original() + ": " + how;
  }
}
