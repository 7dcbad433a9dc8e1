package org.mirabella.actions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.mirabella.http.NotFound;
import org.mirabella.model.InvalidData;
import org.mirabella.model.NotPermitted;
import org.mirabella.report.Period;
import org.mirabella.store.Database;

/**
 * Operations (joint action days) with their tasks, coordination log and outcomes. Every read takes
 * the viewer: an operation is seen by its participating agencies only, and one the viewer does not
 * take part in answers {@link NotFound}, as if absent.
 */
public final class OperationStore {
  private final Database db;

  public OperationStore(Database db) {
    this.db = db;
  }

  /** An operation with everything that hangs off it. */
  public record Details(Operation operation, List<Task> tasks, List<LogEntry> log, List<Outcome> outcomes) {}

  /**
   * Creates an operation, or replaces its plan (name, period, agencies, objectives, targets, status)
   * if the id exists. Only the lead agency plans: a new operation's lead must be the viewer's agency,
   * and an existing one is changed by its lead only.
   */
  public Operation save(Operation op, String by, Viewer viewer) {
    requireLead(op, viewer, "plan an operation");
    db.jdbi().useTransaction(h -> {
      Operation old = load(h, op.id());
      if (old != null && !old.visibleTo(viewer)) throw new NotFound("no operation " + op.id());
      if (old != null) requireLead(old, viewer, "change the plan");
      if (old != null) {
        h.createUpdate("UPDATE operation SET name = :name, start_date = :s, end_date = :e, lead_agency = :lead, status = :status WHERE id = :id")
            .bind("id", op.id()).bind("name", op.name()).bind("s", op.start()).bind("e", op.end()).bind("lead", op.leadAgency())
            .bind("status", op.status().name()).execute();
        for (String t : List.of("operation_agency", "operation_objective", "operation_target")) {
          h.createUpdate("DELETE FROM " + t + " WHERE operation_id = :id").bind("id", op.id()).execute();
        }
      } else {
        h.createUpdate("INSERT INTO operation(id, name, start_date, end_date, lead_agency, status, created_by, created_at) "
                + "VALUES (:id, :name, :s, :e, :lead, :status, :by, :at)")
            .bind("id", op.id()).bind("name", op.name()).bind("s", op.start()).bind("e", op.end()).bind("lead", op.leadAgency())
            .bind("status", op.status().name()).bind("by", by).bind("at", Timestamp.from(Instant.now())).execute();
      }
      for (String a : op.participants()) {
        h.createUpdate("INSERT INTO operation_agency(operation_id, agency) VALUES (:id, :a)").bind("id", op.id()).bind("a", a).execute();
      }
      for (int i = 0; i < op.objectives().size(); i++) {
        h.createUpdate("INSERT INTO operation_objective(operation_id, pos, objective) VALUES (:id, :p, :o)")
            .bind("id", op.id()).bind("p", i).bind("o", op.objectives().get(i)).execute();
      }
      for (int i = 0; i < op.targets().size(); i++) {
        h.createUpdate("INSERT INTO operation_target(operation_id, pos, entity_id) VALUES (:id, :p, :t)")
            .bind("id", op.id()).bind("p", i).bind("t", op.targets().get(i)).execute();
      }
    });
    return op;
  }

  /** The operation if the viewer takes part in it; {@link NotFound} otherwise. */
  public Operation require(String id, Viewer viewer) {
    Operation op = db.jdbi().withHandle(h -> load(h, id));
    if (op == null || !op.visibleTo(viewer)) throw new NotFound("no operation " + id);
    return op;
  }

  public Details details(String id, Viewer viewer) {
    Operation op = require(id, viewer);
    return new Details(op, tasks(id), log(id), outcomes(List.of(id)));
  }

