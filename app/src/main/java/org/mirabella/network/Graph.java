package org.mirabella.network;

import java.util.List;
import java.util.Map;

/**
 * A network as one viewer may see it: nodes (entities, shared pivot values, and persons merged
 * from records joined by confirmed hits) and aggregated edges. {@code truncated} says that a bound
 * (hops, nodes, links per step) cut the expansion short.
 */
public record Graph(List<Node> nodes, List<Edge> edges, boolean truncated) {
  public static final String ENTITY = "entity";
  public static final String PIVOT = "pivot";

  /**
   * A node. {@code members} are the record ids merged into it by confirmed hits (just {@code id}
   * when none); {@code kind} is {@link #ENTITY} or {@link #PIVOT}.
   */
  public record Node(String id, String caption, String schema, String agency, String kind, List<String> members,
      String role) {}

  /**
   * An edge between two nodes, aggregated: {@code kind} is {@code link} (an FtM edge or link
   * property), {@code communication} (calls), {@code money} (payments), {@code event} (a crossing,
   * interception or arrest linking what it names) or {@code pivot} (a holder and its shared value).
   * {@code count} is how many records it aggregates ({@code via}, at most {@link #MAX_VIA} listed),
   * {@code first}/{@code last} their earliest and latest dates (partial ISO dates; null when
   * undated), {@code totals} the payments' sums by currency.
   */
  public record Edge(String id, String source, String target, String kind, String label, String schema, boolean directed,
      int count, String first, String last, Map<String, Double> totals, List<String> via) {}

  public static final int MAX_VIA = 50;

  public static Graph empty() {
    return new Graph(List.of(), List.of(), false);
  }
}
