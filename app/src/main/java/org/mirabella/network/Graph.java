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
   * when none); {@code kind} is {@link #ENTITY} or {@link #PIVOT}. {@code roles} are all the
   * network roles the viewer's visible NetworkRole records give it (sorted), {@code role} the first
   * of them (for colouring), null when none.
   */
  public record Node(String id, String caption, String schema, String agency, String kind, List<String> members,
      String role, List<String> roles) {
    public Node {
      java.util.TreeSet<String> all = new java.util.TreeSet<>(roles == null ? List.of() : roles);
      if (role != null) all.add(role);
      roles = List.copyOf(all);
      role = roles.isEmpty() ? null : roles.get(0);
    }

    /** A node with at most one role. */
    public Node(String id, String caption, String schema, String agency, String kind, List<String> members, String role) {
      this(id, caption, schema, agency, kind, members, role, List.of());
    }

    /** This node with {@code more} roles added. */
    public Node withRoles(List<String> more) {
      List<String> all = new java.util.ArrayList<>(roles);
      all.addAll(more);
      return new Node(id, caption, schema, agency, kind, members, null, all);
    }
  }

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
