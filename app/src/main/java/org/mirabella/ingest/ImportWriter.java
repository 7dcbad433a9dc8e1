package org.mirabella.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.mirabella.model.Entity;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Provenance;

/**
 * The store side of an import, on the transaction's connection: for each batch, one look-up of
 * the batch's entity ids and statement ids (in fixed-size IN lists, so each SQL is prepared once),
 * then bulk writes of what is new ({@link BulkRows}: batched INSERTs on H2, COPY on PostgreSQL). Statements already there are marked as stated by this
 * run; at the end, {@link #retractUnstated} retracts the values this mapping stated before on the
 * same entities and properties but states no more (a changed value: old retracted, new added).
 * <p>A statement stated again after it was retracted comes back as a new statement, its id derived
 * from the retracted one's, so the tombstone stays as it was.
 * <p>Plain SQL that H2 and PostgreSQL both run, but for the bulk writes.
 */
final class ImportWriter implements Ingestor.EntitySink, AutoCloseable {
  private static final int CHUNK = 500;
  private static final List<String> STATEMENT_COLUMNS = List.of("id", "entity_id", "schema_name", "property", "prop_value",
      "original_value", "agency", "case_ref", "handling", "handling_condition", "reliability", "accuracy", "source", "recorded_by",
      "recorded_at", "import_run");
  private static final List<String> ENTITY_COLUMNS = List.of("id", "schema_name", "agency", "case_ref", "category", "review_date",
      "created_at");

  private final Connection c;
  private final java.util.function.Consumer<List<Entity>> afterBatch;
  private final String run;
  private final OffsetDateTime runAt;
  private final PreparedStatement findEntities;
  private final PreparedStatement findStatements;
  private final BulkRows insertEntity;
  private final BulkRows insertStatement;
  private final PreparedStatement markSeen;
  private long entitiesAdded;
  private long statementsAdded;
  private long statementsUnchanged;
  private boolean touchedEarlierData;

