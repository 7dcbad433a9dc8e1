package org.mirabella.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mirabella.agency.Agencies;
import org.mirabella.agency.Agency;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

/**
 * Entities and their statements in the database. Writes are idempotent (a statement's id is the
 * hash of what it says, so the same fact twice is stored once) and atomic per {@link #transaction}.
 * Reads here are unfiltered: callers serving users go through the access rules.
 */
public final class EntityStore {
  private final Database db;
  private final Model model;

  public EntityStore(Database db, Model model) {
    this.db = db;
    this.model = model;
  }

  public Database database() {
    return db;
  }

  /** What a write changed. */
  public record WriteSummary(long entitiesAdded, long statementsAdded, long statementsUnchanged) {
    public WriteSummary plus(WriteSummary o) {
      return new WriteSummary(entitiesAdded + o.entitiesAdded, statementsAdded + o.statementsAdded,
          statementsUnchanged + o.statementsUnchanged);
    }
  }

  /** Writes within one transaction; obtained from {@link #transaction}. */
  public final class Writer {
    private final Handle h;
    private WriteSummary total = new WriteSummary(0, 0, 0);

    private Writer(Handle h) {
      this.h = h;
    }

    public Handle handle() {
      return h;
    }

    public WriteSummary write(Collection<Entity> entities) {
      WriteSummary s = writeEntities(h, entities);
      total = total.plus(s);
      return s;
    }

    /**
     * Called with each batch of entities written in this transaction by a bulk writer that does
     * not go through {@link #write} (the import's), so that tables derived from entities are filled
     * the same way on both paths.
     */
    public void written(List<Entity> batch) {
      afterWrite(h, batch);
    }

    public void ensureCase(String agency, String ref, String title, LocalDate opened) {
      EntityStore.this.ensureCase(h, agency, ref, title, opened);
    }

    public WriteSummary total() {
      return total;
    }
  }

  /** Runs {@code work} in one transaction: everything it writes lands, or nothing does. */
  public WriteSummary transaction(Consumer<Writer> work) {
    return db.jdbi().inTransaction(h -> {
      Writer w = new Writer(h);
      work.accept(w);
      return w.total();
    });
  }

  /** Writes entities in their own transaction. */
  public WriteSummary write(Collection<Entity> entities) {
    return transaction(w -> w.write(entities));
  }

  /** Makes sure every known agency has its row (run at start-up). */
  public void ensureAgencies(Agencies agencies) {
    db.jdbi().useTransaction(h -> {
      for (Agency a : agencies.all()) {
        int n = h.createQuery("SELECT COUNT(*) FROM agency WHERE code = :c").bind("c", a.code()).mapTo(Integer.class).one();
        if (n == 0) {
          h.createUpdate("INSERT INTO agency(code, name, country, tier) VALUES (:code, :name, :country, :tier)")
              .bind("code", a.code()).bind("name", a.name()).bind("country", a.country()).bind("tier", a.tier().name())
              .execute();
        }
      }
    });
  }

  public void ensureCase(String agency, String ref, String title, LocalDate opened) {
    db.jdbi().useTransaction(h -> ensureCase(h, agency, ref, title, opened));
  }

  private void ensureCase(Handle h, String agency, String ref, String title, LocalDate opened) {
    if (Agencies.get().find(agency) == null) Agencies.get().require(agency);
    int n = h.createQuery("SELECT COUNT(*) FROM case_file WHERE agency = :a AND ref = :r")
        .bind("a", agency).bind("r", ref).mapTo(Integer.class).one();
    if (n == 0) {
      h.createUpdate("INSERT INTO case_file(agency, ref, title, opened) VALUES (:a, :r, :t, :o)")
          .bind("a", agency).bind("r", ref).bind("t", title).bind("o", opened).execute();
    }
  }

  /** Shares a case with another agency (a joint investigation team). */
  public void shareCase(String agency, String ref, String with) {
    Agencies.get().require(with);
    db.jdbi().useTransaction(h -> {
      int n = h.createQuery("SELECT COUNT(*) FROM case_share WHERE agency = :a AND case_ref = :r AND shared_with = :w")
          .bind("a", agency).bind("r", ref).bind("w", with).mapTo(Integer.class).one();
      if (n == 0) {
        h.createUpdate("INSERT INTO case_share(agency, case_ref, shared_with, shared_at) VALUES (:a, :r, :w, :t)")
            .bind("a", agency).bind("r", ref).bind("w", with).bind("t", OffsetDateTime.now(ZoneOffset.UTC)).execute();
      }
    });
  }

