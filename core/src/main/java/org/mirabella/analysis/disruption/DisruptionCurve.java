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

  /**
   * One row: nodes removed so far, LCC size, LCC size over the initial LCC size, number of
   * components, and global efficiency (Latora–Marchiori) of what is left.
   */
  public record Point(int removed, int lccSize, double lccRatio, int components, double efficiency) {}

  /** CSV with header {@code removed,lcc_ratio}. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder("removed,lcc_ratio\n");
    for (Point p : points) sb.append(p.removed()).append(',').append(p.lccRatio()).append('\n');
    return sb.toString();
  }

  /** CSV with header {@code removed,lcc_ratio,lcc_size,components,efficiency,removed_node}. */
  public String toDetailedCsv() {
    StringBuilder sb = new StringBuilder("removed,lcc_ratio,lcc_size,components,efficiency,removed_node\n");
    for (Point p : points) {
      String next = p.removed() < removedNodes.size() ? removedNodes.get(p.removed()) : "";
      sb.append(p.removed()).append(',').append(p.lccRatio()).append(',').append(p.lccSize()).append(',')
          .append(p.components()).append(',').append(p.efficiency()).append(',').append(csv(next)).append('\n');
    }
    return sb.toString();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
