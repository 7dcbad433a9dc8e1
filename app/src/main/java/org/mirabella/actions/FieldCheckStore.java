package org.mirabella.actions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mirabella.http.NotFound;
import org.mirabella.model.InvalidData;
import org.mirabella.model.NotPermitted;
import org.mirabella.store.Database;

/**
 * Field checks of an operation and their hits. {@link #submit} stores a batch of checks, cross-checks
 * them in bulk through the {@link CrossCheck} port as the checking agency, stores the hits as
 * {@code NEW} and returns them, so the coordination centre can triage them live.
 */
public final class FieldCheckStore {
  private final Database db;
  private final OperationStore operations;
  private final CrossCheck crossCheck;

  public FieldCheckStore(Database db, OperationStore operations, CrossCheck crossCheck) {
    this.db = db;
    this.operations = operations;
    this.crossCheck = crossCheck;
  }

  /** What a batch of checks found. */
  public record Result(List<FieldCheck> checks, List<CheckHit> hits) {}

  /** Stores and cross-checks a batch; every check must come from the viewer's agency, which takes part. */
  public Result submit(String operationId, List<FieldCheck> batch, Viewer viewer) {
    Operation op = operations.require(operationId, viewer);
    List<FieldCheck> checks = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      FieldCheck c = batch.get(i);
      if (!op.involves(c.agency())) throw new InvalidData("Invalid field check", Map.of("checks[" + i + "].agency", c.agency() + " does not take part in " + op.id()));
      if (!viewer.seesEverything() && !viewer.agency().equals(c.agency())) {
        throw new NotPermitted("Invalid field check", Map.of("checks[" + i + "].agency", "checks are submitted by the checking agency, " + c.agency()));
      }
      checks.add(new FieldCheck(OperationStore.newId("chk"), op.id(), c.agency(), c.checkpoint(), c.country(), c.kind(), c.value(),
          c.key(), c.checkedBy(), c.checkedAt()));
    }
    // Each agency's checks are run as that agency: hits only on what it may see.
    List<CheckHit> hits = new ArrayList<>();
    checks.stream().map(FieldCheck::agency).distinct().forEach(a -> hits.addAll(crossCheck.run(
        checks.stream().filter(c -> c.agency().equals(a)).toList(), viewer.seesEverything() ? Viewer.of(a) : viewer)));
    db.jdbi().useTransaction(h -> {
      var cb = h.prepareBatch("INSERT INTO field_check(id, operation_id, agency, checkpoint, country, kind, raw_value, check_key, checked_by, "
          + "checked_at) VALUES (:id, :op, :agency, :cp, :country, :kind, :raw, :key, :by, :at)");
      for (FieldCheck c : checks) {
        cb.bind("id", c.id()).bind("op", c.operationId()).bind("agency", c.agency()).bind("cp", c.checkpoint()).bind("country", c.country())
            .bind("kind", c.kind().name()).bind("raw", c.value()).bind("key", c.key()).bind("by", c.checkedBy())
            .bind("at", Timestamp.from(c.checkedAt())).add();
      }
      if (!checks.isEmpty()) cb.execute();
      var hb = h.prepareBatch("INSERT INTO field_check_hit(id, check_id, entity_id, schema_name, property, prop_value, owner_agency, case_ref, "
          + "method, score, triage) VALUES (:id, :check, :entity, :schema, :prop, :value, :owner, :case, :method, :score, :triage)");
      for (CheckHit x : hits) {
        hb.bind("id", x.id()).bind("check", x.checkId()).bind("entity", x.entityId()).bind("schema", x.schema()).bind("prop", x.property())
            .bind("value", x.value()).bind("owner", x.ownerAgency()).bind("case", x.caseRef()).bind("method", x.method())
            .bind("score", x.score()).bind("triage", x.triage().name()).add();
      }
      if (!hits.isEmpty()) hb.execute();
    });
    return new Result(checks, hits);
  }

  /**
   * The checks of an operation: the lead (the coordination centre) sees all; another participant its
   * own, since what it checked is its data.
   */
  public List<FieldCheck> checks(String operationId, Viewer viewer) {
    Operation op = operations.require(operationId, viewer);
    String who = seesAll(op, viewer) ? "*" : viewer.agency();
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM field_check WHERE operation_id = :op AND (:who = '*' OR agency = :who) "
            + "ORDER BY checked_at, id")
        .bind("op", operationId).bind("who", who)
        .map((rs, ctx) -> new FieldCheck(rs.getString("id"), rs.getString("operation_id"), rs.getString("agency"), rs.getString("checkpoint"),
            rs.getString("country"), CheckKind.valueOf(rs.getString("kind")), rs.getString("raw_value"), rs.getString("check_key"),
            rs.getString("checked_by"), rs.getTimestamp("checked_at").toInstant()))
        .list());
  }

  /**
   * The hits of an operation, optionally of one triage state. A hit tells that the checked value is
   * known to an owner agency (entity id and case, as in a hit/no-hit exchange); the facts behind it
   * stay with the owner. The lead (the coordination centre, which triages) sees every hit; another
   * participant the hits of its own checks and the hits on its own data.
   */
  public List<CheckHit> hits(String operationId, CheckHit.Triage triage, Viewer viewer) {
    Operation op = operations.require(operationId, viewer);
    String who = seesAll(op, viewer) ? "*" : viewer.agency();
    return db.jdbi().withHandle(h -> h.createQuery("SELECT x.* FROM field_check_hit x JOIN field_check c ON c.id = x.check_id "
            + "WHERE c.operation_id = :op AND (:t = '*' OR x.triage = :t) AND (:who = '*' OR c.agency = :who OR x.owner_agency = :who) "
            + "ORDER BY c.checked_at, x.id")
        .bind("op", operationId).bind("t", triage == null ? "*" : triage.name()).bind("who", who)
        .map((rs, ctx) -> {
          Timestamp at = rs.getTimestamp("triaged_at");
          return new CheckHit(rs.getString("id"), rs.getString("check_id"), rs.getString("entity_id"), rs.getString("schema_name"),
              rs.getString("property"), rs.getString("prop_value"), rs.getString("owner_agency"), rs.getString("case_ref"),
              rs.getString("method"), rs.getDouble("score"), CheckHit.Triage.valueOf(rs.getString("triage")), rs.getString("triaged_by"),
              at == null ? null : at.toInstant(), rs.getString("note"));
        })
        .list());
  }

  private static boolean seesAll(Operation op, Viewer viewer) {
    return viewer.seesEverything() || viewer.agency().equals(op.leadAgency());
  }

  /** Triages a hit (confirmed, dismissed, escalated) with who and why. */
  public CheckHit triage(String operationId, String hitId, CheckHit.Triage triage, String by, String note, Viewer viewer) {
    CheckHit hit = hits(operationId, null, viewer).stream().filter(x -> x.id().equals(hitId)).findFirst()
        .orElseThrow(() -> new NotFound("no hit " + hitId + " in " + operationId));
    if (triage != CheckHit.Triage.CONFIRMED && triage != CheckHit.Triage.NEW && (note == null || note.isBlank())) {
      throw new InvalidData("Triage needs a reason", Map.of("note", "required when a hit is " + Enums.code(triage)));
    }
    CheckHit t = hit.triaged(triage, by, Instant.now(), note);
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE field_check_hit SET triage = :t, triaged_by = :by, triaged_at = :at, note = :n WHERE id = :id")
        .bind("t", triage.name()).bind("by", by).bind("at", Timestamp.from(t.triagedAt())).bind("n", note).bind("id", hitId).execute());
    return t;
  }
}