  private WriteSummary writeEntities(Handle h, Collection<Entity> entities) {
    if (entities.isEmpty()) return new WriteSummary(0, 0, 0);
    String entitySql = switch (db.dialect()) {
      case POSTGRES -> "INSERT INTO entity(id, schema_name, agency, case_ref, category, review_date, created_at) "
          + "VALUES (:id, :schema, :agency, :case, :category, :review, :created) ON CONFLICT (id) DO NOTHING";
      case H2 -> "MERGE INTO entity e USING (VALUES (CAST(:id AS VARCHAR(128)))) v(id) ON e.id = v.id "
          + "WHEN NOT MATCHED THEN INSERT (id, schema_name, agency, case_ref, category, review_date, created_at) "
          + "VALUES (:id, :schema, :agency, :case, :category, :review, :created)";
    };
    String statementSql = switch (db.dialect()) {
      case POSTGRES -> "INSERT INTO statement(" + STATEMENT_COLUMNS + ") VALUES (" + STATEMENT_PARAMS + ") ON CONFLICT (id) DO NOTHING";
      case H2 -> "MERGE INTO statement s USING (VALUES (CAST(:id AS CHAR(40)))) v(id) ON s.id = v.id "
          + "WHEN NOT MATCHED THEN INSERT (" + STATEMENT_COLUMNS + ") VALUES (" + STATEMENT_PARAMS + ")";
    };
    Timestamp now = Timestamp.from(Instant.now());
    PreparedBatch eb = h.prepareBatch(entitySql);
    PreparedBatch sb = h.prepareBatch(statementSql);
    long statements = 0;
    for (Entity e : entities) {
      eb.bind("id", e.id()).bind("schema", e.schema().name()).bind("agency", e.agency()).bind("case", e.caseRef())
          .bind("category", e.category().name()).bind("review", e.reviewDate()).bind("created", now).add();
      for (Statement s : e.statements()) {
        bindStatement(sb, s).add();
        statements++;
      }
    }
    long entitiesAdded = sum(eb.execute());
    long added = statements == 0 ? 0 : sum(sb.execute());
    afterWrite(h, entities);
    return new WriteSummary(entitiesAdded, added, statements - added);
  }

  /**
   * Tables derived from the entities just written, in the same transaction: one call per batch
   * from both write paths ({@link Writer#write} and the import's bulk writer via {@link Writer#written}).
   * The graph's link index ({@code entity_link}) is derived here.
   */
  private void afterWrite(Handle h, Collection<Entity> batch) {
    org.mirabella.network.Links.write(h, batch);
  }

  static final String STATEMENT_COLUMNS = "id, entity_id, schema_name, property, prop_value, original_value, agency, case_ref, handling, "
      + "handling_condition, reliability, accuracy, source, recorded_by, recorded_at, retracted_at, retracted_by, retraction_reason";
  static final String STATEMENT_PARAMS = ":id, :entity, :schema, :property, :value, :original, :agency, :case, :handling, "
      + ":condition, :reliability, :accuracy, :source, :by, :at, :retractedAt, :retractedBy, :retractionReason";

  private static PreparedBatch bindStatement(PreparedBatch b, Statement s) {
    Provenance p = s.provenance();
    b.bind("id", s.id()).bind("entity", s.entityId()).bind("schema", s.schema()).bind("property", s.property())
        .bind("value", s.value()).bind("original", s.originalValue()).bind("agency", p.agency()).bind("case", p.caseRef())
        .bind("handling", p.handling().name()).bind("condition", p.handlingCondition())
        .bind("reliability", String.valueOf(p.grading().reliability())).bind("accuracy", p.grading().accuracy())
        .bind("source", p.source()).bind("by", p.recordedBy()).bind("at", Timestamp.from(p.recordedAt()));
    if (s.retraction() != null) {
      b.bind("retractedAt", Timestamp.from(s.retraction().at())).bind("retractedBy", s.retraction().by())
          .bind("retractionReason", s.retraction().reason());
    } else {
      b.bindNull("retractedAt", java.sql.Types.TIMESTAMP).bindNull("retractedBy", java.sql.Types.VARCHAR)
          .bindNull("retractionReason", java.sql.Types.VARCHAR);
    }
    return b;
  }

