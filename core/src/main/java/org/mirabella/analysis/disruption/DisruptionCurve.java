package org.mirabella.analysis.disruption;

import java.util.List;

/**
 * The result of a removal simulation: after {@code removed} nodes, the largest connected component
 * as a share of the initial one; and which nodes were removed, in order.
 */
public record DisruptionCurve(List<Point> points, List<String> removedNodes) {
  public DisruptionCurve {
    points = List.copyOf(points);
    removedNodes = List.copyOf(removedNodes);
  }

  /** One row: nodes removed so far, LCC size, LCC size over the initial LCC size, number of components. */
  public record Point(int removed, int lccSize, double lccRatio, int components) {}

  /** CSV with header {@code removed,lcc_ratio}. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder("removed,lcc_ratio\n");
    for (Point p : points) sb.append(p.removed()).append(',').append(p.lccRatio()).append('\n');
    return sb.toString();
  }
}
