package org.mirabella.spark;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.matching.engine.CrossMatchRules;
import org.mirabella.matching.store.MatchModels;
import org.mirabella.model.Model;
import org.mirabella.scenario.Scale;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.xref.CrossMatcher;

/**
 * Benchmark: the in-process engine, Spark local[1] and Spark local[2] on the same PostgreSQL store
 * (the synthetic case file at a given scale, imported agency by agency without matching), with the
 * fitted model ({@code xref --refit}). Prints wall time, this process's CPU time, pairs/s and the
 * load average. The phases run as separate commands on a kept schema, so that a slow phase on a
 * shared machine can be repeated alone (docs/benchmarks-spark.md):
 *
 * <pre>
 * SparkBench load   BASE_URL SCALE SCHEMA    generate and import into a new schema (kept)
 * SparkBench refit  URL                      fit a model version over the store (in process), as xref --refit
 * SparkBench spark  URL PARTITIONS MASTER,…  Spark with the latest model, once per master; hits kept in a table
 * SparkBench inprocess URL                   the in-process engine with the latest model; compared with Spark's hits
 * SparkBench inprocess-sample URL N          every record's keys, then N records (an even sample) matched against
 *                                            the whole store as after an import: the in-process engine's pairs/s
 *                                            where a whole re-match takes hours on this machine
 * SparkBench drop   BASE_URL SCHEMA
 * </pre>
 *
 * URL is the base URL with {@code currentSchema=SCHEMA}.
 */
