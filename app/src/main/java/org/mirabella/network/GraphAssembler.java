package org.mirabella.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.mirabella.model.Entity;
import org.mirabella.model.Property;
import org.mirabella.model.types.Types;

/**
 * Turns entities <b>as the viewer may see them</b> (from {@code AccessControl}) into a {@link Graph}:
 * candidate node ids become nodes when visible, occurrences (see {@link Occurrences}) become edges
 * between their visible endpoints, pivot values become nodes when at least two nodes share them,
 * records joined by confirmed hits merge into one node, and parallel edges aggregate (count, first
 * and last date, payment totals by currency). Every value used comes from a visible statement, so
 * nothing the viewer may not see can reach the graph, not even as an id.
 */
final class GraphAssembler {
  private final Map<String, Entity> visible;
  private final DateRange range;
  private final Map<String, Graph.Node> nodes = new LinkedHashMap<>();
  private final Set<String> pivots = new LinkedHashSet<>();
  private final List<Raw> raw = new ArrayList<>();

  /** An edge before merging and aggregation. */
  private record Raw(String u, String v, String kind, String label, String schema, boolean directed, String first,
      String last, String currency, Double amount, String via) {}

  GraphAssembler(Map<String, Entity> visible, DateRange range) {
    this.visible = visible;
    this.range = range;
  }

  /**
   * The graph over {@code candidates} (entity and pivot ids) and the {@code occurrences} touching
   * them; {@code canonical} maps a record to its merged person (itself when unmerged).
   */
  Graph assemble(Collection<String> candidates, Collection<String> occurrences, UnaryOperator<String> canonical,
      boolean truncated) {
    Set<String> occ = new LinkedHashSet<>(occurrences);
    for (String id : candidates) {
      if (Links.isPivot(id)) {
        pivots.add(id);
        continue;
      }
      Entity e = visible.get(id);
      if (e == null) continue;
      if (Occurrences.isOccurrence(e.schema())) occ.add(id);
      else nodes.put(id, entityNode(e));
    }
    for (Graph.Node n : List.copyOf(nodes.values())) links(visible.get(n.id()));
    for (String id : occ) {
      Entity o = visible.get(id);
      if (o != null) occurrence(o);
    }
    prunePivots();
    return aggregate(canonical, truncated);
  }

  private Graph.Node entityNode(Entity e) {
    return new Graph.Node(e.id(), e.caption(), e.schema().name(), e.agency(), Graph.ENTITY, List.of(e.id()), null);
  }

  /** A node's own entity-typed and pivot-typed properties. */
  private void links(Entity s) {
    String[] when = Links.extent(s);
    for (Property p : s.schema().properties().values()) {
      boolean entity = p.type() == Types.ENTITY;
      if (!entity && !p.type().pivot()) continue;
      for (String v : s.values(p.name())) {
        String target = entity ? v : Links.pivotId(p, v);
        if (entity ? nodes.containsKey(target) : pivots.contains(target)) {
          raw.add(new Raw(s.id(), target, entity ? "link" : Graph.PIVOT, p.label(), s.schema().name(), true, when[0], when[1],
              null, null, s.id()));
        }
      }
    }
  }

  private void occurrence(Entity o) {
    Occurrences.Shape shape = Occurrences.shape(o.schema());
    String[] when = Links.extent(o);
    String currency = o.schema().property("currency") == null ? null : o.first("currency");
    Double amount = o.schema().property("amount") == null ? null : number(o.first("amount"));
    List<String> src = endpoints(o, shape.sources(), shape.sourceNumbers());
    List<String> tgt = endpoints(o, shape.targets(), shape.targetNumbers());
    if (o.schema().isA("NetworkRole") && !o.values("role").isEmpty()) {
      // A person may play several roles (several records, or several values in one): all are kept.
      for (String p : src) {
        Graph.Node n = nodes.get(p);
        if (n != null) nodes.put(p, n.withRoles(List.copyOf(o.values("role"))));
      }
    }
    if (!shape.event() && !src.isEmpty() && !tgt.isEmpty()) {
      for (String a : src) {
        for (String b : tgt) {
          raw.add(new Raw(a, b, shape.kind(), shape.label(), o.schema().name(), shape.directed(), when[0], when[1], currency, amount, o.id()));
        }
      }
      return;
    }
    List<String> ends = new ArrayList<>(new LinkedHashSet<>(concat(src, tgt)));
    if (shape.event() && ends.size() >= 2) {
      for (String b : ends.subList(1, ends.size())) {
        raw.add(new Raw(ends.get(0), b, shape.kind(), shape.label(), o.schema().name(), false, when[0], when[1], null, null, o.id()));
      }
      return;
    }
    if (ends.isEmpty() || namesOutside(o)) return; // names something outside this graph: out of scope
    // One side only (a payment whose beneficiary this viewer may not see, a crossing naming one person):
    // the record stays a node, linked to what it names.
    nodes.put(o.id(), entityNode(o));
    for (String b : ends) raw.add(new Raw(o.id(), b, "link", o.schema().label(), o.schema().name(), true, when[0], when[1], null, null, o.id()));
  }

