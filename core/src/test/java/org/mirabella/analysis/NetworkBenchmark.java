package org.mirabella.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.mirabella.analysis.community.Communities;
import org.mirabella.analysis.community.Leiden;
import org.mirabella.analysis.community.Louvain;
import org.mirabella.analysis.graph.JGraphTAdapter;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;
import org.mirabella.analysis.scoring.BetweennessCentrality;
import org.mirabella.analysis.scoring.PathSampledBetweenness;
import org.mirabella.analysis.scoring.SampledBetweenness;

/**
 * Timings of betweenness and Louvain on generated Barabási–Albert networks, against plain JGraphT
 * on the same graphs. Not a test: run by hand (see docs/benchmarks-network.md), e.g.
 *
 * <pre>
 * java -Xmx6g -cp core/target/classes:core/target/test-classes:$JGRAPHT \
 *     org.mirabella.analysis.NetworkBenchmark exact 100000 5
 * </pre>
 *
 * Sections: {@code exact N M} (exact betweenness on BA(N, M), both cores), {@code rate N M K} (CPU
 * per source over K sources, and the exact run extrapolated from it), {@code jgrapht N M}
 * (ours vs JGraphT's BetweennessCentrality on the same graph), {@code sampled N M K} (K-source
 * estimate with its error bound, plus one BFS in ours vs JGraphT), {@code louvain N M [nojgrapht]}
 * (our Louvain, then our Leiden,
 * and JGraphT's label propagation, the nearest community algorithm it has, on the same
 * graph).
 */
public final class NetworkBenchmark {
  private NetworkBenchmark() {}

  /** Barabási–Albert preferential attachment: each new node links to {@code m} distinct earlier nodes. */
  public static Network barabasiAlbert(int n, int m, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    NetworkBuilder b = new NetworkBuilder(n * m);
    int[] ends = new int[2 * n * m + 2 * m * m];
    int size = 0;
    for (int u = 0; u <= m; u++) {
      for (int v = u + 1; v <= m; v++) {
        b.addEdge(u, v, 1.0);
        ends[size++] = u;
        ends[size++] = v;
      }
    }
    int[] chosen = new int[m];
    for (int v = m + 1; v < n; v++) {
      int k = 0;
      while (k < m) {
        int t = ends[rnd.nextInt(size)];
        boolean dup = false;
        for (int i = 0; i < k; i++) dup |= chosen[i] == t;
        if (!dup) chosen[k++] = t;
      }
      for (int i = 0; i < m; i++) {
        b.addEdge(v, chosen[i], 1.0);
        ends[size++] = v;
        ends[size++] = chosen[i];
      }
    }
    return b.build().unweighted();
  }

  public static void main(String[] args) {
    String section = args.length > 0 ? args[0] : "exact";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int m = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    long t0 = System.nanoTime();
    Network g = barabasiAlbert(n, m, 1);
    say("generated BA(%d, %d): %d nodes, %d edges in %.1f s; %d cores", n, m, g.nodeCount(), g.edgeCount(),
        secs(t0), Runtime.getRuntime().availableProcessors());
    switch (section) {
      case "exact" -> exact(g);
      case "jgrapht" -> jgraphtBetweenness(g);
      case "sampled" -> sampled(g, args.length > 3 ? Integer.parseInt(args[3]) : 1000);
      case "louvain" -> louvain(g, args.length <= 3 || !args[3].equals("nojgrapht"));
      case "pathsampled" -> pathSampled(g, Double.parseDouble(args.length > 3 ? args[3] : "0.01"),
          args.length <= 4 || !args[4].equals("nojgrapht"));
      case "rate" -> sampledOnly(g, args.length > 3 ? Integer.parseInt(args[3]) : 200, "exact-betweenness rate");
      default -> throw new IllegalArgumentException("unknown section " + section);
    }
  }

  private static void exact(Network g) {
    long t = System.nanoTime();
    long c = cpu();
    double[] s = new BetweennessCentrality(g, false, true, 2).scores().toArray();
    say("exact betweenness, ours, 2 threads: %.1f s wall, %.1f s CPU (max %.5f); load average %s", secs(t), cpuSecs(c),
        max(s), load());
  }

