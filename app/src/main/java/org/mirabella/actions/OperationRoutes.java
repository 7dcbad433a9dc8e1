package org.mirabella.actions;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;
import org.mirabella.model.InvalidData;
import org.mirabella.report.Period;

/**
 * HTTP routes of joint actions: operations, tasks, coordination log, outcomes and their totals, field
 * checks (bulk, cross-checked at once) and hit triage. Handlers only translate; the reader is
 * {@link RequestViewer#of}.
 */
public final class OperationRoutes implements Routes {
  private final OperationStore operations;
  private final FieldCheckStore checks;
  private final SamePerson samePerson;
  private final org.mirabella.audit.AuditLog audit;
  private final VisibleEntities visible;

  public OperationRoutes(OperationStore operations, FieldCheckStore checks, SamePerson samePerson,
      org.mirabella.audit.AuditLog audit, VisibleEntities visible) {
    this.operations = operations;
    this.checks = checks;
    this.samePerson = samePerson;
    this.audit = audit;
    this.visible = visible;
  }

  /** The signed-in user: who did something is the session's, never a body field's. */
  private static String user(io.javalin.http.Context ctx) {
    return org.mirabella.access.Viewers.of(ctx).user();
  }

  /** Writes one audit record for a consultation or change of joint-action data. */
  private void audited(io.javalin.http.Context ctx, String action, String object, String detail) {
    var v = org.mirabella.access.Viewers.of(ctx);
    audit.record(new org.mirabella.audit.AuditEvent(v.user(), v.agency(), action, object, null,
        org.mirabella.access.Viewers.justification(ctx), detail));
  }

  record OperationInput(String id, String name, LocalDate start, LocalDate end, String leadAgency, Set<String> participants,
      List<String> objectives, List<String> targets, String status, String createdBy) {}

  record StatusInput(String status, String by) {}

  record TaskInput(String agency, String kind, String description, String target, String status, String by) {}

  record LogInput(String author, String message) {}

  record OutcomeInput(String agency, String kind, String subject, Integer count, Boolean minor, BigDecimal amount, String currency,
      String country, LocalDate date, String description, String recordedBy) {}

  record CheckInput(String checkpoint, String country, String kind, String value, String checkedBy, String agency) {}

  record ChecksInput(List<CheckInput> checks) {}

  record TriageInput(String triage, String by, String note) {}

  /**
   * An operation as a participant reads it: the targets, task targets and other agencies' outcome
   * subjects it may not see are left out, as the operation's network leaves them out
   * (GET /api/network/operations/{id}): an entity id the reader may not see is never told, not even
   * that it exists (docs/access-model.md). The lead, the coordination centre that plans the targets
   * and counts the outcomes, reads the operation whole.
   */
  private OperationStore.Details readable(OperationStore.Details d, Viewer viewer) {
    Operation op = d.operation();
    if (leads(op, viewer)) return d;
    Set<String> named = new java.util.HashSet<>(op.targets());
    d.tasks().forEach(t -> named.add(t.target()));
    d.outcomes().forEach(o -> named.add(o.subject()));
    named.remove(null);
    Set<String> seen = visible.byIds(viewer, named).keySet();
    return new OperationStore.Details(readable(op, viewer, seen), d.tasks().stream().map(t -> t.target() == null || seen.contains(t.target()) ? t
            : withoutTarget(t)).toList(),
        d.log(), d.outcomes().stream().map(o -> o.subject() == null || seen.contains(o.subject()) || o.agency().equals(viewer.agency()) ? o
            : new Outcome(o.id(), o.operationId(), o.agency(), o.kind(), null, o.count(), o.minor(), o.amount(), o.currency(), o.country(),
                o.date(), o.description(), o.recordedBy(), o.recordedAt())).toList());
  }

  private static Operation readable(Operation op, Viewer viewer, Set<String> seen) {
    if (leads(op, viewer)) return op;
    return new Operation(op.id(), op.name(), op.start(), op.end(), op.leadAgency(), op.participants(), op.objectives(),
        op.targets().stream().filter(seen::contains).toList(), op.status());
  }

