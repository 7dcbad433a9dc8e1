package org.mirabella.reliability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.mirabella.store.Database;

/**
 * Import, matching and hit figures for Prometheus, read from the store itself: the import runs
 * table (rows read, statements added, how long each run took) and the hits table. Read from the
 * database rather than counted in memory so imports made by the CLI or another server process count
 * too, and the counters survive restarts. One snapshot query set per {@code maxAge} at most, so a
 * scrape every few seconds costs the database little.
 */
public final class StoreMetrics implements MeterBinder {
  private final Database db;
  private final Duration maxAge;
  private volatile Snapshot snapshot;
  private volatile long takenAt;

  /** What the store says now. */
  public record Snapshot(double importRuns, double rowsRead, double rowsRejected, double statementsAdded, double lastStatementsPerSecond,
      double hits, double hitsConfirmed, double hitsRejected, double matchKeys) {}

  public StoreMetrics(Database db, Duration maxAge) {
    this.db = db;
    this.maxAge = maxAge;
  }

  @Override
  public void bindTo(MeterRegistry r) {
    counter(r, "mirabella.import.runs", "import runs committed", Snapshot::importRuns);
    counter(r, "mirabella.import.rows", "rows read by committed imports", Snapshot::rowsRead);
    counter(r, "mirabella.import.rows.rejected", "rows rejected by committed imports", Snapshot::rowsRejected);
    counter(r, "mirabella.import.statements", "statements added by imports (rate() gives statements/s)", Snapshot::statementsAdded);
    gauge(r, "mirabella.import.last.statements.per.second", "statements/s of the latest import run", Snapshot::lastStatementsPerSecond);
    counter(r, "mirabella.hits", "hits recorded between agencies", Snapshot::hits);
    gauge(r, "mirabella.hits.confirmed", "hits judged confirmed", Snapshot::hitsConfirmed);
    gauge(r, "mirabella.hits.rejected", "hits judged rejected", Snapshot::hitsRejected);
    gauge(r, "mirabella.match.keys", "blocking keys held for matching", Snapshot::matchKeys);
    new MatchMetrics().bindTo(r);
  }

  private void counter(MeterRegistry r, String name, String description, ToDoubleFunction<Snapshot> f) {
    FunctionCounter.builder(name, this, m -> f.applyAsDouble(m.snapshot())).description(description).register(r);
  }

  private void gauge(MeterRegistry r, String name, String description, ToDoubleFunction<Snapshot> f) {
    Gauge.builder(name, this, m -> f.applyAsDouble(m.snapshot())).description(description).register(r);
  }

  /** The latest snapshot, refreshed when older than {@code maxAge}. */
  public synchronized Snapshot snapshot() {
    long now = System.nanoTime();
    if (snapshot == null || now - takenAt > maxAge.toNanos()) {
      snapshot = read();
      takenAt = now;
    }
    return snapshot;
  }

  private Snapshot read() {
    return db.jdbi().withHandle(h -> {
      Map<String, Object> runs = h.createQuery("SELECT COUNT(*) AS n, COALESCE(SUM(rows_read), 0) AS r, "
          + "COALESCE(SUM(rows_rejected), 0) AS j, COALESCE(SUM(statements_added), 0) AS s FROM import_run").mapToMap().one();
      double lastRate = h.createQuery("SELECT started_at, finished_at, statements_added FROM import_run ORDER BY finished_at DESC LIMIT 1")
          .map((rs, c) -> {
            double secs = Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)).toMillis() / 1000.0;
            return secs <= 0 ? 0.0 : rs.getLong(3) / secs;
          }).findOne().orElse(0.0);
      Map<String, Object> hits = h.createQuery("SELECT COUNT(*) AS n, "
          + "COALESCE(SUM(CASE WHEN judgement = 'CONFIRMED' THEN 1 ELSE 0 END), 0) AS c, "
          + "COALESCE(SUM(CASE WHEN judgement = 'REJECTED' THEN 1 ELSE 0 END), 0) AS x FROM hit").mapToMap().one();
      long keys = h.createQuery("SELECT COUNT(*) FROM match_key").mapTo(Long.class).one();
      return new Snapshot(num(runs.get("n")), num(runs.get("r")), num(runs.get("j")), num(runs.get("s")), lastRate,
          num(hits.get("n")), num(hits.get("c")), num(hits.get("x")), keys);
    });
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }
}
