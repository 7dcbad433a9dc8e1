package org.mirabella.analysis.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.mirabella.analysis.graph.JGraphTAdapter;
import org.mirabella.analysis.graph.Network;

/**
 * Shortest and k-shortest loopless paths between two nodes ("how are these two connected?"),
 * delegated to JGraphT: BFS (O(n + m)) or Dijkstra with weights as distances (O(m + n log n)), and
 * Yen's algorithm (Yen 1971, Management Science 17(11)) for the k shortest, O(k·n·(m + n log n)).
 * JGraphT is fast enough here: one query at a time on an analyst's network.
 */
public final class ShortestPaths {
  private final Network network;
  private final boolean weighted;
  private Graph<Integer, DefaultWeightedEdge> graph;

  public ShortestPaths(Network network) {
    this(network, false);
  }

  public ShortestPaths(Network network, boolean weighted) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    this.network = network;
    this.weighted = weighted;
  }

  /** A path: its nodes in order and its length (edge count, or weight sum when weighted). */
  public record Path(List<Integer> nodes, double length) {
    public Path {
      nodes = List.copyOf(nodes);
    }
  }

  /** A shortest path from {@code source} to {@code target}, if they are connected. */
  public Optional<Path> between(int source, int target) {
    check(source, "source");
    check(target, "target");
    GraphPath<Integer, DefaultWeightedEdge> p = weighted
        ? DijkstraShortestPath.findPathBetween(graph(), source, target)
        : BFSShortestPath.findPathBetween(graph(), source, target);
    return p == null ? Optional.empty() : Optional.of(toPath(p));
  }

  /** Up to {@code k} shortest loopless paths, shortest first. */
  public List<Path> kShortest(int source, int target, int k) {
    check(source, "source");
    check(target, "target");
    if (k < 1) throw new IllegalArgumentException("k must be >= 1: " + k);
    List<Path> out = new ArrayList<>();
    if (source == target) {
      out.add(new Path(List.of(source), 0));
      return out;
    }
    for (GraphPath<Integer, DefaultWeightedEdge> p : new YenKShortestPath<>(graph()).getPaths(source, target, k)) {
      out.add(toPath(p));
    }
    return out;
  }

  private Path toPath(GraphPath<Integer, DefaultWeightedEdge> p) {
    return new Path(p.getVertexList(), weighted ? p.getWeight() : p.getLength());
  }

  private Graph<Integer, DefaultWeightedEdge> graph() {
    if (graph == null) {
      graph = JGraphTAdapter.toGraph(weighted ? network : network.unweighted());
    }
    return graph;
  }

  private void check(int v, String name) {
    if (v < 0 || v >= network.nodeCount()) {
      throw new IllegalArgumentException(name + " node " + v + " not in network of " + network.nodeCount() + " nodes");
    }
  }
}
