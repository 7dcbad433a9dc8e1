package org.mirabella.analysis.structure;

import java.util.Arrays;
import org.mirabella.analysis.graph.Network;

/**
 * Connected components by breadth-first search. O(n + m). Components are numbered in order of
 * their first node. Hand-written: JGraphT's {@code ConnectivityInspector} returns sets of boxed
 * vertices, too slow for the disruption loop that asks this after every removal.
 */
public final class ConnectedComponents {
  private final Network network;
  private int[] component;
  private int[] sizes;

  public ConnectedComponents(Network network) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    this.network = network;
  }

  /** Shortcut: size of the largest connected component (0 for the empty network). */
  public static int largestSize(Network network) {
    return new ConnectedComponents(network).largestSize();
  }

  public int count() {
    compute();
    return sizes.length;
  }

  /** The component of node {@code v}. */
  public int componentOf(int v) {
    compute();
    return component[v];
  }

  /** Sizes, indexed by component. */
  public int[] sizes() {
    compute();
    return sizes.clone();
  }

  public int largestSize() {
    compute();
    int max = 0;
    for (int s : sizes) max = Math.max(max, s);
    return max;
  }

  /** The component with most nodes (first such on ties), or -1 if the network is empty. */
  public int largest() {
    compute();
    int best = -1;
    for (int c = 0; c < sizes.length; c++) if (best < 0 || sizes[c] > sizes[best]) best = c;
    return best;
  }

  private void compute() {
    if (component != null) return;
    int n = network.nodeCount();
    int[] comp = new int[n];
    Arrays.fill(comp, -1);
    int[] queue = new int[n];
    int[] sz = new int[Math.max(1, n)];
    int c = 0;
    for (int s = 0; s < n; s++) {
      if (comp[s] >= 0) continue;
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      comp[s] = c;
      while (head < tail) {
        int v = queue[head++];
        for (int i = network.offset(v); i < network.offset(v + 1); i++) {
          int w = network.target(i);
          if (comp[w] < 0) {
            comp[w] = c;
            queue[tail++] = w;
          }
        }
      }
      sz[c++] = tail;
    }
    sizes = Arrays.copyOf(sz, c);
    component = comp;
  }
}
