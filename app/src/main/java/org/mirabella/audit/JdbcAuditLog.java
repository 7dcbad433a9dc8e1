package org.mirabella.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultIterator;
import org.mirabella.store.Database;

/**
 * The audit trail in the database: table {@code audit_log}, append-only, each record chained to
 * the previous by SHA-256 ({@link AuditChain}), with the head (last sequence number and hash) in
 * {@code audit_head}. Appends take the head row's lock ({@code SELECT … FOR UPDATE}), so records
 * from several threads or servers on one database still form one chain.
 */
public final class JdbcAuditLog implements AuditLog {
  private final Database db;

  public JdbcAuditLog(Database db) {
    this.db = db;
  }

  @Override
  public AuditRecord record(AuditEvent event) {
    return db.jdbi().inTransaction(h -> record(h, event));
  }

  /** Appends within the caller's transaction: the event lands with the change it records, or neither does. */
  public AuditRecord record(Handle h, AuditEvent e) {
    {
      Map<String, Object> head = h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE").mapToMap().one();
      long seq = ((Number) head.get("seq")).longValue() + 1;
      String prev = ((String) head.get("hash")).strip();
      Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      AuditEvent clean = clean(e);
      String hash = AuditChain.hash(prev, seq, at, clean);
      h.createUpdate("INSERT INTO audit_log(seq, at, username, agency, action, object, object_agency, justification, detail, "
              + "prev_hash, hash) VALUES (:seq, :at, :user, :agency, :action, :object, :objectAgency, :justification, :detail, :prev, :hash)")
          .bind("seq", seq).bind("at", Timestamp.from(at)).bind("user", clean.user()).bind("agency", clean.agency())
          .bind("action", clean.action()).bind("object", clean.object()).bind("objectAgency", clean.objectAgency())
          .bind("justification", clean.justification()).bind("detail", clean.detail()).bind("prev", prev).bind("hash", hash)
          .execute();
      h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1").bind("seq", seq).bind("hash", hash).execute();
      return new AuditRecord(seq, at, clean, prev, hash);
    }
  }

  /**
   * Appends several events within the caller's transaction, chained exactly as that many calls of
   * {@link #record(Handle, AuditEvent)} in turn would chain them (same sequence numbers, previous
   * hashes and hashes), but with one lock of the head, one batched INSERT and one update of the head
   * instead of three statements per record (the hit transaction writes two records per hit).
   */
  public List<AuditRecord> recordAll(Handle h, List<AuditEvent> events) {
    if (events.isEmpty()) return List.of();
    Map<String, Object> head = h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE").mapToMap().one();
    long seq = ((Number) head.get("seq")).longValue();
    String prev = ((String) head.get("hash")).strip();
    List<AuditRecord> out = new ArrayList<>(events.size());
    org.jdbi.v3.core.statement.PreparedBatch insert = h.prepareBatch("INSERT INTO audit_log(seq, at, username, agency, action, "
        + "object, object_agency, justification, detail, prev_hash, hash) VALUES (:seq, :at, :user, :agency, :action, :object, "
        + ":objectAgency, :justification, :detail, :prev, :hash)");
    for (AuditEvent e : events) {
      seq++;
      Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      AuditEvent clean = clean(e);
      String hash = AuditChain.hash(prev, seq, at, clean);
      insert.bind("seq", seq).bind("at", Timestamp.from(at)).bind("user", clean.user()).bind("agency", clean.agency())
          .bind("action", clean.action()).bind("object", clean.object()).bind("objectAgency", clean.objectAgency())
          .bind("justification", clean.justification()).bind("detail", clean.detail()).bind("prev", prev).bind("hash", hash)
          .add();
      out.add(new AuditRecord(seq, at, clean, prev, hash));
      prev = hash;
    }
    insert.execute();
    h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1").bind("seq", seq).bind("hash", prev).execute();
    return out;
  }

  /** The event with each field cut to its column's width (the hash covers what is stored). */
  private static AuditEvent clean(AuditEvent e) {
    return new AuditEvent(cut(e.user(), 128), cut(e.agency(), 16), cut(e.action(), 64), cut(e.object(), 256),
        cut(e.objectAgency(), 16), cut(e.justification(), 2048), cut(e.detail(), 2048));
  }

  /** Checks the whole chain against the head; names the first bad record. */
  public AuditChain.Verification verify() {
    return db.jdbi().withHandle(h -> {
      Map<String, Object> head = h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1").mapToMap().one();
      try (ResultIterator<AuditRecord> it = h.createQuery("SELECT * FROM audit_log ORDER BY seq").setFetchSize(1000)
          .map(MAPPER).iterator()) {
        return AuditChain.verify(it, ((Number) head.get("seq")).longValue(), ((String) head.get("hash")).strip());
      }
    });
  }

  /** A DPO's question to the trail; null fields do not filter. */
  public record Query(String user, String agency, String object, Instant from, Instant to, String concerning, int limit) {
    public Query {
      limit = limit <= 0 ? 200 : Math.min(limit, 10_000);
    }

    public static Query all() {
      return new Query(null, null, null, null, null, null, 0);
    }
  }

  /**
   * Records matching the query, newest first. {@code concerning} limits to records made by that
   * agency's users or about that agency's data (what its DPO supervises).
   */
  public List<AuditRecord> query(Query q) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
    if (q.user() != null) sql.append(" AND username = :user");
    if (q.agency() != null) sql.append(" AND agency = :agency");
    if (q.object() != null) sql.append(" AND object = :object");
    if (q.from() != null) sql.append(" AND at >= :from");
    if (q.to() != null) sql.append(" AND at < :to");
    if (q.concerning() != null) sql.append(" AND (agency = :concerning OR object_agency = :concerning)");
    sql.append(" ORDER BY seq DESC LIMIT ").append(q.limit());
    return db.jdbi().withHandle(h -> {
      org.jdbi.v3.core.statement.Query query = h.createQuery(sql.toString());
      if (q.user() != null) query.bind("user", q.user());
      if (q.agency() != null) query.bind("agency", q.agency());
      if (q.object() != null) query.bind("object", q.object());
      if (q.from() != null) query.bind("from", Timestamp.from(q.from()));
      if (q.to() != null) query.bind("to", Timestamp.from(q.to()));
      if (q.concerning() != null) query.bind("concerning", q.concerning());
      return new ArrayList<>(query.map(MAPPER).list());
    });
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  static final RowMapper<AuditRecord> MAPPER = (rs, ctx) -> new AuditRecord(rs.getLong("seq"),
      rs.getObject("at", OffsetDateTime.class).toInstant(),
      new AuditEvent(rs.getString("username"), rs.getString("agency"), rs.getString("action"), rs.getString("object"),
          rs.getString("object_agency"), rs.getString("justification"), rs.getString("detail")),
      rs.getString("prev_hash").strip(), rs.getString("hash").strip());
}
