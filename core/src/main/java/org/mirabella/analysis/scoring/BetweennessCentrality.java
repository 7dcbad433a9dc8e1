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
 * parallelism. With {@code parallelism = 1} the sums are bit-identical to networkx's (see {@link
 * BrandesKernel}); the disruption simulation relies on that to break ties as the published curves
 * do. Hand-written rather than JGraphT's {@code BetweennessCentrality}: that one runs on hash maps
 * of boxed vertices, single-threaded, and is several times slower (docs/benchmarks-network.md).
 */
public final class BetweennessCentrality implements NodeScoring {
  private final Network network;
  private final boolean weighted;
  private final boolean normalized;
  private final int parallelism;
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
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
    this.network = network;
    this.weighted = weighted;
    this.normalized = normalized;
    this.parallelism = parallelism;
  }

  @Override
  public NodeScores scores() {
    if (scores == null) {
      int n = network.nodeCount();
      int[] sources = new int[n];
      for (int s = 0; s < n; s++) sources[s] = s;
      double[] bc = sumDependencies(network, weighted, sources, parallelism);
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

  /** Sum over {@code sources} (in order, per thread) of the dependencies delta_s(v). */
  static double[] sumDependencies(Network g, boolean weighted, int[] sources, int parallelism) {
    int n = g.nodeCount();
    BrandesKernel.Csr csr = BrandesKernel.Csr.of(g);
    int threads = Math.min(parallelism, Math.max(1, sources.length / 64));
    if (threads <= 1) {
      double[] bc = new double[n];
      BrandesKernel k = new BrandesKernel(csr, weighted);
      for (int s : sources) k.accumulate(s, bc);
      return bc;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "betweenness");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<double[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          double[] bc = new double[n];
          BrandesKernel k = new BrandesKernel(csr, weighted);
          for (int i = first; i < sources.length; i += threads) k.accumulate(sources[i], bc);
          return bc;
        }));
      }
      double[] total = parts.get(0).get();
      for (int t = 1; t < threads; t++) {
        double[] part = parts.get(t).get();
        for (int v = 0; v < n; v++) total[v] += part[v];
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
}
