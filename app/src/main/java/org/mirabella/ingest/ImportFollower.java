package org.mirabella.ingest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.xref.AfterImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a running server's search index up to date with imports that other processes made into the
 * same store (on PostgreSQL: {@code mirabella import --db …} from an agency's script while the server
 * runs). Every {@code every} it reads the import runs finished in the last hour that it has not seen
 * and re-indexes the entities each touched ({@link AfterImport#touched}). Without it those records
 * were in the store, their hits made, but not found by search until the server restarted
 * ({@code IndexSync} on start). The server's own uploads are indexed as they land and marked
 * {@link #indexed}, so they are not indexed twice. A run's clock may be another machine's: an hour of
 * look-back covers skew and long commits.
 */
public final class ImportFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImportFollower.class);
  static final Duration LOOK_BACK = Duration.ofHours(1);

  private final Database db;
  private final EntityStore store;
  private final SearchIndex index;
  /** Runs already indexed (or there when this follower started, which the start-up sync covered), by finish time. */
  private final Map<String, Instant> seen = new HashMap<>();
  private ScheduledExecutorService timer;

  private record Run(String id, String agency, String caseRef, Instant startedAt, Instant finishedAt) {}

  /** A follower that counts every run in the look-back window as already indexed; {@link #poll} does the work. */
  public ImportFollower(Database db, EntityStore store, SearchIndex index) {
    this.db = db;
    this.store = store;
    this.index = index;
    for (Run r : recentRuns(Instant.now())) seen.put(r.id(), r.finishedAt());
  }

  /** Polls every {@code every} on a daemon thread until closed. */
  public synchronized void start(Duration every) {
    if (timer != null) return;
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mirabella-import-follower");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::pollQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A run this server indexed as it landed (an upload): not indexed again when it is polled. */
  public synchronized void indexed(String run) {
    seen.put(run, Instant.now());
  }

  /** Indexes what the runs not yet seen touched; returns how many runs that was. */
  public synchronized int poll() {
    Instant now = Instant.now();
    int n = 0;
    for (Run r : recentRuns(now)) {
      if (seen.containsKey(r.id())) continue;
      List<String> ids = AfterImport.touched(db, r.agency(), r.caseRef(), r.startedAt());
      AfterImport.index(store, index, ids);
      seen.put(r.id(), r.finishedAt());
      n++;
      LOG.info("indexed import run {} of {}/{} made by another process: {} records", r.id(), r.agency(), r.caseRef(), ids.size());
    }
    seen.values().removeIf(finished -> finished.isBefore(now.minus(LOOK_BACK.multipliedBy(2))));
    return n;
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("following imports into the search index failed; next try in a moment: {}", e.toString());
    }
  }

  private List<Run> recentRuns(Instant now) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id, agency, case_ref, started_at, finished_at FROM import_run "
            + "WHERE finished_at >= :since ORDER BY finished_at")
        .bind("since", Timestamp.from(now.minus(LOOK_BACK)))
        .map((rs, c) -> new Run(rs.getString("id"), rs.getString("agency"), rs.getString("case_ref"),
            rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getObject("finished_at", OffsetDateTime.class).toInstant()))
        .list());
  }

  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
  }
}
