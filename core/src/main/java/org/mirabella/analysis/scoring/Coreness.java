package org.mirabella.analysis.scoring;

import org.mirabella.analysis.graph.Network;

/**
 * k-core decomposition: the coreness of v is the largest k such that v belongs to a subgraph in
 * which every node has degree at least k (Seidman 1983). Bucket algorithm of Batagelj &amp;
 * Zaversnik (2003, arXiv cs/0310049), O(n + m). Self-loops are ignored. Hand-written: JGraphT's
 * {@code Coreness} is the same algorithm on boxed vertices.
 */
public final class Coreness implements NodeScoring {
  private final Network network;
  private NodeScores scores;

  public Coreness(Network network) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    this.network = network;
  }

  /** The largest k with a non-empty k-core (0 for a network without edges). */
  public int degeneracy() {
    int max = 0;
    for (int v = 0; v < network.nodeCount(); v++) max = Math.max(max, (int) score(v));
    return max;
  }

  @Override
  public NodeScores scores() {
    if (scores == null) {
      int n = network.nodeCount();
      int[] deg = new int[n];
      int maxDeg = 0;
      for (int v = 0; v < n; v++) {
        for (int i = network.offset(v); i < network.offset(v + 1); i++) if (network.target(i) != v) deg[v]++;
        maxDeg = Math.max(maxDeg, deg[v]);
      }
      int[] bin = new int[maxDeg + 1];
      for (int v = 0; v < n; v++) bin[deg[v]]++;
      int start = 0;
      for (int d = 0; d <= maxDeg; d++) {
        int num = bin[d];
        bin[d] = start;
        start += num;
      }
      int[] pos = new int[n];
      int[] vert = new int[n];
      for (int v = 0; v < n; v++) {
        pos[v] = bin[deg[v]];
        vert[pos[v]] = v;
        bin[deg[v]]++;
      }
      for (int d = maxDeg; d > 0; d--) bin[d] = bin[d - 1];
      if (maxDeg >= 0 && bin.length > 0) bin[0] = 0;
      for (int i = 0; i < n; i++) {
        int v = vert[i];
        for (int j = network.offset(v); j < network.offset(v + 1); j++) {
          int u = network.target(j);
          if (u == v || deg[u] <= deg[v]) continue;
          int du = deg[u];
          int pu = pos[u];
          int pw = bin[du];
          int w = vert[pw];
          if (u != w) {
            pos[u] = pw;
            vert[pu] = w;
            pos[w] = pu;
            vert[pw] = u;
          }
          bin[du]++;
          deg[u]--;
        }
      }
      double[] s = new double[n];
      for (int v = 0; v < n; v++) s[v] = deg[v];
      scores = NodeScores.wrap(s);
    }
    return scores;
  }
}
