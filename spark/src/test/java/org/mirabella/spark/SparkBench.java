package org.mirabella.spark;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.model.Model;
import org.mirabella.scenario.Scale;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.xref.CrossMatcher;

/**
 * Benchmark: the in-process engine, Spark local[1] and Spark local[2] on the same store (the
 * synthetic case file at a given scale, imported into a fresh PostgreSQL schema without matching).
 * Prints wall time, this process's CPU time, pairs/s and the load average; checks that the engines
 * found the same hits. Run it as docs/benchmarks-spark.md shows:
 *
 * <pre>java [Spark's flags] -cp … org.mirabella.spark.SparkBench JDBC_URL SCALE [PARTITIONS [spark-only|all [MASTER,…]]]</pre>
 */
public final class SparkBench {
  private SparkBench() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Scale scale = Scale.parse(args[1]);
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    boolean sparkOnly = args.length > 3 && args[3].equals("spark-only");
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(base)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    System.out.printf(Locale.ROOT, "store %s, scale %s, %d processors, load average %.2f%n", url, args[1],
        Runtime.getRuntime().availableProcessors(), load());
    try (Database db = Database.open(url, null, null)) {
      Timer t = new Timer();
      long entities = ScenarioStore.load(db, scale);
      long statements = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM statement").mapTo(Long.class).one());
      System.out.printf(Locale.ROOT, "loaded %,d entities, %,d statements: %s%n", entities, statements, t.done());

      Set<String> inProcess = Set.of();
      if (!sparkOnly) {
      t = new Timer();
      var s = new CrossMatcher(db, new EntityStore(db, Model.get()), new HitStore(db, new JdbcAuditLog(db))).rematchAll();
      inProcess = SparkXrefTest.hitRows(db);
      double[] f = t.figures();
      System.out.printf(Locale.ROOT, "in-process   candidates %,d  scored %,d (each pair from both sides)  hits %,d  %s  %,.0f pairs/s wall  %,.0f pairs per CPU-second%n",
          s.candidates(), s.scored(), inProcess.size(), t.done(), s.scored() / f[0], s.scored() / f[1]);
      }

      String[] masters = args.length > 4 ? args[4].split(",") : new String[] {"local[1]", "local[2]"};
      for (String master : masters) {
        t = new Timer();
        SparkXref.Result r;
        try (SparkSession spark = SparkMain.session(master, null, partitions)) {
          SparkXref job = new SparkXref(spark, partitions);
          r = job.run(job.readStore(url, SparkMain.connection(url)));
        }
        double[] f = t.figures();
        System.out.printf(Locale.ROOT, "spark %-8s candidate pairs %,d  scored %,d  hits %,d  %s  %,.0f pairs/s wall  %,.0f pairs per CPU-second%n",
            master, r.candidatePairs(), r.scored(), r.hits().size(), t.done(), r.scored() / f[0], r.scored() / f[1]);
        if (!sparkOnly) System.out.println("  as many hits as the in-process engine: " + (r.hits().size() == inProcess.size()));
      }
    } finally {
      try (Connection c = DriverManager.getConnection(base)) {
        c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
      }
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
