package org.mirabella.analysis.paths;

import java.util.Arrays;
import java.util.BitSet;
import org.mirabella.analysis.graph.Network;

/**
 * The ego network of a node: the subgraph induced by the nodes within {@code radius} hops (an
 * entity's neighbourhood). Breadth-first, O(size of the neighbourhood's edges) plus O(n + m) to
 * build the induced subgraph.
 */
public final class EgoNetwork {
  private final Network network;
  private final int center;
  private final int radius;
  private BitSet members;

  public EgoNetwork(Network network, int center) {
    this(network, center, 1);
  }

  public EgoNetwork(Network network, int center, int radius) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (center < 0 || center >= network.nodeCount()) {
      throw new IllegalArgumentException("center node " + center + " not in network of " + network.nodeCount() + " nodes");
    }
    if (radius < 0) throw new IllegalArgumentException("radius must be >= 0: " + radius);
    this.network = network;
    this.center = center;
    this.radius = radius;
  }

  /** The nodes within {@code radius} hops of the centre (the centre included). */
  public BitSet members() {
    if (members == null) {
      BitSet in = new BitSet(network.nodeCount());
      int[] frontier = {center};
      in.set(center);
      for (int r = 0; r < radius && frontier.length > 0; r++) {
        int[] next = new int[16];
        int size = 0;
        for (int v : frontier) {
          for (int i = network.offset(v); i < network.offset(v + 1); i++) {
            int w = network.target(i);
            if (in.get(w)) continue;
            in.set(w);
            if (size == next.length) next = Arrays.copyOf(next, size * 2);
            next[size++] = w;
          }
        }
        frontier = Arrays.copyOf(next, size);
      }
      members = in;
    }
    return (BitSet) members.clone();
  }

  /** The induced subgraph (nodes renumbered in original order, labels kept). */
  public Network subgraph() {
    return network.inducedBy(members());
  }
}
