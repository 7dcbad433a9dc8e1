package org.mirabella.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Viewer;
import org.mirabella.http.NotFound;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;
import org.mirabella.store.Database;

/**
 * The network a viewer may see, in four scopes: an entity's neighbourhood of n hops, one case (own
 * or shared with the viewer's agency), a set of entities (what a chart holds), and everything
 * visible. Neighbours are found through {@code entity_link} filtered by the read policy in SQL;
 * then the nodes and the records linking them are loaded through {@link AccessControl} (the one
 * enforcement point) and {@link GraphAssembler} builds the graph from what that returns only.
 * Bounded: at most {@value #MAX_HOPS} hops, {@code maxNodes} nodes and {@code maxRows} index rows
 * per step; a graph cut short says {@code truncated}.
 */
public final class GraphService {
  public static final int MAX_HOPS = 3;
  public static final int MAX_NODES_DEFAULT = 2_000;
  public static final int MAX_ROWS_DEFAULT = 50_000;
  private final Database db;
  private final AccessControl access;
  private final Model model;
  private final int maxNodes;
  private final int maxRows;

  public GraphService(Database db, AccessControl access) {
    this(db, access, MAX_NODES_DEFAULT, MAX_ROWS_DEFAULT);
  }

  public GraphService(Database db, AccessControl access, int maxNodes, int maxRows) {
    if (maxNodes < 1) throw new IllegalArgumentException("maxNodes must be >= 1: " + maxNodes);
    if (maxRows < 1) throw new IllegalArgumentException("maxRows must be >= 1: " + maxRows);
    this.db = db;
    this.access = access;
    this.model = Model.get();
    this.maxNodes = maxNodes;
    this.maxRows = maxRows;
  }

  public int maxNodes() {
    return maxNodes;
  }

  /** The neighbourhood of {@code id} up to {@code hops} hops; 404 when the viewer may not see {@code id}. */
  public Graph neighbourhood(Viewer v, String id, int hops, DateRange range) {
    if (hops < 1 || hops > MAX_HOPS) {
      throw new InvalidData("Invalid request", Map.of("hops", "'" + hops + "' is not a whole number from 1 to " + MAX_HOPS));
    }
    Expansion x = expand(v, Set.of(id), hops);
    // The start is checked with everything else, by AccessControl: invisible and absent answer alike.
    return build(v, x.nodes(), x.occurrences(), false, range, x.truncated(), id);
  }

