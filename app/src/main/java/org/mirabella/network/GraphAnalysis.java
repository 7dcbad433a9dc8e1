package org.mirabella.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mirabella.analysis.chart.DisruptionChart;
import org.mirabella.analysis.community.Communities;
import org.mirabella.analysis.community.Leiden;
import org.mirabella.analysis.community.Louvain;
import org.mirabella.analysis.disruption.DisruptionCurve;
import org.mirabella.analysis.disruption.DisruptionSimulation;
import org.mirabella.analysis.disruption.KeyPlayerSet;
import org.mirabella.analysis.disruption.RemovalMode;
import org.mirabella.analysis.disruption.RemovalStrategy;
import org.mirabella.analysis.disruption.RoleRemovalSimulation;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;
import org.mirabella.analysis.paths.ShortestPaths;
import org.mirabella.analysis.paths.SimplePaths;
import org.mirabella.analysis.roles.BrokerageRoles;
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
import org.mirabella.model.types.Cleaned;
import org.mirabella.model.types.CodeListType;
import org.mirabella.model.types.Types;

/**
 * The core's algorithms ({@code org.mirabella.analysis}) over a viewer's {@link Graph}: the graph
 * becomes an undirected, unweighted {@link Network} whose node labels are the graph's node ids, so
 * every answer names nodes by the ids the chart already holds.
 */