  private static void jgraphtBetweenness(Network g) {
    new BetweennessCentrality(g, false, false, 1).scores(); // warm-up
    long t = System.nanoTime();
    long c = cpu();
    double[] ours1 = new BetweennessCentrality(g, false, false, 1).scores().toArray();
    double ourOne = secs(t);
    double ourOneCpu = cpuSecs(c);
    t = System.nanoTime();
    new BetweennessCentrality(g, false, false, 2).scores();
    double ourTwo = secs(t);
    t = System.nanoTime();
    Graph<Integer, DefaultWeightedEdge> jg = JGraphTAdapter.toGraph(g);
    double convert = secs(t);
    t = System.nanoTime();
    c = cpu();
    Map<Integer, Double> theirs = new org.jgrapht.alg.scoring.BetweennessCentrality<>(jg, false).getScores();
    double jgt = secs(t);
    double jgtCpu = cpuSecs(c);
    double diff = 0;
    for (int v = 0; v < g.nodeCount(); v++) diff = Math.max(diff, Math.abs(theirs.get(v) - ours1[v]));
    say("exact betweenness, wall: ours 1 thread %.2f s, ours 2 threads %.2f s, JGraphT (1 thread) %.2f s "
        + "(+%.2f s to build its graph); JGraphT/ours-2 = %.1fx; CPU, both single-threaded: ours %.2f s, JGraphT "
        + "%.2f s, ratio %.1fx; max |diff| %.2e", ourOne, ourTwo, jgt, convert, jgt / ourTwo, ourOneCpu, jgtCpu,
        jgtCpu / ourOneCpu, diff);
  }

  private static void sampledOnly(Network g, int k, String label) {
    long t = System.nanoTime();
    long c = cpu();
    new SampledBetweenness(g, k, 7, false, 2).scores();
    double perSource = cpuSecs(c) / k;
    say("%s: %d sources: %.1f s wall, %.1f ms CPU per source; all %d sources would take %.0f s CPU, %.0f s on 2 "
        + "free cores; load average %s", label, k, secs(t), 1000 * perSource, g.nodeCount(), perSource * g.nodeCount(),
        perSource * g.nodeCount() / 2, load());
  }

  private static void sampled(Network g, int k) {
    long t = System.nanoTime();
    long c = cpu();
    SampledBetweenness sb = new SampledBetweenness(g, k, 7, false, 2);
    double[] s = sb.scores().toArray();
    double wall = secs(t);
    double cpu = cpuSecs(c);
    say("sampled betweenness, %d sources, 2 threads: %.1f s wall, %.1f s CPU (%.1f ms CPU per source; max %.5f); "
        + "error bound +/- %.4f (normalised, all nodes, probability 0.9)", k, wall, cpu, 1000 * cpu / k, max(s),
        sb.errorBound(0.1));
    // the primitive both run per source: one single-source shortest-path search
    int sources = 5;
    c = cpu();
    new SampledBetweenness(g, sources, 11, false, 1).scores();
    double ours = cpuSecs(c) / sources;
    t = System.nanoTime();
    Graph<Integer, DefaultWeightedEdge> jg = JGraphTAdapter.toGraph(g);
    double convert = secs(t);
    c = cpu();
    for (int s0 = 0; s0 < sources; s0++) new BFSShortestPath<>(jg).getPaths(s0 * 1000);
    double theirs = cpuSecs(c) / sources;
    say("per source, CPU: ours (BFS + dependency accumulation) %.3f s; JGraphT BFSShortestPath.getPaths alone %.3f s "
        + "(+%.1f s to build its graph); ratio %.1fx", ours, theirs, convert, theirs / ours);
  }

