package org.mirabella.analysis.disruption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mirabella.analysis.graph.Network;

/**
 * The top-k nodes by score, with the published procedure's tie rule: scores are sorted ascending by
 * a stable sort over node order and taken from the end, so among equal scores the node that comes
 * <b>later</b> (first seen later in the file) wins; or, for collective influence, the node with the
 * larger id (compared as integers when every label is one, else as strings, so the order stays a
 * total order). Exact float comparison, as the published procedure does. O(n log n).
 */
final class Ranking {
  private Ranking() {}

  static int[] top(Network g, double[] scores, int k, boolean tiesByLabel) {
    int n = g.nodeCount();
    List<Integer> nodes = new ArrayList<>(n);
    for (int v = 0; v < n; v++) nodes.add(v);
    Comparator<Integer> byScore = Comparator.comparingDouble(v -> scores[v]);
    Comparator<Integer> tie = Integer::compare;
    if (tiesByLabel) {
      long[] ids = integerLabels(g);
      tie = ids != null ? Comparator.comparingLong(v -> ids[v]) : Comparator.comparing(g::label);
    }
    nodes.sort(byScore.thenComparing(tie).reversed());
    int m = Math.min(k, n);
    int[] out = new int[m];
    for (int i = 0; i < m; i++) out[i] = nodes.get(i);
    return out;
  }

  /** The labels as integers, or null if any label is not one. */
  private static long[] integerLabels(Network g) {
    long[] ids = new long[g.nodeCount()];
    try {
      for (int v = 0; v < ids.length; v++) ids[v] = Long.parseLong(g.label(v).strip());
      return ids;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
