package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, {@code match_key} loses its foreign key to {@code entity} and a statement-level
 * trigger on {@code entity} removes the keys of deleted entities instead (what {@code ON DELETE
 * CASCADE} did). Why: the foreign key checked every inserted key row with a row-locking lookup of its
 * entity ({@code SELECT … FOR KEY SHARE}, one per row: about 34 per record), a large share of the
 * server's CPU time in incremental matching at a million entities (docs/benchmarks-matching.md,
 * 29 Nov 2026, branch match6). Keys are only written by matching, for entities it has just read;
 * a key left by an entity deleted meanwhile is harmless (its candidate has no stored values and no
 * owner, so it is never scored or recorded) and {@code mirabella xref} rewrites all keys.
 *
 * <p>On H2 nothing changes (a Java trigger would be needed, and the embedded store's inserts are not
 * where its time goes). A Java migration because the two databases need different statements.
 */
public class V73__Match_key_without_insert_check extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) return;
    try (Statement st = context.getConnection().createStatement()) {
      st.execute("ALTER TABLE match_key DROP CONSTRAINT IF EXISTS match_key_entity_id_fkey");
      st.execute("CREATE FUNCTION match_key_entity_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ "
          + "BEGIN DELETE FROM match_key k USING gone g WHERE k.entity_id = g.id; RETURN NULL; END $$");
      st.execute("CREATE TRIGGER match_key_entity_deleted AFTER DELETE ON entity REFERENCING OLD TABLE AS gone "
          + "FOR EACH STATEMENT EXECUTE FUNCTION match_key_entity_deleted()");
    }
  }
}
