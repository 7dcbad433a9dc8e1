package org.mirabella.analysis.scoring;

import java.util.Map;
import org.jgrapht.alg.scoring.PageRank;
import org.mirabella.analysis.graph.JGraphTAdapter;
import org.mirabella.analysis.graph.Network;

/**
 * PageRank (Brin &amp; Page 1998) by power iteration, delegated to JGraphT's {@code PageRank}
 * (damping 0.85, at most 100 iterations, tolerance 1e-4; weighted when the network is). O(m) per
 * iteration. JGraphT is fast enough here: few iterations, each linear.
 */
public final class PageRankCentrality implements NodeScoring {
  private final Network network;
  private final double damping;
  private NodeScores scores;

  public PageRankCentrality(Network network) {
    this(network, PageRank.DAMPING_FACTOR_DEFAULT);
  }

  public PageRankCentrality(Network network, double damping) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (!(damping >= 0 && damping <= 1)) throw new IllegalArgumentException("damping must be in [0, 1]: " + damping);
    this.network = network;
    this.damping = damping;
  }

  @Override
  public NodeScores scores() {
    if (scores == null) {
      double[] s = new double[network.nodeCount()];
      if (s.length > 0) {
        Map<Integer, Double> m = new PageRank<>(JGraphTAdapter.toGraph(network), damping).getScores();
        m.forEach((v, x) -> s[v] = x);
      }
      scores = NodeScores.wrap(s);
    }
    return scores;
  }
}
