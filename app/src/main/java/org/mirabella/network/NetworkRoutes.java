package org.mirabella.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Role;
import org.mirabella.access.Viewer;
import org.mirabella.access.Viewers;
import org.mirabella.actions.Operation;
import org.mirabella.actions.OperationStore;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.http.Api;
import org.mirabella.http.QueryParams;
import org.mirabella.http.Routes;
import org.mirabella.http.ServerContext;
import org.mirabella.model.InvalidData;

/**
 * The network API under {@code /api/network}: graphs (an entity's neighbourhood, a case,
 * everything visible, a chart's set of entities), a path between two entities, measures,
 * communities, brokerage roles, disruption simulations (also as a PNG chart), the network of a
 * joint action day, and exports. Every answer is built by {@link GraphService}
 * for the signed-in reader only, and every read is audited (ids and counts, never content).
 * Date filters: {@code from}, {@code to} (or {@code asOf}, the same as {@code to}) as YYYY[-MM[-DD]].
 */
public final class NetworkRoutes implements Routes {
  private final GraphService graphs;
  private final AuditLog audit;
  private final AccessControl access;
  private final OperationStore operations;

  public NetworkRoutes(GraphService graphs, AccessControl access, AuditLog audit, OperationStore operations) {
    this.graphs = graphs;
    this.access = access;
    this.audit = audit;
    this.operations = operations;
  }

  /** Wired from the server's context; fills the link index of a store written before it existed. */
  public NetworkRoutes(ServerContext context) {
    this(context, new AccessControl(context.db(), context.entities()));
  }

  private NetworkRoutes(ServerContext context, AccessControl access) {
    this(new GraphService(context.db(), access), access, new JdbcAuditLog(context.db()), new OperationStore(context.db()));
    Links.backfillIfEmpty(context.db(), context.model());
  }

  @Override
  public void register(Api api) {
    api.get("/api/network/entities/{id}/neighbourhood", this::neighbourhood);
    api.get("/api/network/cases/{agency}/{ref}", this::ofCase);
    api.get("/api/network/all", this::all);
    api.post("/api/network/graph", this::graph);
    api.get("/api/network/path", this::path);
    api.post("/api/network/measures", this::measures);
    api.post("/api/network/communities", this::communities);
    api.post("/api/network/disruption", this::disruption);
    api.get("/api/network/export/{format}", this::export);
    api.get("/api/network/disruption.png", this::disruptionPng);
    api.get("/api/network/operations/{id}", this::operation);
  }

  private void neighbourhood(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    String id = ctx.pathParam("id");
    int hops = QueryParams.intParam(ctx, "hops", 1, 1, GraphService.MAX_HOPS);
    Graph g;
    try {
      g = graphs.neighbourhood(v, id, hops, range(ctx));
    } catch (org.mirabella.http.NotFound e) {
      audit.record(new AuditEvent(v.user(), v.agency(), "network.read.absent", cut(id), access.ownerOf(id).orElse(null),
          Viewers.justification(ctx), null));
      throw e;
    }
    answer(ctx, v, "network.neighbourhood", id + " hops=" + hops, access.ownerOf(id).orElse(null), g);
  }

  private void ofCase(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    String agency = ctx.pathParam("agency");
    String ref = ctx.pathParam("ref");
    Graph g = graphs.ofCase(v, agency, ref, range(ctx));
    answer(ctx, v, "network.case", agency + "/" + ref, agency, g);
  }

  private void all(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    answer(ctx, v, "network.all", "*", null, graphs.all(v, range(ctx)));
  }

  private void graph(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    JsonNode body = Viewers.body(ctx);
    List<String> ids = entities(body);
    answer(ctx, v, "network.set", ids.size() + " entities", null, graphs.ofEntities(v, ids, range(body)));
  }

  private void path(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    String from = required(ctx.queryParam("from"), "from");
    String to = required(ctx.queryParam("to"), "to");
    String asOf = ctx.queryParam("asOf");
    if (flag(ctx, "all")) {
      int maxLength = QueryParams.intParam(ctx, "k", 4, 1, 2 * GraphService.MAX_HOPS);
      GraphAnalysis.AllPaths all = graphs.allPaths(v, from, to, maxLength, DateRange.ending(null, asOf, "asOf"));
      audit.record(new AuditEvent(v.user(), v.agency(), "network.paths", cut(from + " -> " + to), null, Viewers.justification(ctx),
          all.paths().size() + " paths up to length " + maxLength + (all.truncated() ? ", truncated" : "")));
      ctx.json(all);
      return;
    }
    int k = QueryParams.intParam(ctx, "k", 3, 1, 10);
    GraphAnalysis.PathResult p = graphs.path(v, from, to, k, DateRange.ending(null, asOf, "asOf"));
    audit.record(new AuditEvent(v.user(), v.agency(), "network.path", cut(from + " -> " + to), null, Viewers.justification(ctx),
        p.found() ? "path of length " + p.length() + ", " + p.alternatives().size() + " alternatives" : "no path"));
    ctx.json(p);
  }