public final class GraphAnalysis {
  public static final List<String> MEASURES = List.of("degree", "betweenness", "closeness", "pagerank", "katz", "eigenvector",
      "coreness", "ci", "brokerage");
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
    if (m.equals("brokerage")) {
      Brokerage b = brokerage("agency");
      return new Scores(m, b.scores(), b.keyPlayers());
    }
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
    return new Scores(m, out, top(out));
  }

  /** The top {@value #KEY_PLAYERS} positive scores, ties by id. */
  private static List<String> top(Map<String, Double> scores) {
    return scores.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(KEY_PLAYERS).map(Map.Entry::getKey).toList();
  }

  /** Communities: community number by node id, their count, the modularity reached and the algorithm that found them. */
  public record CommunityResult(Map<String, Integer> communities, int count, double modularity, String algorithm) {}

  /** The community algorithms offered: Leiden (the default: every community it returns is connected) and Louvain. */
  public static final List<String> COMMUNITY_ALGORITHMS = List.of("leiden", "louvain");

  /** Leiden communities. */
  public CommunityResult communities() {
    return communities("leiden");
  }

  /**
   * Communities by {@code leiden} (Traag, Waltman &amp; van Eck 2019; the default when {@code algorithm} is null or
   * blank) or {@code louvain} (Blondel et al. 2008, which can leave a community internally disconnected).
   */
  public CommunityResult communities(String algorithm) {
    String name = algorithm == null || algorithm.isBlank() ? "leiden" : algorithm.strip().toLowerCase(Locale.ROOT);
    if (!COMMUNITY_ALGORITHMS.contains(name)) {
      throw new InvalidData("Unknown community algorithm", Map.of("algorithm", "'" + algorithm + "': expected one of "
          + String.join(", ", COMMUNITY_ALGORITHMS)));
    }
    if (network.nodeCount() == 0) return new CommunityResult(Map.of(), 0, 0, name);
    Communities c = name.equals("leiden") ? new Leiden(network).communities() : new Louvain(network).communities();
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < network.nodeCount(); i++) out.put(network.label(i), c.communityOf(i));
    return new CommunityResult(out, c.count(), c.modularity(), name);
  }

  /** One step of a disruption curve: nodes removed so far, LCC share left, components, global efficiency. */
  public record Step(int removed, double lcc_ratio, int lccSize, int components, double efficiency) {}

  /**
   * A disruption simulation's curve, the nodes in the order removed, and a greedy key-player set.
   * For strategy {@code role}: the {@code roles} removed and the secondary {@code order} among them.
   */
  public record Disruption(String strategy, String mode, List<Step> curve, List<String> removed, List<String> keyPlayers,
      double fragmentation, List<String> roles, String order) {}

  /** The strategy that removes every node of given roles. */
  public static final String ROLE = "role";

  public Disruption disruption(String strategy, String mode) {
    return disruption(strategy, mode, List.of(), null);
  }

  /**
   * A disruption simulation. {@code strategy} is a centrality ({@link RemovalStrategy}) or {@value
   * #ROLE}: then every node whose role (from the viewer's visible NetworkRole records, see {@link
   * Graph.Node#role()}) is one of {@code roles} is removed, highest first by {@code order} (a
   * centrality, default degree), and a row is recorded after each removal ({@link
   * RoleRemovalSimulation}).
   */
  public Disruption disruption(String strategy, String mode, List<String> roles, String order) {
    return simulate(strategy, mode, roles, order).answer();
  }

  /** The curve of {@link #disruption(String, String, List, String)} as a PNG line chart (XChart). */
  public byte[] disruptionChart(String strategy, String mode, List<String> roles, String order) {
    Simulation s = simulate(strategy, mode, roles, order);
    Disruption d = s.answer();
    if (d.curve().isEmpty()) {
      throw new InvalidData("Nothing to plot", Map.of("entities", network.nodeCount() + " nodes: the " + d.strategy()
          + " run records no row on a network this small (it stops once no more than a block of 5 is left)"));
    }
    String name = ROLE.equals(d.strategy()) ? String.join(" + ", d.roles()) + " by " + d.order() + " " + d.mode()
        : d.strategy() + " " + d.mode();
    return DisruptionChart.png("Disruption: " + network.nodeCount() + " nodes", name, s.curve());
  }

  private record Simulation(Disruption answer, DisruptionCurve curve) {}

  private Simulation simulate(String strategy, String mode, List<String> roles, String order) {
    boolean byRole = strategy != null && strategy.strip().equalsIgnoreCase(ROLE);
    RemovalStrategy s = byRole ? strategy(order == null || order.isBlank() ? "degree" : order, "order")
        : strategy(strategy == null ? "betweenness" : strategy, "strategy");
    RemovalMode md;
    try {
      md = RemovalMode.parse(mode == null ? "sequential" : mode);
    } catch (IllegalArgumentException e) {
      throw new InvalidData("Unknown mode", Map.of("mode", e.getMessage()));
    }
    Set<String> targets = byRole ? roleCodes(roles) : Set.of();
    String sName = byRole ? ROLE : s.name().toLowerCase(Locale.ROOT);
    String mName = md.name().toLowerCase(Locale.ROOT);
    String orderName = byRole ? s.name().toLowerCase(Locale.ROOT) : null;
    // Sequential removal recomputes the ranking after every removal: with betweenness that is
    // O(n^2 m) overall, minutes on a full chart. Bounded here; the CLI has no bound.
    if (md == RemovalMode.SEQUENTIAL && (s == RemovalStrategy.BETWEENNESS || s == RemovalStrategy.KATZ)
        && network.nodeCount() > SEQUENTIAL_LIMIT) {
      throw new InvalidData("Network too large", Map.of("entities", network.nodeCount() + " nodes: sequential "
          + s.name().toLowerCase(Locale.ROOT) + " runs on at most " + SEQUENTIAL_LIMIT + "; use mode block, or mirabella network disrupt"));
    }
    List<String> roleList = List.copyOf(targets);
    if (network.nodeCount() == 0) {
      return new Simulation(new Disruption(sName, mName, List.of(), List.of(), List.of(), 0, roleList, orderName),
          new DisruptionCurve(List.of(), List.of()));
    }
    DisruptionCurve c;
    if (byRole) {
      // RoleRemovalSimulation takes one role per node: a node playing several counts as the first of
      // them that is a target, so "all money handlers" finds a person who is also an organiser.
      String[] nodeRoles = new String[network.nodeCount()];
      Map<String, String> roleOf = new HashMap<>();
      for (Graph.Node n : graph.nodes()) {
        n.roles().stream().filter(targets::contains).findFirst().ifPresent(r -> roleOf.put(n.id(), r));
      }
      for (int v = 0; v < nodeRoles.length; v++) nodeRoles[v] = roleOf.get(network.label(v));
      c = new RoleRemovalSimulation(network, nodeRoles, targets, s, md, false).curve();
    } else {
      c = DisruptionSimulation.simulate(network, s, md, false);
    }
    List<Step> steps = new ArrayList<>();
    for (DisruptionCurve.Point p : c.points()) steps.add(new Step(p.removed(), p.lccRatio(), p.lccSize(), p.components(), p.efficiency()));
    // Borgatti's greedy set costs O(k·n·(n + m)) per pass: only on charts small enough to answer at once.
    List<String> players = List.of();
    double fragmentation = KeyPlayerSet.fragmentation(network);
    if (network.nodeCount() <= KEY_PLAYER_LIMIT) {
      KeyPlayerSet kp = new KeyPlayerSet(network, Math.min(KEY_PLAYERS, network.nodeCount()));
      players = kp.players().stream().map(network::label).toList();
      fragmentation = kp.fragmentation();
    }
    return new Simulation(new Disruption(sName, mName, steps, c.removedNodes(), players, fragmentation, roleList, orderName), c);
  }

  private static RemovalStrategy strategy(String name, String field) {
    try {
      return RemovalStrategy.parse(name);
    } catch (IllegalArgumentException e) {
      String why = field.equals("strategy") ? e.getMessage().replace("or ci)", "ci or role)") : e.getMessage();
      throw new InvalidData(field.equals("strategy") ? "Unknown strategy" : "Unknown order", Map.of(field, why));
    }
  }

  /** Role names as the import cleans them ({@code MoneyHandler}, {@code hawaladar} → {@code moneyHandler}). */
  private static Set<String> roleCodes(List<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new InvalidData("Missing field", Map.of("role", "strategy role needs a role, one of "
          + String.join(", ", new TreeSet<>(((CodeListType) Types.NETWORK_ROLE).codes()))));
    }
    Set<String> out = new LinkedHashSet<>();
    for (String r : roles) {
      Cleaned c = Types.NETWORK_ROLE.clean(r == null ? "" : r);
      if (c instanceof Cleaned.Invalid bad) {
        throw new InvalidData("Unknown role", Map.of("role", bad.reason() + "; expected one of "
            + String.join(", ", new TreeSet<>(((CodeListType) Types.NETWORK_ROLE).codes()))));
      }
      out.add(((Cleaned.Valid) c).value());
    }
    return out;
  }

  /**
   * Brokerage roles (Gould–Fernandez, {@link BrokerageRoles}): per node, how many open pairs it
   * brokers as coordinator, itinerant, gatekeeper, representative and liaison; {@code scores} is
   * the total. Groups are the owner agency of each record ({@code agency}; pivot values have none
   * and take no part in a triad) or its Louvain community ({@code community}).
   */
  public record Brokerage(String measure, String groups, Map<String, Double> scores, Map<String, Map<String, Long>> roles,
      Map<String, String> groupOf, List<String> keyPlayers) {}

  public static final List<String> BROKERAGE_GROUPS = List.of("agency", "community");

  public Brokerage brokerage(String groups) {
    String by = groups == null || groups.isBlank() ? "agency" : groups.strip().toLowerCase(Locale.ROOT);
    Map<String, String> groupOf = new LinkedHashMap<>();
    switch (by) {
      case "agency" -> {
        for (Graph.Node n : graph.nodes()) if (n.agency() != null) groupOf.put(n.id(), n.agency());
      }
      case "community" -> communities().communities().forEach((id, c) -> groupOf.put(id, "c" + c));
      default -> throw new InvalidData("Unknown groups", Map.of("groups", "'" + groups + "': expected one of "
          + String.join(", ", BROKERAGE_GROUPS)));
    }
    BrokerageRoles b = BrokerageRoles.byLabel(network, groupOf);
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Map<String, Long>> roles = new LinkedHashMap<>();
    for (int v = 0; v < network.nodeCount(); v++) {
      scores.put(network.label(v), (double) b.total(v));
      Map<String, Long> counts = new LinkedHashMap<>();
      b.counts(v).forEach((r, n) -> counts.put(r.name().toLowerCase(Locale.ROOT), n));
      roles.put(network.label(v), counts);
    }
    return new Brokerage("brokerage", by, scores, roles, groupOf, top(scores));
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

  /** Most paths an all-paths answer lists; more are cut off and the answer says {@code truncated}. */
  public static final int MAX_PATHS = 200;

  /**
   * Every simple path of at most {@code maxLength} edges ({@link SimplePaths}), shortest first, as
   * lists of node ids; {@code nodes} and {@code edges} are those on any of them (one edge per
   * consecutive pair, as in {@link #path}).
   */
  public record AllPaths(boolean found, int maxLength, List<List<String>> paths, List<Graph.Node> nodes, List<Graph.Edge> edges,
      boolean truncated) {}

  public AllPaths allPaths(String from, String to, int maxLength, int maxPaths) {
    var u = network.node(from);
    var v = network.node(to);
    if (u.isEmpty() || v.isEmpty()) return new AllPaths(false, maxLength, List.of(), List.of(), List.of(), false);
    SimplePaths.Result r = new SimplePaths(network).between(u.getAsInt(), v.getAsInt(), maxLength, maxPaths);
    List<List<String>> paths = new ArrayList<>();
    Set<String> on = new LinkedHashSet<>();
    Set<String> pairs = new LinkedHashSet<>();
    for (ShortestPaths.Path p : r.paths()) {
      List<String> ids = p.nodes().stream().map(network::label).toList();
      paths.add(ids);
      on.addAll(ids);
      for (int i = 0; i + 1 < ids.size(); i++) pairs.add(pairKey(ids.get(i), ids.get(i + 1)));
    }
    List<Graph.Node> nodes = graph.nodes().stream().filter(n -> on.contains(n.id())).toList();
    Map<String, Graph.Edge> edges = new LinkedHashMap<>();
    for (Graph.Edge e : graph.edges()) {
      String key = pairKey(e.source(), e.target());
      if (pairs.contains(key)) edges.merge(key, e, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
    }
    return new AllPaths(!paths.isEmpty(), maxLength, paths, nodes, List.copyOf(edges.values()), r.truncated());
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }
}
