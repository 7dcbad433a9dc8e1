package org.mirabella.matching.fs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.features.Feature;

/**
 * A Fellegi–Sunter model (Fellegi and Sunter 1969): for each feature and comparison level, m = P(level
 * | match) and u = P(level | non-match); a pair's weight is the prior log-odds plus the sum of
 * log2(m/u) over its features (missing values count 0). Parameters are estimated without labels:
 * u by comparing random pairs (nearly all non-matches), m and the prior λ by expectation
 * maximisation over the blocked candidate pairs with u held fixed (Winkler 1988; as in Splink).
 * Exact agreements on a value are adjusted by its frequency ({@link #withTermFrequencies}): a
 * shared rare family name counts more than a shared "Smith".
 *
 * <p>Immutable; every estimation step returns a new model.
 */
public final class FellegiSunter {
  private static final double MIN_P = 1e-5;
  private static final double M_FLOOR = 0.003;

  private final List<Feature> features;
  private final double[][] m;
  private final double[][] u;
  private final double lambda;
  private final double[][] weights;
  private final double priorWeight;
  /** Per feature: value → frequency (share of records with that value), or null. */
  private final List<Map<String, Double>> frequencies;

  private FellegiSunter(List<Feature> features, double[][] m, double[][] u, double lambda, List<Map<String, Double>> frequencies) {
    this.features = List.copyOf(features);
    this.m = m;
    this.u = u;
    this.lambda = lambda;
    this.frequencies = frequencies;
    this.weights = new double[m.length][];
    for (int f = 0; f < m.length; f++) {
      weights[f] = new double[m[f].length];
      for (int l = 0; l < m[f].length; l++) weights[f][l] = log2(Math.max(m[f][l], MIN_P) / Math.max(u[f][l], MIN_P));
    }
    this.priorWeight = log2(lambda / (1 - lambda));
  }

  /** A model from the features' own starting values. */
  public static FellegiSunter priors(List<Feature> features, double lambda) {
    double[][] m = new double[features.size()][];
    double[][] u = new double[features.size()][];
    for (int f = 0; f < features.size(); f++) {
      m[f] = features.get(f).priorM().clone();
      u[f] = features.get(f).priorU().clone();
    }
    return new FellegiSunter(features, m, u, lambda, null);
  }

  /**
   * A model from stored parameters (a persisted fit): m and u per feature and level in the order of
   * {@code features}, the prior λ, and per feature the value frequencies kept for the term-frequency
   * adjustment (null where none). Shapes are checked against the features.
   */
  public static FellegiSunter of(List<Feature> features, double[][] m, double[][] u, double lambda, List<Map<String, Double>> frequencies) {
    if (m.length != features.size() || u.length != features.size()) {
      throw new IllegalArgumentException("m and u need one row per feature (" + features.size() + "), got " + m.length + " and " + u.length);
    }
    for (int f = 0; f < features.size(); f++) {
      int levels = features.get(f).levels().length;
      if (m[f] == null || u[f] == null || m[f].length != levels || u[f].length != levels) {
        throw new IllegalArgumentException("feature " + features.get(f).name() + " has " + levels + " levels; m/u rows do not match");
      }
    }
    if (!(lambda > 0 && lambda < 1)) throw new IllegalArgumentException("lambda must be in (0, 1): " + lambda);
    if (frequencies != null && frequencies.size() != features.size()) {
      throw new IllegalArgumentException("frequencies need one entry (or null) per feature");
    }
    double[][] mm = new double[m.length][];
    double[][] uu = new double[u.length][];
    for (int f = 0; f < m.length; f++) {
      mm[f] = m[f].clone();
      uu[f] = u[f].clone();
    }
    return new FellegiSunter(features, mm, uu, lambda, frequencies == null ? null : new java.util.ArrayList<>(frequencies));
  }

  public List<Feature> features() {
    return features;
  }

