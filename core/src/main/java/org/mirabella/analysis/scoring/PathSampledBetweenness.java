package org.mirabella.analysis.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mirabella.analysis.graph.Network;

/**
 * Approximate betweenness with a guaranteed error, by sampling shortest paths (Riondato &amp;
 * Kornaropoulos 2016, "Fast approximation of betweenness centrality through sampling", Data Mining
 * and Knowledge Discovery 30(2) 438–475). Unweighted networks (weights ignored).
 *
 * <p><b>Procedure.</b> Draw {@code r} ordered pairs (u, v), u ≠ v, uniformly; for each, draw one
 * shortest u–v path uniformly among all of them (none if v is unreachable) and give every node
 * inside the path 1/r. The estimate is unbiased for the betweenness normalised by the n(n − 1)
 * ordered pairs.
 *
 * <p><b>Guarantee.</b> With {@code r = ⌈(c/ε²)(⌊log2(VD − 2)⌋ + 1 + ln(1/δ))⌉}, c = 0.5, where VD
 * bounds the vertex diameter (the most nodes on any shortest path), with probability at least
 * 1 − δ <i>every</i> node's estimate is within ε of its exact value (their Theorem 2, via the
 * VC-dimension of the range set of shortest paths, which is at most ⌊log2(VD − 2)⌋ + 1). VD is
 * bounded as in their §5.1 for unweighted graphs: a BFS from one node x of each connected
 * component gives 2·ecc(x) + 1 (capped by the component's size); the maximum over components is
 * used. O(n + m) for that, then r bidirectional searches.
 *
 * <p>Scores are returned with networkx's normalisation, 1/((n − 1)(n − 2)), to be comparable with
 * {@link BetweennessCentrality}: that multiplies the pair normalisation by n/(n − 2), so {@link
 * #errorBound()} is ε·n/(n − 2).
 *
 * <p><b>Each sample</b> is a balanced bidirectional BFS (as in KADABRA, Borassi &amp; Natale 2016,
 * ESA): expand level by level whichever side has the smaller sum of frontier degrees, counting
 * shortest paths (sigma) on each side, until the balls meet. Every shortest path crosses the newly
 * expanded level at exactly one node y, through sigma_u(y)·sigma_v(y) paths; y is drawn with that
 * weight and the path completed by walking back from y to each end, choosing each predecessor p
 * with probability sigma(p)/sigma(current). On small-world graphs a sample touches a few thousand
 * edges instead of the whole graph. Hand-written: neither JGraphT nor another Java library has this
 * estimator.
 *
 * <p>Deterministic for a given seed and parallelism: thread t draws its share of the samples from
 * its own split of the seed's generator.
 */
public final class PathSampledBetweenness implements NodeScoring {
  /** The constant of the ε-sample bound (Löffler &amp; Phillips 2009), as Riondato &amp; Kornaropoulos use it. */
  public static final double C = 0.5;

  private final Network network;
  private final double epsilon;
  private final double delta;
  private final long seed;
  private final int parallelism;
  private int vertexDiameter = -1;
  private NodeScores scores;