  /** A task as its agency reads it when moving it on: the target only if the reader leads or may read it. */
  private Task readable(Task t, Viewer viewer) {
    if (t.target() == null || leads(operations.require(t.operationId(), viewer), viewer)
        || visible.byIds(viewer, Set.of(t.target())).containsKey(t.target())) {
      return t;
    }
    return withoutTarget(t);
  }

  private static Task withoutTarget(Task t) {
    return new Task(t.id(), t.operationId(), t.agency(), t.kind(), t.description(), null, t.status(), t.updatedBy(), t.updatedAt());
  }

  /**
   * Field-check hits as the reader may see them. The lead triages every hit of its operation, also
   * those on a partner's records that it may not read: those it reads as a hit/no-hit answer (owner,
   * case, kind, triage), without the record's id and stored value, which stay with the owner.
   */
  private List<CheckHit> readableHits(List<CheckHit> hits, Viewer viewer) {
    Set<String> ids = new java.util.HashSet<>();
    hits.forEach(h -> ids.add(h.entityId()));
    Set<String> seen = visible.byIds(viewer, ids).keySet();
    return hits.stream().map(h -> seen.contains(h.entityId()) ? h : h.withoutRecord()).toList();
  }

  private static boolean leads(Operation op, Viewer viewer) {
    return viewer.seesEverything() || op.leadAgency().equals(viewer.agency());
  }