  /**
   * The value frequencies of a feature that make an exact agreement weigh less than the average
   * one: values more common than u of the agreement level, most common first, at most {@code max}.
   * Values left out get the average weight, which is what a store keeps when it persists the model.
   */
  public Map<String, Double> commonValues(int feature, int max) {
    if (frequencies == null || frequencies.get(feature) == null) return Map.of();
    double cut = u[feature][0];
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    frequencies.get(feature).entrySet().stream().filter(e -> e.getValue() > cut)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(max).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  public double lambda() {
    return lambda;
  }

  public double m(int feature, int level) {
    return m[feature][level];
  }

  public double u(int feature, int level) {
    return u[feature][level];
  }

  /** log2(m/u) of a level; 0 for {@link Feature#MISSING}. */
  public double weight(int feature, int level) {
    return level < 0 ? 0 : weights[feature][level];
  }

  public double priorWeight() {
    return priorWeight;
  }

  /**
   * The weight of an exact agreement on {@code value}: log2(m / frequency), the frequency kept within
   * [u/5, 1] so a misspelt one-off value does not outweigh everything else.
   */
  public double weight(int feature, int level, String value) {
    if (level != 0 || value == null || frequencies == null || frequencies.get(feature) == null) return weight(feature, level);
    Double fq = frequencies.get(feature).get(value);
    if (fq == null) return weight(feature, level);
    double uTf = Math.min(1.0, Math.max(fq, u[feature][0] / 5));
    return log2(Math.max(m[feature][0], MIN_P) / uTf);
  }

  /** Probability of a match for a total weight (log2 odds). */
  public static double probability(double weight) {
    return 1.0 / (1.0 + Math.pow(2, -weight));
  }

  /** Estimates u for every feature from {@code samples} random pairs of distinct records. */
  public FellegiSunter withRandomU(List<MatchKeys> records, int samples, long seed) {
    if (records.size() < 2) return this;
    double[][] count = new double[features.size()][];
    for (int f = 0; f < features.size(); f++) count[f] = new double[u[f].length];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int s = 0; s < samples; s++) {
      int i = rnd.nextInt(records.size());
      int j = rnd.nextInt(records.size() - 1);
      if (j >= i) j++;
      MatchKeys a = records.get(i);
      MatchKeys b = records.get(j);
      for (int f = 0; f < features.size(); f++) {
        int l = features.get(f).level(a, b);
        if (l >= 0) count[f][l]++;
      }
    }
    double[][] nu = new double[features.size()][];
    for (int f = 0; f < features.size(); f++) {
      double total = 0;
      for (double c : count[f]) total += c;
      nu[f] = new double[count[f].length];
      for (int l = 0; l < nu[f].length; l++) {
        // a level never seen among random pairs keeps a small share (half a pair), blended with the prior
        nu[f][l] = total < 50 ? u[f][l] : (count[f][l] + 0.5 * u[f][l]) / (total + 0.5);
      }
    }
    return new FellegiSunter(features, m, nu, lambda, frequencies);
  }