  /**
   * @param epsilon the largest error on the pair-normalised scores, in (0, 1)
   * @param delta the probability that some node's error exceeds epsilon, in (0, 1)
   */
  public PathSampledBetweenness(Network network, double epsilon, double delta, long seed, int parallelism) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (!(epsilon > 0 && epsilon < 1)) throw new IllegalArgumentException("epsilon must be in (0, 1): " + epsilon);
    if (!(delta > 0 && delta < 1)) throw new IllegalArgumentException("delta must be in (0, 1): " + delta);
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
    this.network = network;
    this.epsilon = epsilon;
    this.delta = delta;
    this.seed = seed;
    this.parallelism = parallelism;
  }

  /** On all available processors. */
  public PathSampledBetweenness(Network network, double epsilon, double delta, long seed) {
    this(network, epsilon, delta, seed, Runtime.getRuntime().availableProcessors());
  }

  /** The sample size for vertex-diameter bound {@code vd}: r of Riondato &amp; Kornaropoulos, Theorem 2. */
  public static int sampleSize(int vd, double epsilon, double delta) {
    int vcBound = vd <= 3 ? 1 : 31 - Integer.numberOfLeadingZeros(vd - 2) + 1; // floor(log2(vd - 2)) + 1
    return (int) Math.ceil(C / (epsilon * epsilon) * (vcBound + Math.log(1 / delta)));
  }

  /** The upper bound on the vertex diameter used (number of nodes on the longest shortest path). */
  public int vertexDiameterBound() {
    if (vertexDiameter < 0) vertexDiameter = vertexDiameterBound(network);
    return vertexDiameter;
  }

  /** Number of paths sampled. */
  public int sampleSize() {
    return sampleSize(vertexDiameterBound(), epsilon, delta);
  }

  /**
   * The error, on the networkx-normalised scores returned, that no node exceeds with probability at
   * least 1 − δ: ε·n/(n − 2).
   */
  public double errorBound() {
    int n = network.nodeCount();
    return n < 3 ? 0.0 : epsilon * n / (n - 2.0);
  }

  @Override
  public NodeScores scores() {
    if (scores == null) {
      int n = network.nodeCount();
      double[] counts = new double[n];
      if (n >= 3) {
        int r = sampleSize();
        counts = sample(r);
        double scale = n / (n - 2.0) / r; // pair-normalised estimate (count / r), then networkx's normalisation
        for (int v = 0; v < n; v++) counts[v] *= scale;
      }
      scores = NodeScores.wrap(counts);
    }
    return scores;
  }

  /** 2·ecc(x) + 1 for one node x per component, capped by the component's size; the maximum. O(n + m). */
  static int vertexDiameterBound(Network g) {
    int n = g.nodeCount();
    int[] dist = new int[n];
    java.util.Arrays.fill(dist, -1);
    int[] queue = new int[n];
    int best = Math.min(n, 1);
    for (int root = 0; root < n; root++) {
      if (dist[root] >= 0) continue;
      int head = 0;
      int tail = 0;
      queue[tail++] = root;
      dist[root] = 0;
      int ecc = 0;
      while (head < tail) {
        int v = queue[head++];
        ecc = dist[v];
        for (int i = g.offset(v), e = g.offset(v + 1); i < e; i++) {
          int w = g.target(i);
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            queue[tail++] = w;
          }
        }
      }
      best = Math.max(best, Math.min(tail, 2 * ecc + 1));
    }
    return best;
  }

  private double[] sample(int r) {
    int n = network.nodeCount();
    BrandesKernel.Csr csr = BrandesKernel.Csr.of(network);
    int threads = Math.min(parallelism, Math.max(1, r / 256));
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] rnds = new SplittableRandom[threads];
    for (int t = 0; t < threads; t++) rnds[t] = root.split();
    if (threads == 1) return new PathSampler(csr).run(r, rnds[0]);
    ExecutorService pool = Executors.newFixedThreadPool(threads, run -> {
      Thread t = new Thread(run, "path-sampling");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<double[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int share = r / threads + (t < r % threads ? 1 : 0);
        SplittableRandom rnd = rnds[t];
        parts.add(pool.submit(() -> new PathSampler(csr).run(share, rnd)));
      }
      double[] total = new double[n];
      for (Future<double[]> part : parts) {
        double[] p = part.get();
        for (int v = 0; v < n; v++) total[v] += p[v];
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("path sampling interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("path sampling failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One thread's sampler: scratch arrays for the two searches, reset after each sample. */
  static final class PathSampler {
    private final int[] off;
    private final int[] tgt;
    private final int n;
    private final int[][] dist = new int[2][]; // -1 unseen
    private final double[][] sigma = new double[2][];
    private final int[][] ball = new int[2][]; // visited nodes in BFS order, per side
    private final int[] size = new int[2];
    private final int[] levelStart = new int[2]; // start of the current frontier in ball
    private final int[] pred; // scratch for drawing a predecessor
    private final double[] predWeight;

    PathSampler(BrandesKernel.Csr g) {
      off = g.offsets();
      tgt = g.targets();
      n = off.length - 1;
      int maxDeg = 0;
      for (int v = 0; v < n; v++) maxDeg = Math.max(maxDeg, off[v + 1] - off[v]);
      for (int side = 0; side < 2; side++) {
        dist[side] = new int[n];
        java.util.Arrays.fill(dist[side], -1);
        sigma[side] = new double[n];
        ball[side] = new int[n];
      }
      pred = new int[Math.max(1, maxDeg)];
      predWeight = new double[Math.max(1, maxDeg)];
    }

    /** Counts, over {@code r} sampled pairs, how often each node lies inside the sampled path. */
    double[] run(int r, SplittableRandom rnd) {
      double[] counts = new double[n];
      for (int i = 0; i < r; i++) {
        int u = rnd.nextInt(n);
        int v = rnd.nextInt(n - 1);
        if (v >= u) v++;
        samplePath(u, v, rnd, counts);
      }
      return counts;
    }

    /** Adds 1 to each inner node of one uniformly drawn shortest u–v path; nothing if v is unreachable. */
    void samplePath(int u, int v, SplittableRandom rnd, double[] counts) {
      start(0, u);
      start(1, v);
      try {
        while (true) {
          int side = frontierDegree(0) <= frontierDegree(1) ? 0 : 1;
          int from = levelStart[side];
          int to = size[side];
          if (from == to) return; // one side's component is exhausted without meeting: unreachable
          boolean met = expand(side, from, to);
          if (met) {
            pick(side, to, rnd, counts);
            return;
          }
        }
      } finally {
        reset(0);
        reset(1);
      }
    }

    private void start(int side, int s) {
      dist[side][s] = 0;
      sigma[side][s] = 1;
      ball[side][0] = s;
      size[side] = 1;
      levelStart[side] = 0;
    }

    private long frontierDegree(int side) {
      long sum = 0;
      int[] b = ball[side];
      for (int k = levelStart[side]; k < size[side]; k++) sum += off[b[k] + 1] - off[b[k]];
      return sum;
    }

    /** Expands the frontier ball[from, to) of {@code side} by one level; whether it reached the other side. */
    private boolean expand(int side, int from, int to) {
      int[] d = dist[side];
      double[] sg = sigma[side];
      int[] b = ball[side];
      int[] other = dist[1 - side];
      int next = d[b[from]] + 1;
      boolean met = false;
      int tail = to;
      for (int k = from; k < to; k++) {
        int x = b[k];
        double sx = sg[x];
        for (int i = off[x], e = off[x + 1]; i < e; i++) {
          int y = tgt[i];
          int dy = d[y];
          if (dy < 0) {
            d[y] = next;
            sg[y] = sx;
            b[tail++] = y;
            met |= other[y] >= 0;
          } else if (dy == next) {
            sg[y] += sx;
          }
        }
      }
      levelStart[side] = to;
      size[side] = tail;
      return met;
    }

    /**
     * The balls met on the level ball[to, size) just built by {@code side}: every shortest path
     * crosses that level once, at a node also seen by the other side at the smallest distance.
     */
    private void pick(int side, int to, SplittableRandom rnd, double[] counts) {
      int[] b = ball[side];
      int[] other = dist[1 - side];
      double[] sOwn = sigma[side];
      double[] sOther = sigma[1 - side];
      int best = Integer.MAX_VALUE;
      for (int k = to; k < size[side]; k++) {
        int y = b[k];
        if (other[y] >= 0) best = Math.min(best, other[y]);
      }
      double total = 0;
      for (int k = to; k < size[side]; k++) {
        int y = b[k];
        if (other[y] == best) total += sOwn[y] * sOther[y];
      }
      double target = rnd.nextDouble() * total;
      int chosen = -1;
      double acc = 0;
      for (int k = to; k < size[side]; k++) {
        int y = b[k];
        if (other[y] != best) continue;
        chosen = y;
        acc += sOwn[y] * sOther[y];
        if (acc > target) break;
      }
      if (dist[0][chosen] > 0 && dist[1][chosen] > 0) counts[chosen] += 1; // inside, not an end
      walkBack(0, chosen, rnd, counts);
      walkBack(1, chosen, rnd, counts);
    }

    /** From {@code y} towards the side's start, predecessors drawn by their share of paths; counts inner nodes. */
    private void walkBack(int side, int y, SplittableRandom rnd, double[] counts) {
      int[] d = dist[side];
      double[] sg = sigma[side];
      int x = y;
      while (d[x] > 0) {
        int want = d[x] - 1;
        int k = 0;
        for (int i = off[x], e = off[x + 1]; i < e; i++) {
          int p = tgt[i];
          if (d[p] == want) {
            pred[k] = p;
            predWeight[k++] = sg[p];
          }
        }
        double target = rnd.nextDouble() * sg[x];
        int choice = k - 1; // guards against rounding: the last predecessor
        double acc = 0;
        for (int j = 0; j < k; j++) {
          acc += predWeight[j];
          if (acc > target) {
            choice = j;
            break;
          }
        }
        x = pred[choice];
        if (d[x] > 0) counts[x] += 1;
      }
    }

    private void reset(int side) {
      int[] d = dist[side];
      double[] sg = sigma[side];
      int[] b = ball[side];
      for (int k = 0; k < size[side]; k++) {
        d[b[k]] = -1;
        sg[b[k]] = 0;
      }
      size[side] = 0;
      levelStart[side] = 0;
    }
  }
}
