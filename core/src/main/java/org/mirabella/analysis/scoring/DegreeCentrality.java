package org.mirabella.analysis.scoring;

import org.mirabella.analysis.graph.Network;

/**
 * Degree centrality (Freeman 1978): degree, or strength (sum of incident weights) when {@code
 * weighted}, divided by {@code n - 1} when normalised (networkx {@code degree_centrality}; for
 * {@code n <= 1} every node scores 1). O(n) on the precomputed degrees.
 */
public final class DegreeCentrality implements NodeScoring {
  private final Network network;
  private final boolean weighted;
  private final boolean normalized;
  private NodeScores scores;

  /** Unweighted, normalised degree centrality. */
  public DegreeCentrality(Network network) {
    this(network, false);
  }

  public DegreeCentrality(Network network, boolean weighted) {
    this(network, weighted, true);
  }

  public DegreeCentrality(Network network, boolean weighted, boolean normalized) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    this.network = network;
    this.weighted = weighted;
    this.normalized = normalized;
  }

  @Override
  public NodeScores scores() {
    if (scores == null) {
      int n = network.nodeCount();
      double[] s = new double[n];
      double scale = 1.0 / (n - 1.0);
      for (int v = 0; v < n; v++) {
        double d = weighted ? network.strength(v) : network.degree(v);
        s[v] = !normalized ? d : n <= 1 ? 1.0 : d * scale;
      }
      scores = NodeScores.wrap(s);
    }
    return scores;
  }
}
