package org.mirabella.access;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.model.Entity;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * Review clocks in practice: the owner agency's queue of records due for review, and the outcome of
 * a review. Retaining restarts the clock for the record's data-subject category ({@link ReviewClocks});
 * erasing removes the record from the store (statements, releases, hits with their requests,
 * judgements and messages) and from every registered copy ({@link ErasureListener}: search index,
 * caches), and leaves an audit record that names the id, schema and category only.
 */
public final class Reviews {
  private final Database db;
  private final EntityStore store;
  private final JdbcAuditLog audit;
  private final ReviewClocks clocks;
  private final List<ErasureListener> listeners = new CopyOnWriteArrayList<>();

  public Reviews(Database db, EntityStore store, JdbcAuditLog audit, ReviewClocks clocks) {
    this.db = db;
    this.store = store;
    this.audit = audit;
    this.clocks = clocks;
  }

  /** Registers a copy that must forget erased entities (the search index, a cache). */
  public Reviews onErasure(ErasureListener l) {
    listeners.add(l);
    return this;
  }

  /** A record due for review, without its personal data. */
  public record Due(String id, String schema, String category, String caseRef, LocalDate reviewDate) {}

  /** The viewer's agency's records whose review date is on or before {@code until}, oldest first. */
  public List<Due> queue(Viewer v, LocalDate until) {
    if (!v.readsCaseData()) return List.of();
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id, schema_name, category, case_ref, review_date FROM entity "
            + "WHERE agency = :a AND review_date <= :d ORDER BY review_date, id LIMIT 1000")
        .bind("a", v.agency()).bind("d", until)
        .map((rs, c) -> new Due(rs.getString(1), rs.getString(2), SubjectCategory.valueOf(rs.getString(3)).code(), rs.getString(4),
            rs.getObject(5, LocalDate.class)))
        .list());
  }

  /** Keeps the record: its next review is one category period from today. Empty when not the viewer's agency's own. */
  public Optional<LocalDate> retain(Viewer v, String id, String reason) {
    Optional<Entity> e = own(v, id);
    if (e.isEmpty()) return Optional.empty();
    LocalDate next = clocks.next(e.get().category(), LocalDate.now());
    db.jdbi().useTransaction(h -> {
      h.createUpdate("UPDATE entity SET review_date = :d WHERE id = :id").bind("d", next).bind("id", id).execute();
      audit.record(h, new AuditEvent(v.user(), v.agency(), "review.retain", id, v.agency(), reason, "next review " + next));
    });
    return Optional.of(next);
  }

  /** Erases the record everywhere. Returns what was removed, or empty when not the viewer's agency's own. */
  public Optional<Map<String, Integer>> erase(Viewer v, String id, String reason) {
    Optional<Entity> e = own(v, id);
    if (e.isEmpty()) return Optional.empty();
    Map<String, Integer> removed = db.jdbi().inTransaction(h -> {
      Map<String, Integer> n = new LinkedHashMap<>();
      n.put("disseminations", h.createUpdate("DELETE FROM dissemination WHERE entity_id = :id").bind("id", id).execute());
      n.put("hits", h.createUpdate("DELETE FROM hit WHERE left_entity = :id OR right_entity = :id").bind("id", id).execute());
      n.put("statements", h.createUpdate("DELETE FROM statement WHERE entity_id = :id").bind("id", id).execute());
      n.put("entities", h.createUpdate("DELETE FROM entity WHERE id = :id").bind("id", id).execute());
      audit.record(h, new AuditEvent(v.user(), v.agency(), "review.erase", id, v.agency(), reason,
          e.get().schema().name() + ", " + e.get().category().code() + "; removed " + n));
      return n;
    });
    for (ErasureListener l : listeners) l.erased(id);
    return Optional.of(removed);
  }

  private Optional<Entity> own(Viewer v, String id) {
    if (!v.readsCaseData()) return Optional.empty();
    return store.find(id).filter(e -> e.agency().equals(v.agency()));
  }
}
