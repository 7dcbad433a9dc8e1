package org.mirabella.analysis.scoring;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.mirabella.analysis.graph.Network;

/**
 * Closeness centrality (Freeman 1978) with the Wasserman–Faust correction for disconnected networks
 * (networkx {@code closeness_centrality(wf_improved=True)}): {@code C(u) = (r-1)/(n-1) · (r-1)/Σd(u,v)}
 * over the r nodes reachable from u. Distances by BFS, or Dijkstra with weights as distances when
 * {@code weighted}. O(nm) unweighted. Hand-written on the compact network: JGraphT's version runs
 * one boxed shortest-path search per node.
 */
public final class ClosenessCentrality implements NodeScoring {
  private final Network network;
  private final boolean weighted;
  private NodeScores scores;

  public ClosenessCentrality(Network network) {
    this(network, false);
  }

  public ClosenessCentrality(Network network, boolean weighted) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    this.network = network;
    this.weighted = weighted;
  }

  @Override
  public NodeScores scores() {
    if (scores == null) {
      int n = network.nodeCount();
      double[] c = new double[n];
      double[] dist = new double[n];
      int[] queue = new int[n];
      for (int s = 0; s < n; s++) {
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int reached = weighted ? dijkstra(s, dist, queue) : bfs(s, dist, queue);
        double total = 0;
        for (int k = 0; k < reached; k++) total += dist[queue[k]];
        if (total > 0 && n > 1) {
          c[s] = (reached - 1) / total * ((reached - 1) / (double) (n - 1));
        }
      }
      scores = NodeScores.wrap(c);
    }
    return scores;
  }

  private int bfs(int s, double[] dist, int[] queue) {
    int head = 0;
    int tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    while (head < tail) {
      int v = queue[head++];
      for (int i = network.offset(v); i < network.offset(v + 1); i++) {
        int w = network.target(i);
        if (dist[w] == Double.POSITIVE_INFINITY) {
          dist[w] = dist[v] + 1;
          queue[tail++] = w;
        }
      }
    }
    return tail;
  }

  private int dijkstra(int s, double[] dist, int[] settledOrder) {
    boolean[] done = new boolean[network.nodeCount()];
    PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    dist[s] = 0;
    pq.add(new double[] {0, s});
    int count = 0;
    while (!pq.isEmpty()) {
      double[] top = pq.poll();
      int v = (int) top[1];
      if (done[v]) continue;
      done[v] = true;
      settledOrder[count++] = v;
      for (int i = network.offset(v); i < network.offset(v + 1); i++) {
        int w = network.target(i);
        double d = top[0] + network.weight(i);
        if (d < dist[w]) {
          dist[w] = d;
          pq.add(new double[] {d, w});
        }
      }
    }
    return count;
  }
}