  private boolean namesOutside(Entity o) {
    for (Property p : o.schema().properties().values()) {
      if (p.type() != Types.ENTITY) continue;
      for (String v : o.values(p.name())) if (!nodes.containsKey(v)) return true;
    }
    return false;
  }

  private List<String> endpoints(Entity o, List<String> props, List<String> numberProps) {
    List<String> out = new ArrayList<>();
    for (String p : props) {
      if (o.schema().property(p) == null) continue;
      for (String v : o.values(p)) if (nodes.containsKey(v) && !out.contains(v)) out.add(v);
    }
    if (out.isEmpty()) {
      for (String p : numberProps) {
        Property prop = o.schema().property(p);
        if (prop == null) continue;
        for (String v : o.values(p)) {
          String id = Links.pivotId(prop, v);
          pivots.add(id);
          if (!out.contains(id)) out.add(id);
        }
      }
    }
    return out;
  }

  /** A pivot value is a node only when at least two distinct nodes share it. */
  private void prunePivots() {
    Map<String, Set<String>> holders = new LinkedHashMap<>();
    for (Raw r : raw) {
      if (Links.isPivot(r.v())) holders.computeIfAbsent(r.v(), k -> new LinkedHashSet<>()).add(r.u());
      if (Links.isPivot(r.u())) holders.computeIfAbsent(r.u(), k -> new LinkedHashSet<>()).add(r.v());
    }
    for (String p : pivots) {
      if (holders.getOrDefault(p, Set.of()).size() < 2) continue;
      String rest = p.substring(Links.PIVOT_PREFIX.length());
      int colon = rest.indexOf(':');
      nodes.put(p, new Graph.Node(p, rest.substring(colon + 1), rest.substring(0, colon), null, Graph.PIVOT, List.of(p), null));
    }
  }

  private static final class Acc {
    final String id;
    final String source;
    final String target;
    final Raw first;
    int count;
    String from;
    String to;
    final Map<String, Double> totals = new TreeMap<>();
    final List<String> via = new ArrayList<>();

    Acc(String id, String source, String target, Raw r) {
      this.id = id;
      this.source = source;
      this.target = target;
      this.first = r;
    }
  }

  private Graph aggregate(UnaryOperator<String> canonical, boolean truncated) {
    Map<String, Graph.Node> merged = new LinkedHashMap<>();
    for (Graph.Node n : nodes.values()) {
      String c = Graph.PIVOT.equals(n.kind()) ? n.id() : canonical.apply(n.id());
      if (!nodes.containsKey(c)) c = n.id();
      Graph.Node prev = merged.get(c);
      if (prev == null) {
        Graph.Node base = nodes.get(c);
        merged.put(c, new Graph.Node(c, base.caption(), base.schema(), base.agency(), base.kind(), List.of(n.id()), null,
            concat(base.roles(), n.roles())));
      } else {
        List<String> members = new ArrayList<>(prev.members());
        if (!members.contains(n.id())) members.add(n.id());
        members.sort(null);
        merged.put(c, new Graph.Node(prev.id(), prev.caption(), prev.schema(), prev.agency(), prev.kind(), List.copyOf(members), null,
            concat(prev.roles(), n.roles())));
      }
    }
    Map<String, String> nodeOf = new LinkedHashMap<>();
    for (Graph.Node n : merged.values()) for (String m : n.members()) nodeOf.put(m, n.id());
    Map<String, Acc> acc = new LinkedHashMap<>();
    for (Raw r : raw) {
      String u = nodeOf.get(r.u());
      String v = nodeOf.get(r.v());
      if (u == null || v == null || u.equals(v)) continue;
      if (!range.overlaps(r.first(), r.last())) continue;
      if (!r.directed() && u.compareTo(v) > 0) {
        String t = u;
        u = v;
        v = t;
      }
      String key = r.kind() + ":" + (r.kind().equals("link") || r.kind().equals(Graph.PIVOT) ? r.label() : r.schema()) + ":" + u + ">" + v;
      String source = u;
      String target = v;
      Acc a = acc.computeIfAbsent(key, k -> new Acc(k, source, target, r));
      a.count++;
      if (r.first() != null && (a.from == null || r.first().compareTo(a.from) < 0)) a.from = r.first();
      if (r.last() != null && (a.to == null || r.last().compareTo(a.to) > 0)) a.to = r.last();
      if (r.amount() != null) a.totals.merge(r.currency() == null ? "?" : r.currency(), r.amount(), Double::sum);
      if (a.via.size() < Graph.MAX_VIA && !a.via.contains(r.via())) a.via.add(r.via());
    }
    List<Graph.Edge> edges = new ArrayList<>();
    for (Acc a : acc.values()) {
      edges.add(new Graph.Edge(a.id, a.source, a.target, a.first.kind(), a.first.label(), a.first.schema(), a.first.directed(),
          a.count, a.from, a.to, a.totals.isEmpty() ? null : Map.copyOf(a.totals), List.copyOf(a.via)));
    }
    return new Graph(List.copyOf(merged.values()), edges, truncated);
  }

  private static Double number(String s) {
    if (s == null) return null;
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