  /**
   * Expectation maximisation of m, u and λ over the level vectors of candidate pairs
   * ({@code levels[pair * features + feature]}, -1 = missing), the classic two-class mixture (Jaro
   * 1989). u must be re-estimated here: blocked pairs are not random pairs (they share a name or a
   * date by construction), and holding u at its random-pair value lets the "match" class swallow
   * the whole candidate set. The current m and u are the starting point.
   */
  public FellegiSunter withEm(byte[] levels, int pairs, int iterations) {
    int nf = features.size();
    double[][] mm = new double[nf][];
    double[][] uu = new double[nf][];
    for (int f = 0; f < nf; f++) {
      mm[f] = m[f].clone();
      uu[f] = u[f].clone();
    }
    double lam = lambda;
    for (int it = 0; it < iterations; it++) {
      double[][] mw = new double[nf][];
      double[][] uw = new double[nf][];
      double[] present = new double[nf];
      double[] presentU = new double[nf];
      for (int f = 0; f < nf; f++) {
        mw[f] = new double[mm[f].length];
        uw[f] = new double[mm[f].length];
      }
      double[][] lw = new double[nf][];
      for (int f = 0; f < nf; f++) {
        lw[f] = new double[mm[f].length];
        for (int l = 0; l < lw[f].length; l++) lw[f][l] = Math.log(Math.max(mm[f][l], MIN_P) / Math.max(uu[f][l], MIN_P));
      }
      double prior = Math.log(lam / (1 - lam));
      double sumG = 0;
      for (int p = 0; p < pairs; p++) {
        double w = prior;
        int base = p * nf;
        for (int f = 0; f < nf; f++) {
          int l = levels[base + f];
          if (l >= 0) w += lw[f][l];
        }
        double g = 1.0 / (1.0 + Math.exp(-w));
        sumG += g;
        for (int f = 0; f < nf; f++) {
          int l = levels[base + f];
          if (l >= 0) {
            mw[f][l] += g;
            present[f] += g;
            uw[f][l] += 1 - g;
            presentU[f] += 1 - g;
          }
        }
      }
      lam = Math.min(0.999, Math.max(1e-6, sumG / Math.max(1, pairs)));
      for (int f = 0; f < nf; f++) {
        if (present[f] < 1) continue;
        for (int l = 0; l < mm[f].length; l++) mm[f][l] = (mw[f][l] + 0.01) / (present[f] + 0.01 * mm[f].length);
        if (presentU[f] < 1) continue;
        for (int l = 0; l < uu[f].length; l++) uu[f][l] = (uw[f][l] + 0.01) / (presentU[f] + 0.01 * uu[f].length);
      }
    }
    // no level is impossible among matches: a typo can put a true pair anywhere (keeps weights bounded)
    for (double[] row : mm) {
      double sum = 0;
      for (int l = 0; l < row.length; l++) sum += row[l] = Math.max(row[l], M_FLOOR);
      for (int l = 0; l < row.length; l++) row[l] /= sum;
    }
    return new FellegiSunter(features, mm, uu, lam, frequencies);
  }