  /** Operations the viewer takes part in, overlapping the period if one is given, earliest first. */
  public List<Operation> list(Viewer viewer, Period period) {
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery("SELECT id FROM operation" + (period == null ? "" : " WHERE start_date <= :pe AND end_date >= :ps")
          + " ORDER BY start_date, id");
      if (period != null) q.bind("ps", period.start()).bind("pe", period.end());
      List<Operation> out = new ArrayList<>();
      for (String id : q.mapTo(String.class).list()) {
        Operation op = load(h, id);
        if (op.visibleTo(viewer)) out.add(op);
      }
      return out;
    });
  }

  public Operation setStatus(String id, Operation.Status status, Viewer viewer) {
    Operation op = require(id, viewer);
    requireLead(op, viewer, "change the status");
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE operation SET status = :s WHERE id = :id").bind("s", status.name()).bind("id", id).execute());
    return op.withStatus(status);
  }

  public Task addTask(Task task, Viewer viewer) {
    Operation op = require(task.operationId(), viewer);
    if (!op.involves(task.agency())) {
      throw new InvalidData("Invalid task", Map.of("agency", task.agency() + " does not take part in " + op.id()));
    }
    Task t = new Task(task.id() == null ? newId("task") : task.id(), op.id(), task.agency(), task.kind(), task.description(),
        task.target(), task.status(), task.updatedBy(), task.updatedAt());
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO operation_task(id, operation_id, agency, kind, description, target, status, "
            + "updated_by, updated_at) VALUES (:id, :op, :agency, :kind, :d, :target, :status, :by, :at)")
        .bind("id", t.id()).bind("op", t.operationId()).bind("agency", t.agency()).bind("kind", t.kind().name())
        .bind("d", t.description()).bind("target", t.target()).bind("status", t.status().name()).bind("by", t.updatedBy())
        .bind("at", Timestamp.from(t.updatedAt())).execute());
    return t;
  }

  /** Moves a task on. The task's own agency or the lead may do so. */
  public Task updateTask(String operationId, String taskId, Task.Status status, String by, Viewer viewer) {
    Operation op = require(operationId, viewer);
    Task t = tasks(operationId).stream().filter(x -> x.id().equals(taskId)).findFirst()
        .orElseThrow(() -> new NotFound("no task " + taskId + " in " + operationId));
    if (!viewer.seesEverything() && !viewer.agency().equals(t.agency()) && !viewer.agency().equals(op.leadAgency())) {
      throw new NotPermitted("Not your task", Map.of("task", "only " + t.agency() + " or the lead " + op.leadAgency() + " may update it"));
    }
    Task u = t.withStatus(status, by, Instant.now());
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE operation_task SET status = :s, updated_by = :by, updated_at = :at WHERE id = :id")
        .bind("s", status.name()).bind("by", by).bind("at", Timestamp.from(u.updatedAt())).bind("id", taskId).execute());
    return u;
  }

  public List<Task> tasks(String operationId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM operation_task WHERE operation_id = :id ORDER BY agency, kind, id")
        .bind("id", operationId)
        .map((rs, ctx) -> new Task(rs.getString("id"), rs.getString("operation_id"), rs.getString("agency"),
            Task.Kind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("target"),
            Task.Status.valueOf(rs.getString("status")), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
        .list());
  }

  /** Appends to the coordination log; the viewer's agency must take part. */
  public LogEntry log(String operationId, String author, String message, Viewer viewer) {
    Operation op = require(operationId, viewer);
    if (message == null || message.isBlank()) throw new InvalidData("Empty log entry", Map.of("message", "required"));
    String agency = viewer.seesEverything() ? op.leadAgency() : viewer.agency();
    Instant at = Instant.now();
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO operation_log(operation_id, logged_at, agency, author, message) "
            + "VALUES (:op, :at, :agency, :author, :m)")
        .bind("op", operationId).bind("at", Timestamp.from(at)).bind("agency", agency).bind("author", author)
        .bind("m", message.strip()).execute());
    List<LogEntry> all = log(operationId);
    return all.get(all.size() - 1);
  }

  public List<LogEntry> log(String operationId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM operation_log WHERE operation_id = :id ORDER BY seq")
        .bind("id", operationId)
        .map((rs, ctx) -> new LogEntry(rs.getLong("seq"), rs.getString("operation_id"), rs.getTimestamp("logged_at").toInstant(),
            rs.getString("agency"), rs.getString("author"), rs.getString("message")))
        .list());
  }

  /** Records an outcome; its agency must take part in the operation, and be the viewer's. */
  public Outcome addOutcome(Outcome o, Viewer viewer) {
    Operation op = require(o.operationId(), viewer);
    if (!op.involves(o.agency())) throw new InvalidData("Invalid outcome", Map.of("agency", o.agency() + " does not take part in " + op.id()));
    if (!viewer.seesEverything() && !viewer.agency().equals(o.agency())) {
      throw new NotPermitted("Invalid outcome", Map.of("agency", "an agency reports its own outcomes: " + viewer.agency() + " cannot report for " + o.agency()));
    }
    Outcome out = o.id() == null ? o.withId(newId("out")) : o;
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO operation_outcome(id, operation_id, agency, kind, subject, item_count, minor, "
            + "amount, currency, country, occurred_on, description, recorded_by, recorded_at) VALUES (:id, :op, :agency, :kind, :subject, "
            + ":n, :minor, :amount, :currency, :country, :date, :d, :by, :at)")
        .bind("id", out.id()).bind("op", out.operationId()).bind("agency", out.agency()).bind("kind", out.kind().name())
        .bind("subject", out.subject()).bind("n", out.count()).bind("minor", out.minor()).bind("amount", out.amount())
        .bind("currency", out.currency()).bind("country", out.country()).bind("date", out.date()).bind("d", out.description())
        .bind("by", out.recordedBy()).bind("at", Timestamp.from(out.recordedAt())).execute());
    return out;
  }

  /** Outcomes of these operations (the caller has checked the viewer takes part in them). */
  public List<Outcome> outcomes(List<String> operationIds) {
    if (operationIds.isEmpty()) return List.of();
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM operation_outcome WHERE operation_id IN (<ids>) ORDER BY recorded_at, id")
        .bindList("ids", operationIds)
        .map((rs, ctx) -> new Outcome(rs.getString("id"), rs.getString("operation_id"), rs.getString("agency"),
            Outcome.Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getInt("item_count"), rs.getBoolean("minor"),
            rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("country"), rs.getObject("occurred_on", LocalDate.class),
            rs.getString("description"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
        .list());
  }

  private static Operation load(Handle h, String id) {
    var row = h.createQuery("SELECT * FROM operation WHERE id = :id").bind("id", id).mapToMap().findOne().orElse(null);
    if (row == null) return null;
    Set<String> agencies = new LinkedHashSet<>(h.createQuery("SELECT agency FROM operation_agency WHERE operation_id = :id ORDER BY agency")
        .bind("id", id).mapTo(String.class).list());
    List<String> objectives = h.createQuery("SELECT objective FROM operation_objective WHERE operation_id = :id ORDER BY pos")
        .bind("id", id).mapTo(String.class).list();
    List<String> targets = h.createQuery("SELECT entity_id FROM operation_target WHERE operation_id = :id ORDER BY pos")
        .bind("id", id).mapTo(String.class).list();
    Map<String, Object> r = new LinkedHashMap<>();
    row.forEach((k, v) -> r.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return new Operation(id, (String) r.get("name"), toDate(r.get("start_date")), toDate(r.get("end_date")), (String) r.get("lead_agency"),
        agencies, objectives, targets, Operation.Status.valueOf((String) r.get("status")));
  }

  private static LocalDate toDate(Object o) {
    if (o instanceof java.sql.Date d) return d.toLocalDate();
    if (o instanceof LocalDate d) return d;
    return LocalDate.parse(String.valueOf(o));
  }

  private static void requireLead(Operation op, Viewer viewer, String what) {
    if (!viewer.seesEverything() && !viewer.agency().equals(op.leadAgency())) {
      throw new NotPermitted("Only the lead may " + what, Map.of("agency", "the lead of " + op.id() + " is " + op.leadAgency()));
    }
  }

  static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }
}
