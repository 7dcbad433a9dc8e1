package org.mirabella.analysis.disruption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mirabella.analysis.graph.Network;

/**
 * The top-k nodes by score, with the published procedure's tie rule: scores are sorted ascending by
 * a stable sort over node order and taken from the end, so among equal scores the node that comes
 * <b>later</b> (first seen later in the file) wins; or, for collective influence, the node with the
 * larger id. Exact float comparison, as the published procedure does. O(n log n).
 */
final class Ranking {
  private Ranking() {}

  static int[] top(Network g, double[] scores, int k, boolean tiesByLabel) {
    List<Integer> nodes = new ArrayList<>(g.nodeCount());
    for (int v = 0; v < g.nodeCount(); v++) nodes.add(v);
    Comparator<Integer> byScore = Comparator.comparingDouble(v -> scores[v]);
    Comparator<Integer> tie = tiesByLabel ? (a, b) -> compareLabels(g.label(a), g.label(b)) : Integer::compare;
    nodes.sort(byScore.thenComparing(tie).reversed());
    int m = Math.min(k, nodes.size());
    int[] out = new int[m];
    for (int i = 0; i < m; i++) out[i] = nodes.get(i);
    return out;
  }

  static int compareLabels(String a, String b) {
    try {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