  private void measures(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    JsonNode body = Viewers.body(ctx);
    String measure = Viewers.required(body, "measure");
    Graph g = setGraph(v, body);
    if (measure.strip().equalsIgnoreCase("brokerage")) {
      GraphAnalysis.Brokerage b = new GraphAnalysis(g).brokerage(text(body, "groups"));
      audited(ctx, v, "network.measures", "brokerage/" + b.groups(), g);
      ctx.json(b);
      return;
    }
    GraphAnalysis.Scores s = new GraphAnalysis(g).measure(measure);
    audited(ctx, v, "network.measures", measure, g);
    ctx.json(s);
  }

  private void communities(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    JsonNode body = Viewers.body(ctx);
    Graph g = setGraph(v, body);
    GraphAnalysis.CommunityResult c = new GraphAnalysis(g).communities(text(body, "algorithm"));
    audited(ctx, v, "network.communities", c.algorithm(), g);
    ctx.json(c);
  }

  private void disruption(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    JsonNode body = Viewers.body(ctx);
    Graph g = setGraph(v, body);
    String strategy = text(body, "strategy");
    String mode = text(body, "mode");
    List<String> roles = roles(body);
    String order = text(body, "order");
    if ("png".equalsIgnoreCase(ctx.queryParam("format"))) {
      png(ctx, v, g, strategy, mode, roles, order);
      return;
    }
    String format = ctx.queryParam("format");
    if (format != null && !format.isBlank() && !format.equalsIgnoreCase("json")) {
      throw new InvalidData("Unknown format", Map.of("format", "'" + cut(format) + "': expected json or png"));
    }
    GraphAnalysis.Disruption d = new GraphAnalysis(g).disruption(strategy, mode, roles, order);
    audited(ctx, v, "network.disruption", d.strategy() + "/" + d.mode() + (d.roles().isEmpty() ? "" : " " + d.roles()), g);
    ctx.json(d);
  }