  /**
   * The network around several records at once (the targets of a joint action day): those of
   * {@code seeds} the viewer may see, and their neighbourhood of {@code hops} hops (0: only the
   * seeds and the links among them). Seeds the viewer may not see are left out before the walk,
   * so not even a visible record naming them is reached through them.
   */
  public Graph around(Viewer v, Collection<String> seeds, int hops, DateRange range) {
    if (hops < 0 || hops > MAX_HOPS) {
      throw new InvalidData("Invalid request", Map.of("hops", "'" + hops + "' is not a whole number from 0 to " + MAX_HOPS));
    }
    if (seeds.size() > maxNodes) throw new InvalidData("Too many entities", Map.of("entities", seeds.size() + " given, at most " + maxNodes));
    Set<String> visible = new LinkedHashSet<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(seeds));
    for (int i = 0; i < all.size(); i += 1000) visible.addAll(access.findAll(v, all.subList(i, Math.min(all.size(), i + 1000))).keySet());
    Set<String> start = new LinkedHashSet<>();
    for (String s : all) if (visible.contains(s)) start.add(s);
    if (start.isEmpty()) return Graph.empty();
    if (hops == 0) return ofEntities(v, start, range);
    Expansion x = expand(v, start, hops);
    return build(v, x.nodes(), x.occurrences(), false, range, x.truncated());
  }

  private record Expansion(Set<String> nodes, Set<String> occurrences, boolean truncated) {}

  /** Walks the link index hop by hop from {@code seeds}, through what the read policy lets pass in SQL. */
  private Expansion expand(Viewer v, Set<String> seeds, int hops) {
    LinkIndex index = new LinkIndex(access.filter(v), maxRows);
    Set<String> nodes = new LinkedHashSet<>(seeds);
    Set<String> occurrences = new LinkedHashSet<>();
    boolean truncated = false;
    try (Handle h = db.jdbi().open()) {
      Set<String> frontier = new LinkedHashSet<>(seeds);
      for (int hop = 0; hop < hops && !frontier.isEmpty() && !truncated; hop++) {
        Set<String> next = new LinkedHashSet<>();
        List<String> newOccurrences = new ArrayList<>();
        // The same person under another agency's record (a confirmed hit) is the same node: their links count too.
        Set<String> partners = confirmedPartners(frontier.stream().filter(n -> !Links.isPivot(n)).toList());
        partners.removeAll(nodes);
        if (!partners.isEmpty()) {
          nodes.addAll(partners);
          Set<String> widened = new LinkedHashSet<>(frontier);
          widened.addAll(partners);
          frontier = widened;
        }
        List<String> entities = frontier.stream().filter(n -> !Links.isPivot(n)).toList();
        List<LinkIndex.Row> around = index.around(h, entities, frontier);
        truncated |= index.full(around);
        for (LinkIndex.Row r : around) {
          if (frontier.contains(r.sourceId())) {
            next.add(r.targetId());
          } else if (occurrence(r.sourceSchema())) {
            if (occurrences.add(r.sourceId())) newOccurrences.add(r.sourceId());
          } else {
            next.add(r.sourceId());
          }
        }
        List<LinkIndex.Row> ends = index.from(h, newOccurrences);
        truncated |= index.full(ends);
        for (LinkIndex.Row r : ends) next.add(r.targetId());
        next.removeAll(nodes);
        Set<String> added = new LinkedHashSet<>();
        for (String n : next) {
          if (nodes.size() >= maxNodes) {
            truncated = true;
            break;
          }
          nodes.add(n);
          added.add(n);
        }
        frontier = added;
      }
    }
    return new Expansion(nodes, occurrences, truncated);
  }

  /** The graph of one case; 404 unless it is the viewer's agency's or shared with it. */
  public Graph ofCase(Viewer v, String agency, String ref, DateRange range) {
    boolean visible = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM case_file c WHERE c.agency = :a AND c.ref = :r "
            + "AND (c.agency = :viewer OR EXISTS (SELECT 1 FROM case_share s WHERE s.agency = c.agency AND s.case_ref = c.ref "
            + "AND s.shared_with = :viewer))")
        .bind("a", agency).bind("r", ref).bind("viewer", v.agency()).mapTo(Long.class).one() > 0);
    if (!visible || !v.readsCaseData()) throw new NotFound("no case " + agency + "/" + ref);
    return seeded(v, "e.agency = :agency AND e.case_ref = :ref", Map.of("agency", agency, "ref", ref), range);
  }

  /** Everything the viewer may see, up to {@code maxNodes} records (then {@code truncated}). */
  public Graph all(Viewer v, DateRange range) {
    return seeded(v, "1 = 1", Map.of(), range);
  }

  /**
   * The graph among {@code ids} (entity, merged-person and pivot ids, as a chart holds them): their
   * links to each other, the records joining them, and the members of merged persons. Ids the viewer
   * may not see are left out silently, as if absent.
   */
  public Graph ofEntities(Viewer v, Collection<String> ids, DateRange range) {
    if (ids.size() > maxNodes) {
      throw new InvalidData("Too many entities", Map.of("entities", ids.size() + " given, at most " + maxNodes));
    }
    Set<String> nodes = new LinkedHashSet<>(ids);
    nodes.addAll(confirmedPartners(nodes.stream().filter(n -> !Links.isPivot(n)).toList()));
    return build(v, nodes, Set.of(), false, range, false);
  }

  /** The visible records behind a graph's nodes and edges (for exports that carry whole records). */
  public List<Entity> records(Viewer v, Graph g) {
    Set<String> ids = new LinkedHashSet<>();
    for (Graph.Node n : g.nodes()) if (Graph.ENTITY.equals(n.kind())) ids.addAll(n.members());
    for (Graph.Edge e : g.edges()) ids.addAll(e.via());
    List<String> all = List.copyOf(ids);
    List<Entity> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 1000) out.addAll(access.findAll(v, all.subList(i, Math.min(all.size(), i + 1000))).values());
    return out;
  }

  /**
   * A path between two visible entities: the graph of both neighbourhoods ({@value #MAX_HOPS} hops
   * each, so paths up to twice that long), then the shortest path in it and up to {@code k - 1}
   * alternatives. 404 when either end is not visible.
   */
  public GraphAnalysis.PathResult path(Viewer v, String from, String to, int k, DateRange range) {
    Graph g = pathGraph(v, from, to, range);
    String u = nodeOf(g, from);
    String w = nodeOf(g, to);
    if (u == null || w == null) return new GraphAnalysis.PathResult(false, -1, List.of(), List.of(), List.of());
    return new GraphAnalysis(g).path(u, w, k);
  }

  /**
   * Every simple path of at most {@code maxLength} edges (1 to twice {@value #MAX_HOPS}) between two
   * visible entities, in the same graph as {@link #path}, at most {@link GraphAnalysis#MAX_PATHS}.
   */
  public GraphAnalysis.AllPaths allPaths(Viewer v, String from, String to, int maxLength, DateRange range) {
    if (maxLength < 1 || maxLength > 2 * MAX_HOPS) {
      throw new InvalidData("Invalid request", Map.of("k", "'" + maxLength + "' is not a whole number from 1 to " + 2 * MAX_HOPS));
    }
    Graph g = pathGraph(v, from, to, range);
    String u = nodeOf(g, from);
    String w = nodeOf(g, to);
    if (u == null || w == null) return new GraphAnalysis.AllPaths(false, maxLength, List.of(), List.of(), List.of(), false);
    return new GraphAnalysis(g).allPaths(u, w, maxLength, GraphAnalysis.MAX_PATHS);
  }

  /** The union of both ends' neighbourhoods; 404 when either end is not visible. */
  private Graph pathGraph(Viewer v, String from, String to, DateRange range) {
    Graph a = neighbourhood(v, from, MAX_HOPS, range);
    if (nodeOf(a, to) != null) {
      if (access.find(v, to).isEmpty()) throw new NotFound("no entity " + to);
      return a;
    }
    Graph b = neighbourhood(v, to, MAX_HOPS, range);
    Set<String> ids = new LinkedHashSet<>();
    for (Graph x : List.of(a, b)) for (Graph.Node n : x.nodes()) ids.addAll(n.members());
    return build(v, new LinkedHashSet<>(List.copyOf(ids).subList(0, Math.min(ids.size(), 2 * maxNodes))), Set.of(), false, range,
        a.truncated() || b.truncated());
  }

  /** The node holding record {@code id} (itself, or the merged person it belongs to). */
  static String nodeOf(Graph g, String id) {
    for (Graph.Node n : g.nodes()) if (n.id().equals(id) || n.members().contains(id)) return n.id();
    return null;
  }

  private Graph seeded(Viewer v, String where, Map<String, Object> binds, DateRange range) {
    AccessControl.SqlFilter f = access.filter(v);
    List<String> excluded = model.schemata().stream().filter(Occurrences::isOccurrence).map(Schema::name).toList();
    List<String> seeds = db.jdbi().withHandle(h -> {
      var q = f.bind(h.createQuery("SELECT e.id FROM entity e WHERE " + where + " AND e.schema_name NOT IN (<occ>) AND "
          + f.entities("e") + " ORDER BY e.id LIMIT :max"));
      binds.forEach(q::bind);
      return q.bindList("occ", excluded).bind("max", maxNodes + 1).mapTo(String.class).list();
    });
    boolean truncated = seeds.size() > maxNodes;
    return build(v, new LinkedHashSet<>(seeds.subList(0, Math.min(seeds.size(), maxNodes))), Set.of(), true, range, truncated);
  }

  /**
   * Finds the occurrences touching {@code nodes} (and, with {@code discoverPivots}, the pivot values
   * they hold), loads everything through {@link AccessControl} and assembles.
   */
  private Graph build(Viewer v, Set<String> nodes, Set<String> knownOccurrences, boolean discoverPivots, DateRange range,
      boolean truncated) {
    return build(v, nodes, knownOccurrences, discoverPivots, range, truncated, null);
  }

  /** As above; {@code mustSee}, when given, is a record the viewer must see (404 otherwise). */
  private Graph build(Viewer v, Set<String> nodes, Set<String> knownOccurrences, boolean discoverPivots, DateRange range,
      boolean truncated, String mustSee) {
    LinkIndex index = new LinkIndex(access.filter(v), maxRows);
    Set<String> candidates = new LinkedHashSet<>(nodes);
    Set<String> occurrences = new LinkedHashSet<>(knownOccurrences);
    try (Handle h = db.jdbi().open()) {
      List<LinkIndex.Row> in = index.to(h, nodes);
      truncated |= index.full(in);
      for (LinkIndex.Row r : in) if (occurrence(r.sourceSchema())) occurrences.add(r.sourceId());
      if (discoverPivots) {
        List<LinkIndex.Row> out = index.from(h, nodes.stream().filter(n -> !Links.isPivot(n)).toList());
        truncated |= index.full(out);
        for (LinkIndex.Row r : out) if (r.pivot()) candidates.add(r.targetId());
      }
    }
    List<String> load = new ArrayList<>();
    for (String n : candidates) if (!Links.isPivot(n)) load.add(n);
    load.addAll(occurrences);
    Map<String, Entity> visible = new HashMap<>();
    for (int i = 0; i < load.size(); i += 1000) visible.putAll(access.findAll(v, load.subList(i, Math.min(load.size(), i + 1000))));
    if (mustSee != null && !visible.containsKey(mustSee)) throw new NotFound("no entity " + mustSee);
    Map<String, String> canonical = canonical(visible.keySet());
    return new GraphAssembler(visible, range).assemble(candidates, occurrences, id -> canonical.getOrDefault(id, id), truncated);
  }

  private boolean occurrence(String schema) {
    Schema s = model.schema(schema);
    return s != null && Occurrences.isOccurrence(s);
  }

  /**
   * Records joined by confirmed hits, among {@code ids} only (both ends visible): each maps to the
   * smallest id of its group. Union-find over the hit pairs, written here because the groups are tiny.
   */
  private Map<String, String> canonical(Set<String> ids) {
    Map<String, String> parent = new HashMap<>();
    for (String[] pair : confirmedPairs(ids)) {
      if (!ids.contains(pair[0]) || !ids.contains(pair[1])) continue;
      String a = root(parent, pair[0]);
      String b = root(parent, pair[1]);
      if (a.equals(b)) continue;
      if (a.compareTo(b) < 0) parent.put(b, a);
      else parent.put(a, b);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : parent.keySet()) out.put(id, root(parent, id));
    return out;
  }

  private static String root(Map<String, String> parent, String id) {
    String r = id;
    while (parent.containsKey(r) && !parent.get(r).equals(r)) r = parent.get(r);
    parent.putIfAbsent(id, r);
    return r;
  }

  private Set<String> confirmedPartners(Collection<String> ids) {
    Set<String> out = new LinkedHashSet<>();
    for (String[] p : confirmedPairs(ids)) {
      out.add(p[0]);
      out.add(p[1]);
    }
    return out;
  }

  private List<String[]> confirmedPairs(Collection<String> ids) {
    List<String[]> out = new ArrayList<>();
    List<String> all = List.copyOf(ids);
    for (int i = 0; i < all.size(); i += LinkIndex.CHUNK) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + LinkIndex.CHUNK));
      db.jdbi().useHandle(h -> h.createQuery("SELECT left_entity, right_entity FROM hit WHERE judgement = 'CONFIRMED' "
              + "AND (left_entity IN (<ids>) OR right_entity IN (<ids>))")
          .bindList("ids", chunk).map((rs, c) -> new String[] {rs.getString(1), rs.getString(2)}).forEach(out::add));
    }
    return out;
  }
}