  private static void pathSampled(Network g, double epsilon, boolean withJGraphT) {
    long t = System.nanoTime();
    long c = cpu();
    PathSampledBetweenness pb = new PathSampledBetweenness(g, epsilon, 0.1, 7, 2);
    int vd = pb.vertexDiameterBound();
    double vdSecs = secs(t);
    double[] s = pb.scores().toArray();
    double wall = secs(t);
    double cpu = cpuSecs(c);
    int r = pb.sampleSize();
    say("path-sampled betweenness (Riondato-Kornaropoulos), epsilon %.4f, delta 0.1: vertex diameter bound %d "
        + "(%.1f s), %d paths, 2 threads: %.1f s wall, %.1f s CPU (%.1f us CPU per path); max %.5f; every node within "
        + "+/- %.5f (networkx normalisation) with probability 0.9; load average %s", epsilon, vd, vdSecs, r, wall, cpu,
        1e6 * cpu / r, max(s), pb.errorBound(), load());
    if (!withJGraphT) return;
    // the primitive per sample: one shortest path between a random pair, ours vs JGraphT's bidirectional search
    int pairs = 2000;
    SplittableRandom rnd = new SplittableRandom(3);
    int[] us = new int[pairs];
    int[] vs = new int[pairs];
    for (int i = 0; i < pairs; i++) {
      us[i] = rnd.nextInt(g.nodeCount());
      vs[i] = rnd.nextInt(g.nodeCount());
    }
    t = System.nanoTime();
    Graph<Integer, DefaultWeightedEdge> jg = JGraphTAdapter.toGraph(g);
    double convert = secs(t);
    c = cpu();
    org.jgrapht.alg.shortestpath.BidirectionalDijkstraShortestPath<Integer, DefaultWeightedEdge> bd =
        new org.jgrapht.alg.shortestpath.BidirectionalDijkstraShortestPath<>(jg);
    long found = 0;
    for (int i = 0; i < pairs; i++) found += bd.getPath(us[i], vs[i]) == null ? 0 : 1;
    double theirs = cpuSecs(c) / pairs;
    say("per path, CPU: ours (bidirectional BFS, path drawn uniformly) %.1f us; JGraphT BidirectionalDijkstraShortestPath "
        + "%.1f us over %d random pairs (%d connected; +%.1f s to build its graph); ratio %.1fx", 1e6 * cpu / r,
        1e6 * theirs, pairs, found, convert, theirs / (cpu / r));
  }

  private static void louvain(Network g, boolean withJGraphT) {
    long t = System.nanoTime();
    long c0 = cpu();
    Communities c = new Louvain(g).communities();
    say("Louvain, ours (1 thread): %.1f s wall, %.1f s CPU, %d communities, modularity %.4f", secs(t), cpuSecs(c0),
        c.count(), c.modularity());
    t = System.nanoTime();
    c0 = cpu();
    Communities leiden = new Leiden(g).communities();
    say("Leiden, ours (1 thread): %.1f s wall, %.1f s CPU, %d communities, modularity %.4f; load average %s", secs(t),
        cpuSecs(c0), leiden.count(), leiden.modularity(), load());
    if (!withJGraphT) return;
    t = System.nanoTime();
    Graph<Integer, DefaultWeightedEdge> jg = JGraphTAdapter.toGraph(g);
    double convert = secs(t);
    t = System.nanoTime();
    c0 = cpu();
    ClusteringAlgorithm.Clustering<Integer> lp = new LabelPropagationClustering<>(jg, 1).getClustering();
    double jgt = secs(t);
    double jgtCpu = cpuSecs(c0);
    List<Set<Integer>> parts = new ArrayList<>();
    for (Set<Integer> cl : lp.getClusters()) parts.add(new HashSet<>(cl));
    double q = new UndirectedModularityMeasurer<>(jg).modularity(parts);
    say("JGraphT LabelPropagationClustering (no Louvain in JGraphT 1.5.2): %.1f s wall, %.1f s CPU (+%.1f s to build "
        + "its graph), %d communities, modularity %.4f", jgt, jgtCpu, convert, lp.getNumberClusters(), q);
  }

  /** The 1-minute load average, as the figures must be read against it. */
  static String load() {
    return String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double cpuSecs(long c0) {
    return (cpu() - c0) / 1e9;
  }

  private static double max(double[] s) {
    double m = 0;
    for (double x : s) m = Math.max(m, x);
    return m;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void say(String fmt, Object... args) {
    System.out.println(String.format(Locale.ROOT, fmt, args));
  }
}