  /** The curve as a PNG chart, for a chart's entities given as repeated {@code entity} parameters. */
  private void disruptionPng(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(ctx.queryParams("entity")));
    if (ids.isEmpty()) throw new InvalidData("Which network?", Map.of("entity", "give one or more entity parameters"));
    if (ids.size() > graphs.maxNodes()) {
      throw new InvalidData("Too many entities", Map.of("entity", ids.size() + " given, at most " + graphs.maxNodes()));
    }
    Graph g = graphs.ofEntities(v, ids, range(ctx));
    png(ctx, v, g, ctx.queryParam("strategy"), ctx.queryParam("mode"), ctx.queryParams("role"), ctx.queryParam("order"));
  }

  private void png(Context ctx, Viewer v, Graph g, String strategy, String mode, List<String> roles, String order) {
    byte[] png = new GraphAnalysis(g).disruptionChart(strategy, mode, roles, order);
    audited(ctx, v, "network.disruption", "png " + (strategy == null ? "betweenness" : strategy) + "/" + (mode == null ? "sequential" : mode), g);
    ctx.contentType("image/png");
    ctx.result(png);
  }

  /**
   * The network of a joint action day: its targets the viewer may see and their neighbourhood of
   * {@code hops} hops (default 1; 0 for the targets alone). 404 unless the viewer's agency takes
   * part in the operation, as if absent.
   */
  private void operation(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    String id = ctx.pathParam("id");
    int hops = QueryParams.intParam(ctx, "hops", 1, 0, GraphService.MAX_HOPS);
    Operation op = operations.require(id, new org.mirabella.actions.Viewer(v.agency(),
        v.roles().stream().map(Role::code).collect(Collectors.toSet())));
    Graph g = graphs.around(v, op.targets(), hops, range(ctx));
    audit.record(new AuditEvent(v.user(), v.agency(), "network.operation", cut(id + " hops=" + hops), null, Viewers.justification(ctx),
        g.nodes().size() + " nodes, " + g.edges().size() + " edges" + (g.truncated() ? ", truncated" : "")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("operation", Map.of("id", op.id(), "name", op.name(), "start", op.start().toString(), "end", op.end().toString()));
    Set<String> targets = new LinkedHashSet<>();
    for (String t : op.targets()) {
      String n = GraphService.nodeOf(g, t);
      if (n != null) targets.add(n);
    }
    out.put("targets", List.copyOf(targets));
    out.put("nodes", g.nodes());
    out.put("edges", g.edges());
    out.put("truncated", g.truncated());
    ctx.json(out);
  }

  private void export(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    NetworkExport format = NetworkExports.require(ctx.pathParam("format"));
    String justification = Viewers.requireJustification(ctx, "Exporting a network");
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(ctx.queryParams("entity")));
    String caseParam = ctx.queryParam("case");
    Graph g;
    if (caseParam != null && !caseParam.isBlank()) {
      int slash = caseParam.indexOf('/');
      if (slash < 1) throw new InvalidData("Invalid request", Map.of("case", "expected AGENCY/REF"));
      g = graphs.ofCase(v, caseParam.substring(0, slash), caseParam.substring(slash + 1), range(ctx));
    } else {
      if (ids.isEmpty()) throw new InvalidData("Which network?", Map.of("entity", "give one or more entity parameters, or case=AGENCY/REF"));
      g = graphs.ofEntities(v, ids, range(ctx));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      format.write(g, format.format().equals("ftm") ? graphs.records(v, g) : List.of(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.record(new AuditEvent(v.user(), v.agency(), "network.export", format.format(), null, justification,
        g.nodes().size() + " nodes, " + g.edges().size() + " edges"));
    ctx.contentType(format.contentType());
    ctx.header("Content-Disposition", "attachment; filename=\"mirabella-network." + format.extension() + "\"");
    ctx.result(out.toByteArray());
  }

  private Graph setGraph(Viewer v, JsonNode body) {
    return graphs.ofEntities(v, entities(body), range(body));
  }

  private List<String> entities(JsonNode body) {
    JsonNode n = body.get("entities");
    if (n == null || !n.isArray()) throw new InvalidData("Missing field", Map.of("entities", "required: an array of entity ids"));
    if (n.size() > graphs.maxNodes()) {
      throw new InvalidData("Too many entities", Map.of("entities", n.size() + " given, at most " + graphs.maxNodes()));
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode x = n.get(i);
      if (!x.isTextual() || x.asText().isBlank()) throw new InvalidData("Invalid request", Map.of("entities[" + i + "]", "expected an entity id"));
      ids.add(x.asText().strip());
    }
    return new ArrayList<>(ids);
  }

  private void answer(Context ctx, Viewer v, String action, String object, String owner, Graph g) {
    audit.record(new AuditEvent(v.user(), v.agency(), action, cut(object), owner, Viewers.justification(ctx),
        g.nodes().size() + " nodes, " + g.edges().size() + " edges" + (g.truncated() ? ", truncated" : "")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nodes", g.nodes());
    out.put("edges", g.edges());
    out.put("truncated", g.truncated());
    ctx.json(out);
  }

  private void audited(Context ctx, Viewer v, String action, String what, Graph g) {
    audit.record(new AuditEvent(v.user(), v.agency(), action, what, null, Viewers.justification(ctx),
        g.nodes().size() + " nodes, " + g.edges().size() + " edges"));
  }

  private static DateRange range(Context ctx) {
    String to = ctx.queryParam("to");
    return to != null ? new DateRange(ctx.queryParam("from"), to) : DateRange.ending(ctx.queryParam("from"), ctx.queryParam("asOf"), "asOf");
  }

  private static DateRange range(JsonNode body) {
    String to = text(body, "to");
    return to != null ? new DateRange(text(body, "from"), to) : DateRange.ending(text(body, "from"), text(body, "asOf"), "asOf");
  }

  /** {@code role}: one role or an array of them ({@code roles} is accepted too). */
  private static List<String> roles(JsonNode body) {
    JsonNode n = body.get("role");
    String field = "role";
    if (n == null || n.isNull()) {
      n = body.get("roles");
      field = "roles";
    }
    if (n == null || n.isNull()) return List.of();
    if (n.isTextual()) return List.of(n.asText());
    if (!n.isArray()) throw new InvalidData("Invalid request", Map.of(field, "expected a role or an array of roles"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) throw new InvalidData("Invalid request", Map.of(field + "[" + i + "]", "expected a role"));
      out.add(n.get(i).asText());
    }
    return out;
  }

  private static boolean flag(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("false")) return false;
    if (raw.equalsIgnoreCase("true")) return true;
    throw new InvalidData("Invalid request", Map.of(name, "'" + cut(raw) + "': expected true or false"));
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String required(String v, String name) {
    if (v == null || v.isBlank()) throw new InvalidData("Missing parameter", Map.of(name, "required"));
    return v.strip();
  }

  private static String cut(String s) {
    return s == null || s.length() <= 200 ? s : s.substring(0, 200);
  }
}
