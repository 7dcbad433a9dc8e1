package org.mirabella.analysis.community;

import org.mirabella.analysis.graph.Network;

/**
 * Newman–Girvan modularity (Newman &amp; Girvan 2004, Phys. Rev. E 69 026113) with resolution γ:
 * {@code Q = Σ_c [ L_c/m - γ (d_c / 2m)² ]}, L_c the weight inside c, d_c its total strength. O(m).
 */
public final class Modularity {
  private Modularity() {}

  public static double of(Network g, int[] membership, double resolution) {
    int communities = 0;
    for (int c : membership) communities = Math.max(communities, c + 1);
    double[] inside = new double[communities];
    double[] total = new double[communities];
    double twoM = 0;
    for (int v = 0; v < g.nodeCount(); v++) {
      for (int i = g.offset(v); i < g.offset(v + 1); i++) {
        int u = g.target(i);
        double w = g.weight(i) * (u == v ? 2 : 1);
        twoM += w;
        total[membership[v]] += w;
        if (membership[u] == membership[v]) inside[membership[v]] += w;
      }
    }
    if (twoM == 0) return 0;
    double q = 0;
    for (int c = 0; c < communities; c++) q += inside[c] / twoM - resolution * (total[c] / twoM) * (total[c] / twoM);
    return q;
  }
}