public final class SparkBench {
  private SparkBench() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(Locale.ROOT, "%s %s: %d processors, load average %.2f%n", args[0], Arrays.toString(Arrays.copyOfRange(args, 1, args.length)),
        Runtime.getRuntime().availableProcessors(), load());
    switch (args[0]) {
      case "load" -> load(args[1], Scale.parse(args[2]), args[3]);
      case "refit" -> refit(args[1]);
      case "spark" -> spark(args[1], Integer.parseInt(args[2]), args[3].split(","));
      case "inprocess" -> inProcess(args[1]);
      case "inprocess-sample" -> inProcessSample(args[1], Integer.parseInt(args[2]));
      case "drop" -> sql(args[1], "DROP SCHEMA " + args[2] + " CASCADE");
      default -> throw new IllegalArgumentException("unknown phase " + args[0]);
    }
  }

  static String withSchema(String base, String schema) {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void load(String base, Scale scale, String schema) throws SQLException {
    sql(base, "CREATE SCHEMA " + schema);
    String url = withSchema(base, schema);
    try (Database db = Database.open(url, null, null)) {
      Timer t = new Timer();
      long entities = ScenarioStore.load(db, scale);
      long statements = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM statement").mapTo(Long.class).one());
      System.out.printf(Locale.ROOT, "loaded %,d entities, %,d statements into %s: %s%n", entities, statements, url, t.done());
    }
  }

  private static void refit(String url) {
    try (Database db = Database.open(url, null, null)) {
      Timer t = new Timer();
      MatchModels.Stored m = new MatchModels(db).refit(new EntityStore(db, Model.get()), "bench");
      System.out.printf(Locale.ROOT, "fitted model version %d over %,d records (%,d blocked pairs), %d stop keys: %s%n",
          m.version(), m.records(), m.pairs(), m.stopKeys().size(), t.done());
    }
  }

  private static void spark(String url, int partitions, String[] masters) throws java.io.IOException {
    for (String master : masters) {
      Timer t = new Timer();
      SparkXref.Result r;
      try (SparkSession spark = SparkMain.session(master, null, partitions)) {
        SparkXref job = new SparkXref(spark, partitions);
        r = job.run(job.readStore(url, SparkMain.connection(url)), SparkXref.readModel(url, SparkMain.connection(url)));
      }
      double[] f = t.figures();
      System.out.printf(Locale.ROOT, "spark %-8s model %s  entities %,d  candidate pairs %,d  scored %,d  hits %,d  %s  %,.0f pairs/s wall  %,.0f pairs per CPU-second%n",
          master, r.modelVersion(), r.entities(), r.candidatePairs(), r.scored(), r.hits().size(), t.done(), r.scored() / f[0], r.scored() / f[1]);
      keep(url, r.hits(), r.modelVersion());
    }
  }

  /** Spark's hits in a table of their own, to compare with the in-process engine's afterwards. */
  private static void keep(String url, List<CrossMatchRules.Outcome> hits, Integer version) {
    try (Database db = Database.open(url, null, null)) {
      db.jdbi().useHandle(h -> {
        h.execute("DROP TABLE IF EXISTS bench_spark_hit");
        h.execute("CREATE TABLE bench_spark_hit (line TEXT PRIMARY KEY)");
        var b = h.prepareBatch("INSERT INTO bench_spark_hit(line) VALUES (:l)");
        for (CrossMatchRules.Outcome o : hits) b.bind("l", line(o.leftId(), o.rightId(), o.score(), o.band().name(), String.join(",", o.kinds()), version)).add();
        if (!hits.isEmpty()) b.execute();
      });
    }
  }

  private static String line(String l, String r, double score, String band, String kinds, Integer version) {
    return String.format(Locale.ROOT, "%s~%s %s %s [%s] v%s", l, r, Double.toString(score), band, kinds, version);
  }

  private static void inProcess(String url) {
    try (Database db = Database.open(url, null, null)) {
      db.jdbi().useHandle(h -> h.execute("DELETE FROM hit"));
      Timer t = new Timer();
      CrossMatcher matcher = new CrossMatcher(db, new EntityStore(db, Model.get()), new HitStore(db, new JdbcAuditLog(db)));
      var s = matcher.rematchAll();
      double[] f = t.figures();
      System.out.printf(Locale.ROOT, "in-process   model %s  candidates %,d  scored %,d (each pair from both sides)  hits %,d  %s  %,.0f pairs/s wall  %,.0f pairs per CPU-second%n",
          matcher.modelVersion(), s.candidates(), s.scored(), s.hits(), t.done(), s.scored() / f[0], s.scored() / f[1]);
      List<String> hitLines = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT left_entity, right_entity, score, band, matched_kinds, model_version FROM hit")
          .map((rs, c) -> line(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getString(5),
              (Integer) rs.getObject(6, Integer.class))).list());
      Set<String> mine = new TreeSet<>(hitLines);
      boolean sparkRan = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'bench_spark_hit' AND table_schema = current_schema()").mapTo(Long.class).one()) > 0;
      if (sparkRan) {
        List<String> sparkLines = db.jdbi().withHandle(h -> h.createQuery("SELECT line FROM bench_spark_hit").mapTo(String.class).list());
        Set<String> spark = new TreeSet<>(sparkLines);
        System.out.println("  the same hits as Spark's last run (pairs, scores, bands, kinds, model version): " + mine.equals(spark)
            + " (" + mine.size() + " vs " + spark.size() + ")");
      }
    }
  }

  private static void inProcessSample(String url, int n) {
    try (Database db = Database.open(url, null, null)) {
      EntityStore store = new EntityStore(db, Model.get());
      db.jdbi().useHandle(h -> {
        h.execute("DELETE FROM hit");
        h.execute("DELETE FROM match_key");
      });
      // 1. every record's keys, as rematchAll stores them first (match_key: entity, agency, key)
      Timer t = new Timer();
      List<String> all = store.ids();
      long keyRows = 0;
      for (int i = 0; i < all.size(); i += 2_000) {
        var batch = store.findAll(all.subList(i, Math.min(all.size(), i + 2_000))).values();
        List<Object[]> rows = new java.util.ArrayList<>();
        batch.parallelStream().filter(e -> e.schema().matchable()).map(e -> {
          List<Object[]> out = new java.util.ArrayList<>();
          for (String k : CrossMatchRules.keys(org.mirabella.matching.MatchKeys.of(e))) out.add(new Object[] {e.id(), e.agency(), k});
          return out;
        }).toList().forEach(rows::addAll);
        keyRows += rows.size();
        db.jdbi().useTransaction(h -> {
          var b = h.prepareBatch("INSERT INTO match_key(entity_id, agency, mkey) VALUES (?, ?, ?)");
          for (Object[] r : rows) b.add(r);
          if (!rows.isEmpty()) b.execute();
        });
      }
      System.out.printf(Locale.ROOT, "keys of %,d entities: %,d rows  %s%n", all.size(), keyRows, t.done());
      // 2. an even sample matched against everything held, as after an import
      List<String> sample = new java.util.ArrayList<>();
      double stride = all.size() / (double) Math.min(n, all.size());
      for (double i = 0; i < all.size() && sample.size() < n; i += stride) sample.add(all.get((int) i));
      t = new Timer();
      CrossMatcher matcher = new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db)));
      var s = matcher.match(sample);
      double[] f = t.figures();
      System.out.printf(Locale.ROOT, "in-process sample  model %s  entities %,d of %,d  candidates %,d  scored %,d  hits %,d  %s  %,.0f pairs/s wall  %,.0f pairs per CPU-second%n",
          matcher.modelVersion(), s.entities(), all.size(), s.candidates(), s.scored(), s.hits(), t.done(), s.scored() / f[0], s.scored() / f[1]);
      List<String> hitLines = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT left_entity, right_entity, score, band, matched_kinds, model_version FROM hit")
          .map((rs, c) -> line(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getString(5),
              (Integer) rs.getObject(6, Integer.class))).list());
      boolean sparkRan = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'bench_spark_hit' AND table_schema = current_schema()").mapTo(Long.class).one()) > 0;
      if (sparkRan) {
        List<String> sparkLines = db.jdbi().withHandle(h -> h.createQuery("SELECT line FROM bench_spark_hit").mapTo(String.class).list());
        Set<String> spark = new java.util.HashSet<>(sparkLines);
        long found = hitLines.stream().filter(spark::contains).count();
        System.out.printf(Locale.ROOT, "  the sample's in-process hits found identically by Spark's last run (pair, score, band, kinds, model version): %,d of %,d%n",
            found, hitLines.size());
      }
    }
  }

  private static void sql(String url, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute(statement);
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Wall and process CPU time since construction. */
  private static final class Timer {
    final long wall = System.nanoTime();
    final long cpu = SparkMain.cpuNanos();

    double[] figures() {
      return new double[] {(System.nanoTime() - wall) / 1e9, (SparkMain.cpuNanos() - cpu) / 1e9};
    }

    String done() {
      double[] f = figures();
      return String.format(Locale.ROOT, "wall %.1f s, process CPU %.1f s (load %.2f)", f[0], f[1], load());
    }
  }
}
