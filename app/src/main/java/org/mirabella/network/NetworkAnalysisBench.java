package org.mirabella.network;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Benchmark of the request-time analyses on a chart as large as the API serves ({@value
 * GraphService#MAX_NODES_DEFAULT} nodes by default): role-aware disruption (sequential and block,
 * by degree and betweenness), brokerage roles by agency and by community, all paths up to 4 edges,
 * and the PNG chart. The chart is a seeded preferential-attachment graph (each new node links to
 * {@code m} earlier ones, chosen in proportion to their degree, so there are hubs as in criminal
 * networks), with agencies assigned round-robin and 3% money handlers, 1% organisers. Prints wall
 * time and this process's CPU time per run (the machine is shared: wall time alone misleads) and
 * the load average. Figures only, no assertions.
 *
 * <pre>java -cp … org.mirabella.network.NetworkAnalysisBench [--nodes 2000] [--m 3] [--seed 7] [--runs 3]</pre>
 */
public final class NetworkAnalysisBench {
  private static final String[] AGENCIES = {"IT", "DE", "UK", "FR", "US", "CA", "JP"};

  private NetworkAnalysisBench() {}

  public static void main(String[] args) {
    int nodes = GraphService.MAX_NODES_DEFAULT;
    int m = 3;
    long seed = 7;
    int runs = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--m" -> m = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --nodes N, --m M, --seed S, --runs R)");
      }
    }
    Graph g = chart(nodes, m, seed);
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "chart: %d nodes, %d edges, %d money handlers, %d organisers; load average %.2f on %d cores%n",
        g.nodes().size(), g.edges().size(), g.nodes().stream().filter(n -> "moneyHandler".equals(n.role())).count(),
        g.nodes().stream().filter(n -> "organiser".equals(n.role())).count(), os.getSystemLoadAverage(), os.getAvailableProcessors());
    GraphAnalysis a = new GraphAnalysis(g);
    String from = g.nodes().get(0).id();
    String to = g.nodes().get(g.nodes().size() / 2).id();
    time("role moneyHandler by degree, sequential", runs, () -> a.disruption("role", "sequential", List.of("moneyHandler"), "degree").removed().size());
    time("role moneyHandler by betweenness, block", runs, () -> a.disruption("role", "block", List.of("moneyHandler"), "betweenness").removed().size());
    time("role moneyHandler+organiser by degree, block", runs,
        () -> a.disruption("role", "block", List.of("moneyHandler", "organiser"), "degree").removed().size());
    time("brokerage by agency", runs, () -> (int) a.brokerage("agency").scores().values().stream().mapToDouble(Double::doubleValue).sum());
    time("brokerage by community (Louvain included)", runs, () -> a.brokerage("community").groupOf().size());
    time("all paths up to 4 edges (cap 200)", runs, () -> a.allPaths(from, to, 4, GraphAnalysis.MAX_PATHS).paths().size());
    time("disruption PNG chart (role, block)", runs, () -> a.disruptionChart("role", "block", List.of("moneyHandler"), "degree").length);
    System.out.printf(Locale.ROOT, "load average at the end %.2f%n", os.getSystemLoadAverage());
  }

  private static void time(String what, int runs, Supplier<Integer> run) {
    var threads = ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    run.get(); // warm-up
    for (int r = 0; r < runs; r++) {
      long cpu0 = os.getProcessCpuTime();
      long thread0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      int result = run.get();
      long wall = System.nanoTime() - t0;
      System.out.printf(Locale.ROOT, "%-48s run %d: wall %8.1f ms, process CPU %8.1f ms, thread CPU %8.1f ms (result %d)%n", what, r + 1,
          wall / 1e6, (os.getProcessCpuTime() - cpu0) / 1e6, (threads.getCurrentThreadCpuTime() - thread0) / 1e6, result);
    }
  }

  /** A seeded preferential-attachment chart (Barabási–Albert), written here because it is ten lines. */
  static Graph chart(int n, int m, long seed) {
    Random rnd = new Random(seed);
    List<Graph.Node> nodes = new ArrayList<>();
    List<Graph.Edge> edges = new ArrayList<>();
    List<Integer> ends = new ArrayList<>(); // every edge end once: sampling from it is sampling by degree
    for (int v = 0; v < n; v++) {
      double p = rnd.nextDouble();
      String role = p < 0.03 ? "moneyHandler" : p < 0.04 ? "organiser" : null;
      String id = String.format(Locale.ROOT, "p%05d", v);
      nodes.add(new Graph.Node(id, id, "Person", AGENCIES[v % AGENCIES.length], Graph.ENTITY, List.of(id), role));
      java.util.Set<Integer> targets = new java.util.LinkedHashSet<>();
      while (v > 0 && targets.size() < Math.min(m, v)) targets.add(ends.isEmpty() ? rnd.nextInt(v) : ends.get(rnd.nextInt(ends.size())));
      for (int w : targets) {
        String other = String.format(Locale.ROOT, "p%05d", w);
        edges.add(new Graph.Edge(other + ">" + id, other, id, "link", "associate", "Associate", false, 1, null, null, null, List.of()));
        ends.add(v);
        ends.add(w);
      }
    }
    return new Graph(nodes, edges, false);
  }
}
