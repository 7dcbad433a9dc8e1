package org.mirabella.analysis.graph;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultUndirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * A JGraphT copy of a {@link Network}, for the algorithms JGraphT does well enough: vertices are the
 * node ints, edge weights the network's (1 when unweighted). O(n + m), but with boxed vertices and
 * hash maps: about 10 times the memory of the network.
 */
public final class JGraphTAdapter {
  private JGraphTAdapter() {}

  public static Graph<Integer, DefaultWeightedEdge> toGraph(Network network) {
    Graph<Integer, DefaultWeightedEdge> g = new DefaultUndirectedWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < network.nodeCount(); v++) g.addVertex(v);
    for (int v = 0; v < network.nodeCount(); v++) {
      for (int i = network.offset(v); i < network.offset(v + 1); i++) {
        int u = network.target(i);
        if (u < v) continue;
        DefaultWeightedEdge e = g.addEdge(v, u);
        if (e != null) g.setEdgeWeight(e, network.weight(i));
      }
    }
    return g;
  }
}