  @Override
  public void register(Api api) {
    api.get("/api/operations", ctx -> {
      String p = ctx.queryParam("period");
      Viewer viewer = RequestViewer.of(ctx);
      List<Operation> list = operations.list(viewer, p == null ? null : Period.parse(p));
      Set<String> targets = new java.util.HashSet<>();
      list.forEach(op -> targets.addAll(op.targets()));
      Set<String> seen = visible.byIds(viewer, targets).keySet();
      Json.write(ctx, list.stream().map(op -> readable(op, viewer, seen)).toList());
    });
    api.post("/api/operations", ctx -> {
      OperationInput in = body(ctx, OperationInput.class);
      Operation op = new Operation(in.id(), in.name(), in.start(), in.end(), in.leadAgency(), in.participants(), in.objectives(),
          in.targets(), in.status() == null ? null : Operation.Status.parse(in.status()));
      Operation saved = operations.save(op, user(ctx), RequestViewer.of(ctx));
      audited(ctx, "operation.save", saved.id(), saved.name());
      Json.write(ctx.status(201), saved);
    });
    api.get("/api/operations/{id}", ctx -> {
      Viewer viewer = RequestViewer.of(ctx);
      var details = readable(operations.details(ctx.pathParam("id"), viewer), viewer);
      audited(ctx, "operation.read", ctx.pathParam("id"), null);
      Json.write(ctx, details);
    });
    api.put("/api/operations/{id}/status", ctx -> {
      StatusInput in = body(ctx, StatusInput.class);
      Json.write(ctx, operations.setStatus(ctx.pathParam("id"), Operation.Status.parse(in.status()), RequestViewer.of(ctx)));
    });
    api.post("/api/operations/{id}/tasks", ctx -> {
      TaskInput in = body(ctx, TaskInput.class);
      Task t = new Task(null, ctx.pathParam("id"), in.agency(), Task.Kind.parse(in.kind()), in.description(), in.target(),
          in.status() == null ? null : Task.Status.parse(in.status()), user(ctx), null);
      Json.write(ctx.status(201), operations.addTask(t, RequestViewer.of(ctx)));
    });
    api.put("/api/operations/{id}/tasks/{task}", ctx -> {
      StatusInput in = body(ctx, StatusInput.class);
      Viewer viewer = RequestViewer.of(ctx);
      Json.write(ctx, readable(operations.updateTask(ctx.pathParam("id"), ctx.pathParam("task"), Task.Status.parse(in.status()), user(ctx),
          viewer), viewer));
    });
    api.post("/api/operations/{id}/log", ctx -> {
      LogInput in = body(ctx, LogInput.class);
      Json.write(ctx.status(201), operations.log(ctx.pathParam("id"), user(ctx), in.message(), RequestViewer.of(ctx)));
    });
    api.post("/api/operations/{id}/outcomes", ctx -> {
      OutcomeInput in = body(ctx, OutcomeInput.class);
      Viewer v = RequestViewer.of(ctx);
      Outcome o = new Outcome(null, ctx.pathParam("id"), in.agency() == null ? v.agency() : in.agency(), Outcome.Kind.parse(in.kind()),
          in.subject(), in.count() == null ? 1 : in.count(), Boolean.TRUE.equals(in.minor()), in.amount(), in.currency(), in.country(),
          in.date(), in.description(), user(ctx), null);
      Json.write(ctx.status(201), operations.addOutcome(o, v));
    });
    api.get("/api/operations/{id}/outcomes/totals", ctx -> {
      Operation op = operations.require(ctx.pathParam("id"), RequestViewer.of(ctx));
      List<Outcome> os = operations.outcomes(List.of(op.id()));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("operation", op.id());
      out.put("total", OutcomeTotals.of(os, samePerson));
      out.put("byAgency", OutcomeTotals.by(os, Outcome::agency, samePerson));
      out.put("byCountry", OutcomeTotals.by(os, o -> o.country() == null ? "unknown" : o.country(), samePerson));
      Json.write(ctx, out);
    });
    api.post("/api/operations/{id}/checks", ctx -> {
      ChecksInput in = body(ctx, ChecksInput.class);
      Viewer v = RequestViewer.of(ctx);
      if (in.checks() == null || in.checks().isEmpty()) throw new InvalidData("No checks", Map.of("checks", "at least one"));
      if (in.checks().size() > 10_000) throw new InvalidData("Too many checks", Map.of("checks", "at most 10000 per batch"));
      List<FieldCheck> batch = new java.util.ArrayList<>();
      for (int i = 0; i < in.checks().size(); i++) {
        CheckInput c = in.checks().get(i);
        try {
          batch.add(FieldCheck.of(ctx.pathParam("id"), c.agency() == null ? v.agency() : c.agency(), c.checkpoint(), c.country(),
              CheckKind.parse(c.kind()), c.value(), user(ctx)));
        } catch (InvalidData e) {
          Map<String, String> errs = new LinkedHashMap<>();
          int n = i;
          e.errors().forEach((k, m) -> errs.put("checks[" + n + "]." + k, m));
          throw new InvalidData(e.title(), errs);
        }
      }
      var result = checks.submit(ctx.pathParam("id"), batch, v);
      audited(ctx, "fieldcheck.submit", ctx.pathParam("id"), batch.size() + " checks");
      Json.write(ctx.status(201), result);
    });
    api.get("/api/operations/{id}/checks", ctx -> {
      var list = checks.checks(ctx.pathParam("id"), RequestViewer.of(ctx));
      audited(ctx, "fieldcheck.read", ctx.pathParam("id"), null);
      Json.write(ctx, list);
    });
    api.get("/api/operations/{id}/hits", ctx -> {
      String t = ctx.queryParam("triage");
      Viewer viewer = RequestViewer.of(ctx);
      var hits = readableHits(checks.hits(ctx.pathParam("id"), t == null ? null : CheckHit.Triage.parse(t), viewer), viewer);
      audited(ctx, "fieldcheck.hits.read", ctx.pathParam("id"), null);
      Json.write(ctx, hits);
    });
    api.put("/api/operations/{id}/hits/{hit}", ctx -> {
      TriageInput in = body(ctx, TriageInput.class);
      Viewer viewer = RequestViewer.of(ctx);
      var triaged = checks.triage(ctx.pathParam("id"), ctx.pathParam("hit"), CheckHit.Triage.parse(in.triage()), user(ctx), in.note(),
          viewer);
      audited(ctx, "fieldcheck.hit.triage", ctx.pathParam("hit"), in.triage());
      Json.write(ctx, readableHits(List.of(triaged), viewer).get(0));
    });
  }

  /** The request body as {@code type}; malformed JSON is a 400 naming the body. */
  public static <T> T body(Context ctx, Class<T> type) {
    try {
      T t = ctx.bodyAsClass(type);
      if (t == null) throw new InvalidData("Empty body", Map.of("body", "a JSON object is required"));
      return t;
    } catch (InvalidData e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      String msg = root.getMessage() == null ? root.toString() : root.getMessage().lines().findFirst().orElse("");
      throw new InvalidData("Bad JSON", Map.of("body", msg));
    }
  }
}
