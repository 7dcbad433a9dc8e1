package org.mirabella.analysis.disruption;

import java.util.Locale;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.scoring.BetweennessCentrality;
import org.mirabella.analysis.scoring.CollectiveInfluence;
import org.mirabella.analysis.scoring.DegreeCentrality;
import org.mirabella.analysis.scoring.KatzCentrality;

/**
 * Which nodes to remove first: the highest scores of one centrality on the current network. With
 * {@code weighted}, weights are used as Cavallaro et al. (2020) use them: as distances for
 * betweenness, as strengths for degree and collective influence, as matrix entries for Katz.
 */
public enum RemovalStrategy {
  /** Normalised betweenness (exact Brandes, single-threaded for networkx-identical sums). */
  BETWEENNESS {
    @Override
    double[] scores(Network g, boolean weighted) {
      return BetweennessCentrality.networkxOrder(g, weighted).scores().toArray();
    }
  },
  /** Degree (or strength) over n - 1. */
  DEGREE {
    @Override
    double[] scores(Network g, boolean weighted) {
      return new DegreeCentrality(g, weighted).scores().toArray();
    }
  },
  /** Katz, alpha 0.1, beta 1, solved directly. */
  KATZ {
    @Override
    double[] scores(Network g, boolean weighted) {
      return new KatzCentrality(g, weighted).scores().toArray();
    }
  },
  /**
   * Collective influence at radius 1. The published procedure stores the scores as 32-bit integers
   * (truncating fractional strengths) and breaks ties by the larger node id; both are kept.
   */
  CI {
    @Override
    double[] scores(Network g, boolean weighted) {
      double[] s = new CollectiveInfluence(g, 1, weighted).scores().toArray();
      for (int v = 0; v < s.length; v++) s[v] = (int) s[v];
      return s;
    }

    @Override
    boolean tiesByLabel() {
      return true;
    }
  };

  abstract double[] scores(Network g, boolean weighted);

  /** Whether ties go to the larger node label (numeric if both are integers) instead of the later node. */
  boolean tiesByLabel() {
    return false;
  }

  /** Parses {@code betweenness|degree|katz|ci}, case-insensitive. */
  public static RemovalStrategy parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown strategy '" + name + "' (expected betweenness, degree, katz or ci)");
    }
  }
}