  /**
   * Expectation maximisation in Splink's manner, for when the classic two-class fit over all
   * candidate pairs is degenerate: u stays at its random-pair estimate, and m is estimated in
   * passes, each over the candidate pairs that one kind of blocking key brought together
   * ({@code passOf[pair]}: bit i set when the pair is in pass i), leaving out the features that
   * kind of key is made of ({@code leftOut[i]}): their agreement there is forced by the blocking,
   * not evidence. A feature's m is the average of its estimates in the passes that kept it,
   * weighted by each pass's expected matches. λ, the prior over all pairs (matching uses random-pair
   * u, so λ must be the share of matches among all pairs, not among candidates), is the largest
   * pass's expected matches ({@code scale} × pass λ × pass pairs) over {@code allPairs}.
   * A pass with fewer than {@code minPairs} pairs is skipped; a feature no pass estimated keeps its m.
   */
  public FellegiSunter withEmByBlocking(byte[] levels, byte[] passOf, int pairs, int[][] leftOut, int iterations, int minPairs,
      double scale, double allPairs) {
    int nf = features.size();
    double[][] mSum = new double[nf][];
    double[] mWeight = new double[nf];
    for (int f = 0; f < nf; f++) mSum[f] = new double[m[f].length];
    double matches = 0;
    for (int pass = 0; pass < leftOut.length; pass++) {
      boolean[] out = new boolean[nf];
      for (int f : leftOut[pass]) out[f] = true;
      int bit = 1 << pass;
      int count = 0;
      for (int p = 0; p < pairs; p++) if ((passOf[p] & bit) != 0) count++;
      if (count < minPairs) continue;
      double[][] mm = new double[nf][];
      for (int f = 0; f < nf; f++) mm[f] = m[f].clone();
      double lam = lambda;
      double[] present = new double[nf];
      for (int it = 0; it < iterations; it++) {
        double[][] lw = new double[nf][];
        for (int f = 0; f < nf; f++) {
          lw[f] = new double[mm[f].length];
          for (int l = 0; l < lw[f].length; l++) lw[f][l] = Math.log(Math.max(mm[f][l], MIN_P) / Math.max(u[f][l], MIN_P));
        }
        double[][] mw = new double[nf][];
        for (int f = 0; f < nf; f++) mw[f] = new double[mm[f].length];
        java.util.Arrays.fill(present, 0);
        double prior = Math.log(lam / (1 - lam));
        double sumG = 0;
        for (int p = 0; p < pairs; p++) {
          if ((passOf[p] & bit) == 0) continue;
          int base = p * nf;
          double w = prior;
          for (int f = 0; f < nf; f++) {
            int l = levels[base + f];
            if (l >= 0 && !out[f]) w += lw[f][l];
          }
          double g = 1.0 / (1.0 + Math.exp(-w));
          sumG += g;
          for (int f = 0; f < nf; f++) {
            int l = levels[base + f];
            if (l >= 0 && !out[f]) {
              mw[f][l] += g;
              present[f] += g;
            }
          }
        }
        lam = Math.min(0.999, Math.max(1e-6, sumG / count));
        for (int f = 0; f < nf; f++) {
          if (out[f] || present[f] < 1) continue;
          for (int l = 0; l < mm[f].length; l++) mm[f][l] = (mw[f][l] + 0.01) / (present[f] + 0.01 * mm[f].length);
        }
      }
      double expected = lam * count;
      matches = Math.max(matches, expected * scale);
      for (int f = 0; f < nf; f++) {
        if (out[f] || present[f] < 1) continue;
        for (int l = 0; l < mm[f].length; l++) mSum[f][l] += mm[f][l] * present[f];
        mWeight[f] += present[f];
      }
    }
    double[][] mm = new double[nf][];
    for (int f = 0; f < nf; f++) {
      mm[f] = m[f].clone();
      if (mWeight[f] > 0) for (int l = 0; l < mm[f].length; l++) mm[f][l] = mSum[f][l] / mWeight[f];
    }
    for (double[] row : mm) {
      double sum = 0;
      for (int l = 0; l < row.length; l++) sum += row[l] = Math.max(row[l], M_FLOOR);
      for (int l = 0; l < row.length; l++) row[l] /= sum;
    }
    double lam = matches > 0 && allPairs > 0 ? Math.min(0.5, Math.max(1e-12, matches / allPairs)) : lambda;
    return new FellegiSunter(features, mm, u.clone(), lam, frequencies);
  }

  /** Counts value frequencies over the records for the term-frequency adjustment. */
  public FellegiSunter withTermFrequencies(List<MatchKeys> records) {
    List<Map<String, Double>> out = new java.util.ArrayList<>();
    for (Feature f : features) {
      Map<String, Integer> counts = new HashMap<>();
      int n = 0;
      for (MatchKeys r : records) {
        String[] vs = f.values(r);
        if (vs.length == 0) continue;
        n++;
        for (String v : vs) counts.merge(v, 1, Integer::sum);
      }
      if (counts.isEmpty()) {
        out.add(null);
        continue;
      }
      Map<String, Double> fq = new HashMap<>(counts.size() * 2);
      int total = n;
      counts.forEach((k, c) -> fq.put(k, c / (double) total));
      out.add(fq);
    }
    return new FellegiSunter(features, m, u, lambda, out);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "λ=%.5f%n", lambda));
    for (int f = 0; f < features.size(); f++) {
      b.append(features.get(f).name()).append(':');
      for (int l = 0; l < m[f].length; l++) {
        b.append(String.format(java.util.Locale.ROOT, " [%s m=%.3f u=%.4f w=%+.1f]", features.get(f).levels()[l], m[f][l], u[f][l], weights[f][l]));
      }
      b.append('\n');
    }
    return b.toString();
  }
}
