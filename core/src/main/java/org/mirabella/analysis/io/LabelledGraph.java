package org.mirabella.analysis.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network with what analysts' tools show: nodes with a caption, a type (FtM schema such as
 * {@code Person}, {@code Vessel}) and attributes; edges with a type, a weight, optional first/last
 * dates and attributes. The input of the exporters ({@link GraphMlWriter}, {@link GexfWriter},
 * {@link CsvGraphWriter}, {@link AnxWriter}). Immutable; attribute maps keep their order.
 *
 * @param nodes distinct ids, in the order they should be written
 * @param edges each between two ids of {@code nodes}; parallel edges allowed (two different calls)
 */
public record LabelledGraph(List<Node> nodes, List<Edge> edges) {
  /**
   * @param id unique, non-blank (e.g. the entity id)
   * @param label caption shown by the tool; the id when null
   * @param type schema name, e.g. Person, Organization, Phone, Vessel; null when unknown
   */
  public record Node(String id, String label, String type, Map<String, String> attributes) {
    public Node {
      if (id == null || id.isBlank()) throw new IllegalArgumentException("node id must not be blank");
      if (label == null) label = id;
      attributes = frozen(attributes, "node " + id);
    }

    public Node(String id, String label, String type) {
      this(id, label, type, Map.of());
    }
  }

  /**
   * @param type link type, e.g. Associate, Call, Payment; null when unknown
   * @param weight e.g. the number of calls; 1 for a plain tie
   * @param directed whether the edge runs from source to target (a payment) or both ways
   * @param firstDate first day the link is known, or null; lastDate likewise (not before firstDate)
   */
  public record Edge(String source, String target, String type, double weight, boolean directed,
      LocalDate firstDate, LocalDate lastDate, Map<String, String> attributes) {
    public Edge {
      if (source == null || target == null) throw new IllegalArgumentException("edge ends must not be null");
      if (!Double.isFinite(weight)) throw new IllegalArgumentException("edge " + source + "-" + target + ": weight not finite: " + weight);
      if (firstDate != null && lastDate != null && lastDate.isBefore(firstDate)) {
        throw new IllegalArgumentException("edge " + source + "-" + target + ": lastDate " + lastDate + " before firstDate " + firstDate);
      }
      attributes = frozen(attributes, "edge " + source + "-" + target);
    }

    /** An undirected, undated edge of weight 1. */
    public Edge(String source, String target, String type) {
      this(source, target, type, 1.0, false, null, null, Map.of());
    }

    /** Whether the edge has any date. */
    public boolean dated() {
      return firstDate != null || lastDate != null;
    }
  }

  public LabelledGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    Set<String> ids = new HashSet<>();
    for (Node n : nodes) {
      if (!ids.add(n.id())) throw new IllegalArgumentException("duplicate node id '" + n.id() + "'");
    }
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      if (!ids.contains(e.source())) throw new IllegalArgumentException("edge " + i + ": unknown source node '" + e.source() + "'");
      if (!ids.contains(e.target())) throw new IllegalArgumentException("edge " + i + ": unknown target node '" + e.target() + "'");
    }
  }

  /** The union of the nodes' attribute names, in first-seen order. */
  public List<String> nodeAttributeNames() {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (Node n : nodes) names.addAll(n.attributes().keySet());
    return new ArrayList<>(names);
  }

  /** The union of the edges' attribute names, in first-seen order. */
  public List<String> edgeAttributeNames() {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (Edge e : edges) names.addAll(e.attributes().keySet());
    return new ArrayList<>(names);
  }

  /** Whether any edge has a date. */
  public boolean dated() {
    for (Edge e : edges) if (e.dated()) return true;
    return false;
  }

  private static Map<String, String> frozen(Map<String, String> attributes, String owner) {
    if (attributes == null || attributes.isEmpty()) return Map.of();
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach((k, v) -> {
      if (k == null || k.isBlank()) throw new IllegalArgumentException(owner + ": blank attribute name");
      if (v == null) throw new IllegalArgumentException(owner + ": attribute '" + k + "' has no value");
      copy.put(k, v);
    });
    return Collections.unmodifiableMap(copy);
  }
}