  private static long sum(int[] counts) {
    long n = 0;
    for (int c : counts) n += c > 0 ? 1 : (c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0);
    return n;
  }

  /**
   * Retracts a statement: a tombstone with who, when and why. The statement stays, marked, so the
   * history is kept; an unknown or already retracted statement is an error naming it.
   */
  public void retract(String statementId, String by, String reason) {
    if (reason == null || reason.isBlank()) throw new InvalidData("Retraction needs a reason", Map.of("reason", "required"));
    int n = db.jdbi().withHandle(h -> h.createUpdate(
            "UPDATE statement SET retracted_at = :at, retracted_by = :by, retraction_reason = :reason "
                + "WHERE id = :id AND retracted_at IS NULL")
        .bind("at", Timestamp.from(Instant.now())).bind("by", by).bind("reason", reason).bind("id", statementId).execute());
    if (n == 0) throw new InvalidData("Cannot retract", Map.of("statement", "no current statement " + statementId));
  }

  /** An entity with all its statements (retracted ones included), unfiltered. */
  public Optional<Entity> find(String id) {
    return Optional.ofNullable(findAll(List.of(id)).get(id));
  }

  /** Entities by id, with statements; absent ids are left out. */
  public Map<String, Entity> findAll(Collection<String> ids) {
    Map<String, Entity> out = new LinkedHashMap<>();
    if (ids.isEmpty()) return out;
    db.jdbi().useHandle(h -> {
      h.createQuery("SELECT id, schema_name, agency, case_ref, category, review_date FROM entity WHERE id IN (<ids>)")
          .bindList("ids", new ArrayList<>(ids))
          .map((rs, ctx) -> new Entity(rs.getString("id"), model.require(rs.getString("schema_name")), rs.getString("agency"),
              rs.getString("case_ref"), SubjectCategory.valueOf(rs.getString("category")),
              rs.getObject("review_date", LocalDate.class)))
          .forEach(e -> out.put(e.id(), e));
      if (out.isEmpty()) return;
      h.createQuery("SELECT * FROM statement WHERE entity_id IN (<ids>) ORDER BY recorded_at, id")
          .bindList("ids", new ArrayList<>(out.keySet()))
          .map((rs, ctx) -> {
            Provenance p = new Provenance(rs.getString("agency"), rs.getString("case_ref"),
                HandlingCode.valueOf(rs.getString("handling")), rs.getString("handling_condition"),
                new Grading(rs.getString("reliability").charAt(0), rs.getInt("accuracy")), rs.getString("source"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
            Timestamp rAt = rs.getTimestamp("retracted_at");
            Statement.Retraction r = rAt == null ? null
                : new Statement.Retraction(rs.getString("retracted_by"), rAt.toInstant(), rs.getString("retraction_reason"));
            return new Statement(rs.getString("id").strip(), rs.getString("entity_id"), rs.getString("schema_name"),
                rs.getString("property"), rs.getString("prop_value"), rs.getString("original_value"), p, r);
          })
          .forEach(s -> out.get(s.entityId()).addStatement(s));
    });
    return out;
  }

  /** Every entity id in the store (for consistency checks against the search index). */
  public List<String> ids() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity").mapTo(String.class).list());
  }

  /** Counts of entities and current statements, for summaries and health. */
  public record Counts(long entities, long statements, long retracted) {}

  public Counts counts() {
    return db.jdbi().withHandle(h -> new Counts(
        h.createQuery("SELECT COUNT(*) FROM entity").mapTo(Long.class).one(),
        h.createQuery("SELECT COUNT(*) FROM statement WHERE retracted_at IS NULL").mapTo(Long.class).one(),
        h.createQuery("SELECT COUNT(*) FROM statement WHERE retracted_at IS NOT NULL").mapTo(Long.class).one()));
  }
}
