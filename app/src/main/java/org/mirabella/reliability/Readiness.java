package org.mirabella.reliability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;

/**
 * Whether the server should be sent traffic (readiness), as opposed to whether it is alive
 * (liveness, {@code /api/health}): the database answers, every migration on the class path has
 * been applied, and the search index is open and readable. Each part is reported by name.
 */
public final class Readiness {
  private final Database db;
  private final SearchIndex index;
  /** Applied migrations stay applied: once all are in, Flyway's class-path scan is not repeated. */
  private volatile String migratedVersion;

  public Readiness(Database db, SearchIndex index) {
    this.db = db;
    this.index = index;
  }

  /** The verdict, with one entry per part ({@code true} or the reason it failed). */
  public record Report(boolean ready, Map<String, Object> parts) {}

  public Report check() {
    Map<String, Object> parts = new LinkedHashMap<>();
    boolean ok = true;
    try {
      db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
      parts.put("database", true);
    } catch (RuntimeException e) {
      parts.put("database", "unreachable");
      ok = false;
    }
    if (migratedVersion != null) {
      parts.put("migrations", true);
      parts.put("schemaVersion", migratedVersion);
    } else if (Boolean.TRUE.equals(parts.get("database"))) {
      try {
        var info = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().info();
        int pending = info.pending().length;
        boolean failed = java.util.Arrays.stream(info.applied()).anyMatch(m -> !m.getState().isApplied() || m.getState().isFailed());
        parts.put("migrations", pending == 0 && !failed ? true : pending + " pending" + (failed ? ", a failed one" : ""));
        ok &= pending == 0 && !failed;
        String version = info.current() == null ? "0" : info.current().getVersion().getVersion();
        parts.put("schemaVersion", version);
        if (pending == 0 && !failed) migratedVersion = version;
      } catch (RuntimeException e) {
        parts.put("migrations", "cannot read the migration history");
        ok = false;
      }
    }
    try {
      parts.put("indexedEntities", index.count());
      parts.put("index", true);
    } catch (RuntimeException e) {
      parts.put("index", "not readable");
      ok = false;
    }
    parts.put("ready", ok);
    return new Report(ok, parts);
  }
}
