package org.mirabella.analysis.structure;

import java.util.Arrays;
import org.mirabella.analysis.graph.Network;

/**
 * Global efficiency (Latora &amp; Marchiori 2001, "Efficient behavior of small-world networks",
 * Phys. Rev. Lett. 87(19) 198701): the mean over ordered pairs of distinct nodes of 1/d(i, j), with
 * 1/∞ = 0 for pairs in different components, so unlike the average path length it stays defined as
 * a network falls apart; 1 for a complete network, 0 with no edges. Hop distances (weights ignored),
 * as networkx's {@code global_efficiency}. One BFS per node: O(n·(n + m)). Hand-written on the CSR
 * (JGraphT's all-pairs classes hold an n×n matrix or boxed maps).
 */
public final class GlobalEfficiency {
  private GlobalEfficiency() {}

  /** The efficiency of {@code network}; 0 for fewer than two nodes. */
  public static double of(Network network) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    int n = network.nodeCount();
    if (n < 2) return 0;
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    int[] queue = new int[n];
    double sum = 0;
    for (int s = 0; s < n; s++) {
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      dist[s] = 0;
      while (head < tail) {
        int v = queue[head++];
        int dv = dist[v];
        if (dv > 0) sum += 1.0 / dv;
        for (int i = network.offset(v), e = network.offset(v + 1); i < e; i++) {
          int w = network.target(i);
          if (dist[w] < 0) {
            dist[w] = dv + 1;
            queue[tail++] = w;
          }
        }
      }
      for (int k = 0; k < tail; k++) dist[queue[k]] = -1;
    }
    return sum / ((double) n * (n - 1));
  }
}
