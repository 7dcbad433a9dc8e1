package org.mirabella.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mirabella.analysis.community.Communities;
import org.mirabella.analysis.community.Louvain;
import org.mirabella.analysis.disruption.DisruptionCurve;
import org.mirabella.analysis.disruption.DisruptionSimulation;
import org.mirabella.analysis.disruption.KeyPlayerSet;
import org.mirabella.analysis.disruption.RemovalMode;
import org.mirabella.analysis.disruption.RemovalStrategy;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;
import org.mirabella.analysis.paths.ShortestPaths;
import org.mirabella.analysis.scoring.BetweennessCentrality;
import org.mirabella.analysis.scoring.ClosenessCentrality;
import org.mirabella.analysis.scoring.CollectiveInfluence;
import org.mirabella.analysis.scoring.Coreness;
import org.mirabella.analysis.scoring.DegreeCentrality;
import org.mirabella.analysis.scoring.EigenvectorCentrality;
import org.mirabella.analysis.scoring.KatzCentrality;
import org.mirabella.analysis.scoring.NodeScoring;
import org.mirabella.analysis.scoring.PageRankCentrality;
import org.mirabella.model.InvalidData;

/**
 * The core's algorithms ({@code org.mirabella.analysis}) over a viewer's {@link Graph}: the graph
 * becomes an undirected, unweighted {@link Network} whose node labels are the graph's node ids, so
 * every answer names nodes by the ids the chart already holds.
 */
public final class GraphAnalysis {
  public static final List<String> MEASURES = List.of("degree", "betweenness", "closeness", "pagerank", "katz", "eigenvector",
      "coreness", "ci");
  /** How many top-scoring nodes are reported as key players. */
  public static final int KEY_PLAYERS = 5;
  /** Largest network on which a disruption answer also carries a key-player set. */
  public static final int KEY_PLAYER_LIMIT = 500;
  /** Largest network on which sequential betweenness or Katz removal runs within a request. */
  public static final int SEQUENTIAL_LIMIT = 500;
  private final Graph graph;
  private final Network network;

  public GraphAnalysis(Graph graph) {
    this.graph = graph;
    NetworkBuilder b = new NetworkBuilder(Math.max(16, graph.edges().size()));
    for (Graph.Node n : graph.nodes()) b.node(n.id());
    for (Graph.Edge e : graph.edges()) b.addEdge(e.source(), e.target());
    this.network = b.build();
  }

  public Network network() {
    return network;
  }

  /** Scores of one measure by node id, and the top {@value #KEY_PLAYERS} as key players. */
  public record Scores(String measure, Map<String, Double> scores, List<String> keyPlayers) {}

