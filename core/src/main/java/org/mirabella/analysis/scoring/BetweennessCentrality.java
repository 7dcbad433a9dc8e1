package org.mirabella.analysis.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mirabella.analysis.graph.Network;

/**
 * Exact betweenness centrality by Brandes' algorithm (Brandes 2001, J. Math. Sociol. 25(2)
 * 163–177). O(nm) time unweighted (BFS), O(nm + n² log n) weighted (Dijkstra, weights read as
 * <b>distances</b>: a heavy edge is a long one, as in networkx and Cavallaro et al. 2020); O(n + m)
 * memory per thread.
 *
 * <p>Normalised like networkx {@code betweenness_centrality(normalized=True)}: the sum of pair
 * dependencies over ordered pairs divided by {@code (n-1)(n-2)}; unnormalised scores count each
 * unordered pair once.
 *
 * <p>Sources are split among {@code parallelism} threads, interleaved (thread t takes sources t, t+p,
 * …) and their partial sums added in thread order, so results are deterministic for a given
 * parallelism. Unweighted networks use {@link LevelBrandesKernel} (level-synchronous, branch-free;
 * equal to networkx up to the last bits); {@link #networkxOrder} gives sums bit-identical to
 * networkx's (see {@link BrandesKernel}), which the disruption simulation relies on to break ties as
 * the published curves do. Hand-written rather than JGraphT's {@code BetweennessCentrality}: that one runs on hash maps
 * of boxed vertices, single-threaded, and is several times slower (docs/benchmarks-network.md).
 */
public final class BetweennessCentrality implements NodeScoring {
  private final Network network;
  private final boolean weighted;
  private final boolean normalized;
  private final int parallelism;
  private final boolean networkxOrder;
  private NodeScores scores;

  /** Unweighted, normalised, on all available processors. */
  public BetweennessCentrality(Network network) {
    this(network, false);
  }

  public BetweennessCentrality(Network network, boolean weighted) {
    this(network, weighted, true);
  }

  public BetweennessCentrality(Network network, boolean weighted, boolean normalized) {
    this(network, weighted, normalized, Runtime.getRuntime().availableProcessors());
  }

  public BetweennessCentrality(Network network, boolean weighted, boolean normalized, int parallelism) {
    this(network, weighted, normalized, parallelism, false);
  }

  private BetweennessCentrality(Network network, boolean weighted, boolean normalized, int parallelism,
      boolean networkxOrder) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
    this.network = network;
    this.weighted = weighted;
    this.normalized = normalized;
    this.parallelism = parallelism;
    this.networkxOrder = networkxOrder;
  }

  /**
   * Normalised scores summed single-threaded in networkx's floating-point order ({@link
   * BrandesKernel}), bit-identical to networkx's {@code betweenness_centrality}: for procedures that
   * break ties on exact floats (the published disruption curves). Several times slower than the
   * default on large unweighted graphs.
   */
  public static BetweennessCentrality networkxOrder(Network network, boolean weighted) {
    return new BetweennessCentrality(network, weighted, true, 1, true);
  }

  @Override
  public NodeScores scores() {
    if (scores == null) {
      int n = network.nodeCount();
      int[] sources = new int[n];
      for (int s = 0; s < n; s++) sources[s] = s;
      double[] bc = sumDependencies(network, weighted, sources, parallelism, networkxOrder);
      rescale(bc, n, normalized, 1.0);
      scores = NodeScores.wrap(bc);
    }
    return scores;
  }

  /** Networkx's rescaling (no endpoints): normalised by 1/((n-1)(n-2)), else halved; times {@code sampleFactor}. */
  static void rescale(double[] bc, int n, boolean normalized, double sampleFactor) {
    if (n - 1 < 2) return;
    double scale = normalized ? 1.0 / ((double) (n - 1) * (n - 2)) : 0.5;
    scale *= sampleFactor;
    if (scale != 1.0) for (int v = 0; v < bc.length; v++) bc[v] *= scale;
  }

  /** One source's Brandes step, adding its dependencies into {@code bc}; one instance per thread. */
  interface DependencyStep {
    void accumulate(int source, double[] bc);
  }

  /**
   * The kernel: networkx's order ({@link BrandesKernel}) when asked for or weighted, else the
   * level-synchronous one ({@link LevelBrandesKernel}).
   */
  static DependencyStep kernel(BrandesKernel.Csr csr, boolean weighted, boolean networkxOrder) {
    return networkxOrder || weighted ? new BrandesKernel(csr, weighted)::accumulate
        : new LevelBrandesKernel(csr)::accumulate;
  }

  /** From this many nodes on, the level kernel runs on the network renumbered hubs-first. */
  static final int RENUMBER_FROM = 4096;

  /**
   * Sum over {@code sources} (in order, per thread) of the dependencies delta_s(v). For the level
   * kernel on large networks, nodes are first renumbered by descending degree ({@link
   * LocalityOrder#byDegree}): the hubs, which most shortest paths touch, then share cache lines
   * (about 25% less CPU per source on a 100,000-node Barabási–Albert graph).
   */
  static double[] sumDependencies(Network g, boolean weighted, int[] sources, int parallelism,
      boolean networkxOrder) {
    int n = g.nodeCount();
    BrandesKernel.Csr csr = BrandesKernel.Csr.of(g);
    if (networkxOrder || weighted || n < RENUMBER_FROM) {
      return sumDependencies(csr, weighted, sources, parallelism, networkxOrder);
    }
    int[] newId = LocalityOrder.byDegree(csr);
    int[] renumbered = new int[sources.length];
    for (int i = 0; i < sources.length; i++) renumbered[i] = newId[sources[i]];
    double[] bc = sumDependencies(LocalityOrder.permute(csr, newId), false, renumbered, parallelism, false);
    double[] out = new double[n];
    for (int v = 0; v < n; v++) out[v] = bc[newId[v]];
    return out;
  }

  /** Runs {@code part(t)} for t in [0, threads) on daemon threads and adds the results in thread order. */
  private static double[] inThreads(int n, int threads, java.util.function.IntFunction<double[]> part) {
    if (threads <= 1) return part.apply(0);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "betweenness");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<double[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int index = t;
        parts.add(pool.submit(() -> part.apply(index)));
      }
      double[] total = parts.get(0).get();
      for (int t = 1; t < threads; t++) {
        double[] p = parts.get(t).get();
        for (int v = 0; v < n; v++) total[v] += p[v];
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("betweenness interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("betweenness failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static double[] sumDependencies(BrandesKernel.Csr csr, boolean weighted, int[] sources, int parallelism,
      boolean networkxOrder) {
    int n = csr.offsets().length - 1;
    int threads = Math.min(parallelism, Math.max(1, sources.length / 64));
    return inThreads(n, threads, t -> {
      double[] bc = new double[n];
      DependencyStep k = kernel(csr, weighted, networkxOrder);
      for (int i = t; i < sources.length; i += threads) k.accumulate(sources[i], bc);
      return bc;
    });
  }
}
