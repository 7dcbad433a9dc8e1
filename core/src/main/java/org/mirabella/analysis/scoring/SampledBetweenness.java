package org.mirabella.analysis.scoring;

import java.util.SplittableRandom;
import org.mirabella.analysis.graph.Network;

/**
 * Approximate betweenness by source sampling (Brandes &amp; Pich 2007, "Centrality estimation in
 * large networks", Int. J. Bifurcation and Chaos 17(7); Bader et al. 2007): run Brandes' step from
 * {@code k} distinct sources drawn uniformly at random and scale the summed dependencies by
 * {@code n/k}. Unbiased. O(km) time unweighted, parallel like {@link BetweennessCentrality}.
 *
 * <p><b>Error bound.</b> For a source s, {@code X_s = delta_s(v)/(n-2)} lies in [0, 1] and the
 * normalised betweenness is {@code n/(n-1)} times the mean of X over all sources. By Hoeffding's
 * inequality (which also holds for sampling without replacement, Hoeffding 1963 §6) and a union
 * bound over the n nodes, with probability at least {@code 1 - failureProbability} every normalised
 * score is within {@link #errorBound(double)} {@code = n/(n-1) · sqrt(ln(2n/δ) / (2k))} of the
 * exact one. The bound is absolute: it is tight for the brokers that matter and loose for the many
 * nodes near 0.
 */
public final class SampledBetweenness implements NodeScoring {
  private final Network network;
  private final int samples;
  private final long seed;
  private final boolean weighted;
  private final int parallelism;
  private NodeScores scores;

  /** Unweighted, normalised, with {@code samples} sources chosen with {@code seed}. */
  public SampledBetweenness(Network network, int samples, long seed) {
    this(network, samples, seed, false);
  }

  public SampledBetweenness(Network network, int samples, long seed, boolean weighted) {
    this(network, samples, seed, weighted, Runtime.getRuntime().availableProcessors());
  }

  public SampledBetweenness(Network network, int samples, long seed, boolean weighted, int parallelism) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (samples < 1) throw new IllegalArgumentException("samples must be >= 1: " + samples);
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
    this.network = network;
    this.samples = Math.min(samples, Math.max(1, network.nodeCount()));
    this.seed = seed;
    this.weighted = weighted;
    this.parallelism = parallelism;
  }

  /** Number of sources needed for absolute error {@code epsilon} with probability {@code 1 - failureProbability}. */
  public static int samplesFor(int n, double epsilon, double failureProbability) {
    if (!(epsilon > 0) || !(failureProbability > 0 && failureProbability < 1)) {
      throw new IllegalArgumentException("need epsilon > 0 and 0 < failureProbability < 1");
    }
    double eps = epsilon * (n - 1.0) / n;
    return (int) Math.ceil(Math.log(2.0 * n / failureProbability) / (2 * eps * eps));
  }

  /** Absolute error on the normalised scores that holds for all nodes with probability {@code 1 - failureProbability}. */
  public double errorBound(double failureProbability) {
    return errorBound(network.nodeCount(), samples, failureProbability);
  }

  /** The bound for {@code samples} sources out of {@code n} nodes; 0 when every node is a source. */
  public static double errorBound(int n, int samples, double failureProbability) {
    if (!(failureProbability > 0 && failureProbability < 1)) {
      throw new IllegalArgumentException("need 0 < failureProbability < 1: " + failureProbability);
    }
    if (samples >= n) return 0.0;
    return n / (n - 1.0) * Math.sqrt(Math.log(2.0 * n / failureProbability) / (2.0 * samples));
  }

  @Override
  public NodeScores scores() {
    if (scores == null) {
      int n = network.nodeCount();
      int[] sources = sample(n);
      double[] bc = BetweennessCentrality.sumDependencies(network, weighted, sources, parallelism, false);
      BetweennessCentrality.rescale(bc, n, true, n == 0 ? 1.0 : (double) n / sources.length);
      scores = NodeScores.wrap(bc);
    }
    return scores;
  }

  /** {@code samples} distinct nodes, uniformly (partial Fisher–Yates), sorted for cache locality. */
  private int[] sample(int n) {
    int k = Math.min(samples, n);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = i;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(perm, k);
    java.util.Arrays.sort(out);
    return out;
  }
}
