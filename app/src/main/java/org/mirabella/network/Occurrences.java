package org.mirabella.network;

import java.util.ArrayList;
import java.util.List;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;
import org.mirabella.model.types.Types;

/**
 * Which records become edges rather than nodes, and between what. An FtM edge schema (Associate,
 * Family, Membership, Ownership, Directorship, Employment, Payment, UnknownLink, SmugglingService,
 * SafeHouseUse, …) joins its {@code edge.source} to its {@code edge.target}; a Call joins caller to
 * receiver (or their numbers, as pivots, when the parties are not known); an event or interval
 * (BorderCrossing, Interception, Arrest, …) joins the entities it names (a person to the vessel).
 * Everything else is a node.
 */
final class Occurrences {
  private Occurrences() {}

  /** How one occurrence schema connects: endpoint properties, and the edge kind and label. */
  record Shape(List<String> sources, List<String> targets, List<String> sourceNumbers, List<String> targetNumbers,
      boolean directed, String kind, String label) {
    /** An event: no fixed sides, it joins every entity it names (a star from the first). */
    boolean event() {
      return targets.isEmpty();
    }
  }

  static boolean isOccurrence(Schema s) {
    return s.edge() != null || s.isA("Call") || s.isA("Interval");
  }

  static Shape shape(Schema s) {
    if (s.isA("Call")) {
      return new Shape(List.of("caller"), List.of("receiver"), List.of("callerNumber"), List.of("receiverNumber"), true,
          "communication", "called");
    }
    if (s.edge() != null) {
      Schema.Edge e = s.edge();
      return new Shape(List.of(e.source()), List.of(e.target()), List.of(), List.of(), e.directed(),
          s.isA("Payment") ? "money" : "link", e.label() == null ? s.label() : e.label());
    }
    List<String> all = new ArrayList<>();
    for (Property p : s.properties().values()) if (p.type() == Types.ENTITY) all.add(p.name());
    return new Shape(all, List.of(), List.of(), List.of(), false, "event", s.label());
  }
}
