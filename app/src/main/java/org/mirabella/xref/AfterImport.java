package org.mirabella.xref;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * What follows a committed import: the entities it touched are cross-matched against everything
 * other agencies hold (hits), and re-indexed for search where an index is at hand. Runs after the
 * import's transaction, so a failure here never undoes an import; {@code mirabella xref} and
 * {@code mirabella check --repair} redo either part.
 */
public final class AfterImport {
  private AfterImport() {}

  /** Entities with statements recorded or retracted by the import run of {@code agency}/{@code caseRef} at {@code at}. */
  public static List<String> touched(Database db, String agency, String caseRef, Instant at) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT DISTINCT entity_id FROM statement WHERE agency = :a AND case_ref = :c "
                + "AND (recorded_at = :at OR retracted_at >= :at) ORDER BY entity_id")
        .bind("a", agency).bind("c", caseRef).bind("at", Timestamp.from(at)).mapTo(String.class).list());
  }

  /** Cross-matches (and re-indexes, when {@code index} is not null) what the import touched. */
  public static CrossMatcher.Summary run(Database db, EntityStore store, SearchIndex index, String agency, String caseRef,
      Instant at) {
    List<String> ids = touched(db, agency, caseRef, at);
    if (index != null) index(store, index, ids);
    return new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).match(ids);
  }

  /** Re-indexes what the import touched, without cross-matching it. */
  public static void index(Database db, EntityStore store, SearchIndex index, String agency, String caseRef, Instant at) {
    index(store, index, touched(db, agency, caseRef, at));
  }

  /** Re-indexes {@code ids} from the store, in batches. */
  public static void index(EntityStore store, SearchIndex index, List<String> ids) {
    for (int i = 0; i < ids.size(); i += 2_000) index.index(store.findAll(ids.subList(i, Math.min(ids.size(), i + 2_000))).values());
  }
}