  public Scores measure(String name) {
    String m = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    NodeScoring scoring = switch (m) {
      case "degree" -> new DegreeCentrality(network);
      case "betweenness" -> new BetweennessCentrality(network);
      case "closeness" -> new ClosenessCentrality(network);
      case "pagerank" -> new PageRankCentrality(network);
      case "katz" -> new KatzCentrality(network);
      case "eigenvector" -> new EigenvectorCentrality(network);
      case "coreness" -> new Coreness(network);
      case "ci", "collective-influence" -> new CollectiveInfluence(network);
      default -> throw new InvalidData("Unknown measure", Map.of("measure", "'" + name + "': expected one of " + String.join(", ", MEASURES)));
    };
    double[] s = network.nodeCount() == 0 ? new double[0] : scoring.scores().toArray();
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < s.length; i++) out.put(network.label(i), s[i]);
    List<String> top = out.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(KEY_PLAYERS).map(Map.Entry::getKey).toList();
    return new Scores(m, out, top);
  }

  /** Louvain communities: community number by node id, their count and the modularity reached. */
  public record CommunityResult(Map<String, Integer> communities, int count, double modularity) {}

  public CommunityResult communities() {
    if (network.nodeCount() == 0) return new CommunityResult(Map.of(), 0, 0);
    Communities c = new Louvain(network).communities();
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < network.nodeCount(); i++) out.put(network.label(i), c.communityOf(i));
    return new CommunityResult(out, c.count(), c.modularity());
  }

  /** One step of a disruption curve: nodes removed so far, LCC share left, components. */
  public record Step(int removed, double lcc_ratio, int lccSize, int components) {}

  /** A disruption simulation's curve, the nodes in the order removed, and a greedy key-player set. */
  public record Disruption(String strategy, String mode, List<Step> curve, List<String> removed, List<String> keyPlayers,
      double fragmentation) {}

  public Disruption disruption(String strategy, String mode) {
    RemovalStrategy s;
    RemovalMode md;
    try {
      s = RemovalStrategy.parse(strategy == null ? "betweenness" : strategy);
    } catch (IllegalArgumentException e) {
      throw new InvalidData("Unknown strategy", Map.of("strategy", e.getMessage()));
    }
    try {
      md = RemovalMode.parse(mode == null ? "sequential" : mode);
    } catch (IllegalArgumentException e) {
      throw new InvalidData("Unknown mode", Map.of("mode", e.getMessage()));
    }
    // Sequential removal recomputes the ranking after every removal: with betweenness that is
    // O(n^2 m) overall, minutes on a full chart. Bounded here; the CLI has no bound.
    if (md == RemovalMode.SEQUENTIAL && (s == RemovalStrategy.BETWEENNESS || s == RemovalStrategy.KATZ)
        && network.nodeCount() > SEQUENTIAL_LIMIT) {
      throw new InvalidData("Network too large", Map.of("entities", network.nodeCount() + " nodes: sequential " + strategy
          + " runs on at most " + SEQUENTIAL_LIMIT + "; use mode block, or mirabella network disrupt"));
    }
    if (network.nodeCount() == 0) return new Disruption(s.name().toLowerCase(Locale.ROOT), md.name().toLowerCase(Locale.ROOT), List.of(), List.of(), List.of(), 0);
    DisruptionCurve c = DisruptionSimulation.simulate(network, s, md, false);
    List<Step> steps = new ArrayList<>();
    for (DisruptionCurve.Point p : c.points()) steps.add(new Step(p.removed(), p.lccRatio(), p.lccSize(), p.components()));
    // Borgatti's greedy set costs O(k·n·(n + m)) per pass: only on charts small enough to answer at once.
    List<String> players = List.of();
    double fragmentation = KeyPlayerSet.fragmentation(network);
    if (network.nodeCount() <= KEY_PLAYER_LIMIT) {
      KeyPlayerSet kp = new KeyPlayerSet(network, Math.min(KEY_PLAYERS, network.nodeCount()));
      players = kp.players().stream().map(network::label).toList();
      fragmentation = kp.fragmentation();
    }
    return new Disruption(s.name().toLowerCase(Locale.ROOT), md.name().toLowerCase(Locale.ROOT), steps, c.removedNodes(),
        players, fragmentation);
  }

  /** A shortest path between two nodes, with alternatives of the same or greater length. */
  public record PathResult(boolean found, int length, List<Graph.Node> nodes, List<Graph.Edge> edges, List<List<String>> alternatives) {}

  /** Up to {@code k} shortest loopless paths (Yen) when the graph is small enough to make it cheap. */
  public PathResult path(String from, String to, int k) {
    var u = network.node(from);
    var v = network.node(to);
    if (u.isEmpty() || v.isEmpty()) return new PathResult(false, -1, List.of(), List.of(), List.of());
    ShortestPaths sp = new ShortestPaths(network);
    var best = sp.between(u.getAsInt(), v.getAsInt());
    if (best.isEmpty()) return new PathResult(false, -1, List.of(), List.of(), List.of());
    List<String> ids = best.get().nodes().stream().map(network::label).toList();
    Map<String, Graph.Node> byId = new LinkedHashMap<>();
    for (Graph.Node n : graph.nodes()) byId.put(n.id(), n);
    List<Graph.Edge> edges = new ArrayList<>();
    for (int i = 0; i + 1 < ids.size(); i++) {
      String a = ids.get(i);
      String b = ids.get(i + 1);
      graph.edges().stream().filter(e -> (e.source().equals(a) && e.target().equals(b)) || (e.source().equals(b) && e.target().equals(a)))
          .min(Comparator.comparing(Graph.Edge::id)).ifPresent(edges::add);
    }
    List<List<String>> alternatives = new ArrayList<>();
    if (k > 1 && network.nodeCount() <= 2_000) {
      for (ShortestPaths.Path p : sp.kShortest(u.getAsInt(), v.getAsInt(), k)) {
        List<String> alt = p.nodes().stream().map(network::label).toList();
        if (!alt.equals(ids)) alternatives.add(alt);
      }
    }
    return new PathResult(true, ids.size() - 1, ids.stream().map(byId::get).toList(), edges, alternatives);
  }
}