  /**
   * {@code copy}: write new rows with PostgreSQL's COPY instead of batched INSERTs;
   * {@code afterBatch}: told of each batch once written (the store's derived tables).
   */
  ImportWriter(Connection c, String run, Instant runAt, boolean copy, java.util.function.Consumer<List<Entity>> afterBatch)
      throws SQLException {
    this.c = c;
    this.afterBatch = afterBatch;
    this.run = run;
    this.runAt = OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC);
    String marks = "?" + ", ?".repeat(CHUNK - 1);
    this.findEntities = c.prepareStatement("SELECT id, created_at FROM entity WHERE id IN (" + marks + ")");
    this.findStatements = c.prepareStatement("SELECT id, import_run, retracted_at FROM statement WHERE id IN (" + marks + ")");
    if (c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
      // The look-ups run thousands of times inside this one transaction while entity and statement
      // grow under them. As a server-side prepared statement PostgreSQL would switch to a generic
      // plan made while the store was near-empty, a sequential scan, and keep it: every batch then
      // read the whole uncommitted table (1 s per look-up after ~300,000 rows of a 10-million-row
      // file). Sent unnamed, each run is planned for its ids and the tables' current size. Only
      // these two: a session-wide plan_cache_mode would re-plan every foreign-key check too.
      findEntities.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
      findStatements.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
    }
    this.insertEntity = copy ? BulkRows.copy(c, "entity", ENTITY_COLUMNS) : BulkRows.jdbc(c, "entity", ENTITY_COLUMNS);
    this.insertStatement = copy ? BulkRows.copy(c, "statement", STATEMENT_COLUMNS) : BulkRows.jdbc(c, "statement", STATEMENT_COLUMNS);
    this.markSeen = c.prepareStatement("UPDATE statement SET import_run = ? WHERE id = ?");
  }

  long entitiesAdded() {
    return entitiesAdded;
  }

  long statementsAdded() {
    return statementsAdded;
  }

  long statementsUnchanged() {
    return statementsUnchanged;
  }

  @Override
  public void write(List<Entity> batch) {
    try {
      Set<String> fresh = writeEntities(batch);
      writeStatements(batch, fresh);
      afterBatch.accept(batch);
    } catch (SQLException e) {
      throw new IllegalStateException("writing the import failed: " + e.getMessage(), e);
    }
  }

  /** Inserts the entities not yet stored; returns their ids (their statements cannot exist yet). */
  private Set<String> writeEntities(List<Entity> batch) throws SQLException {
    Map<String, Entity> byId = new LinkedHashMap<>();
    for (Entity e : batch) byId.putIfAbsent(e.id(), e);
    Map<String, OffsetDateTime> found = new HashMap<>();
    lookup(findEntities, new ArrayList<>(byId.keySet()), rs -> found.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
    int n = 0;
    Set<String> fresh = new HashSet<>();
    List<Entity> sorted = new ArrayList<>(byId.values());
    sorted.sort(java.util.Comparator.comparing(Entity::id)); // inserts in key order touch each index page once
    for (Entity e : sorted) {
      OffsetDateTime created = found.get(e.id());
      if (created != null) {
        if (!created.toInstant().equals(runAt.toInstant())) touchedEarlierData = true;
        continue;
      }
      insertEntity.add(e.id(), e.schema().name(), e.agency(), e.caseRef(), e.category().name(), e.reviewDate(), runAt);
      fresh.add(e.id());
      n++;
    }
    insertEntity.flush();
    entitiesAdded += n;
    return fresh;
  }

  private record Found(String importRun, OffsetDateTime retractedAt) {}

  /**
   * Inserts the new statements. Those of entities added by this batch are new without asking (a
   * statement's id hashes its entity's id); the others are looked up.
   */
  private void writeStatements(List<Entity> batch, Set<String> freshEntities) throws SQLException {
    Map<String, Statement> pending = new LinkedHashMap<>();
    Map<String, Statement> added = new java.util.TreeMap<>(); // key order: each index page touched once per batch
    int marks = 0;
    for (Entity e : batch) {
      boolean fresh = freshEntities.contains(e.id());
      for (Statement s : e.statements()) {
        if (fresh) added.putIfAbsent(s.id(), s);
        else pending.putIfAbsent(s.id(), s);
      }
    }
    while (!pending.isEmpty()) {
      Map<String, Found> found = new HashMap<>();
      lookup(findStatements, new ArrayList<>(pending.keySet()),
          rs -> found.put(rs.getString(1).strip(), new Found(rs.getString(2), rs.getObject(3, OffsetDateTime.class))));
      Map<String, Statement> revived = new LinkedHashMap<>();
      for (Statement s : pending.values()) {
        Found f = found.get(s.id());
        if (f == null) {
          added.putIfAbsent(s.id(), s);
        } else if (f.retractedAt() != null) {
          Statement again = new Statement(derivedId(s.id(), f.retractedAt()), s.entityId(), s.schema(), s.property(), s.value(),
              s.originalValue(), s.provenance(), null);
          revived.putIfAbsent(again.id(), again);
        } else if (!run.equals(f.importRun())) {
          markSeen.setString(1, run);
          markSeen.setString(2, s.id());
          markSeen.addBatch();
          marks++;
          touchedEarlierData = true;
        }
      }
      pending = revived;
    }
    for (Statement s : added.values()) bindInsert(s);
    insertStatement.flush();
    if (marks > 0) markSeen.executeBatch();
    statementsAdded += added.size();
    statementsUnchanged += marks;
  }

  private void bindInsert(Statement s) throws SQLException {
    Provenance p = s.provenance();
    insertStatement.add(s.id(), s.entityId(), s.schema(), s.property(), s.value(),
        s.originalValue() == null || s.originalValue().equals(s.value()) ? null : s.originalValue(), p.agency(), p.caseRef(),
        p.handling().name(), p.handlingCondition(), String.valueOf(p.grading().reliability()), (short) p.grading().accuracy(),
        p.source(), p.recordedBy(), OffsetDateTime.ofInstant(p.recordedAt(), ZoneOffset.UTC), run);
  }

  /** The id of a fact stated again after its statement was retracted at {@code retractedAt}. */
  static String derivedId(String id, OffsetDateTime retractedAt) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-1");
      d.update((id + "@" + retractedAt.toInstant()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface RowHandler {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Runs the IN-list query over ids in chunks, padding the last chunk with its first id. */
  private static void lookup(PreparedStatement ps, List<String> ids, RowHandler h) throws SQLException {
    for (int from = 0; from < ids.size(); from += CHUNK) {
      int to = Math.min(ids.size(), from + CHUNK);
      for (int i = 0; i < CHUNK; i++) ps.setString(i + 1, ids.get(from + i < to ? from + i : from));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) h.accept(rs);
      }
    }
  }

  /**
   * Retracts the current statements that an earlier import with this mapping made on the entities
   * and properties this run stated, and that this run did not state again. Returns how many.
   */
  long retractUnstated(String agency, String caseRef, String mappingName, String by, String reason) throws SQLException {
    if (!touchedEarlierData) return 0;
    String prefix = mappingName.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ":%";
    try (PreparedStatement ps = c.prepareStatement("UPDATE statement s SET retracted_at = ?, retracted_by = ?, retraction_reason = ? "
        + "WHERE s.retracted_at IS NULL AND s.agency = ? AND s.case_ref = ? AND s.source LIKE ? ESCAPE '!' "
        + "AND (s.import_run IS NULL OR s.import_run <> ?) AND EXISTS (SELECT 1 FROM statement n WHERE "
        + "n.entity_id = s.entity_id AND n.property = s.property AND n.import_run = ? AND n.retracted_at IS NULL)")) {
      ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      ps.setString(2, by);
      ps.setString(3, reason);
      ps.setString(4, agency);
      ps.setString(5, caseRef);
      ps.setString(6, prefix);
      ps.setString(7, run);
      ps.setString(8, run);
      return ps.executeUpdate();
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : List.of(findEntities, findStatements, markSeen)) ps.close();
    insertEntity.close();
    insertStatement.close();
  }
}
