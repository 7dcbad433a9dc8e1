package org.mirabella.network;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Role;
import org.mirabella.access.Viewer;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * Benchmark of neighbourhood expansion on a store holding many links (issue 7: 2 hops in a
 * 10-million-link store, p95 &lt;= 100 ms). Fills the store directly in SQL (generate_series on
 * PostgreSQL, SYSTEM_RANGE on H2): {@code persons} people and {@code links / 2} Associate records,
 * each naming two people drawn by a multiplicative hash, so the mean degree is {@code links / persons};
 * every record has its statements and its {@code entity_link} rows, as imports write them. Then times
 * {@link GraphService#neighbourhood} (the whole API path: index, access rules, loading, assembly) from
 * random people, printing wall time and this process's CPU time per expansion, and the load average.
 * The database server's own CPU is not in the process figure.
 *
 * <pre>java -cp … org.mirabella.network.NetworkBench --db jdbc:postgresql://… [--links 10000000] [--degree 5]
 *     [--samples 300] [--hops 2]     (or --data DIR for an embedded H2 store)</pre>
 */
public final class NetworkBench {
  private NetworkBench() {}

  public static void main(String[] args) {
    String url = null;
    Path data = null;
    long links = 10_000_000;
    int degree = 5;
    int samples = 300;
    int hops = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--db" -> url = args[++i];
        case "--data" -> data = Path.of(args[++i]);
        case "--links" -> links = Long.parseLong(args[++i]);
        case "--degree" -> degree = Integer.parseInt(args[++i]);
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--hops" -> hops = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (expected --db URL | --data DIR, --links N, --degree D, --samples S, --hops H)");
      }
    }
    if ((url == null) == (data == null)) throw new IllegalArgumentException("give --db URL or --data DIR");
    try (Database db = url != null ? Database.open(url, null, null) : Database.embedded(data)) {
      long persons = Math.max(2, links / degree);
      long associates = links / 2;
      new EntityStore(db, Model.get()).ensureAgencies(Agencies.get());
      long have = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM entity_link").mapTo(Long.class).one());
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      com.sun.management.OperatingSystemMXBean cpu = (com.sun.management.OperatingSystemMXBean) os;
      if (have < links) {
        long t0 = System.nanoTime();
        long c0 = cpu.getProcessCpuTime();
        fill(db, persons, associates);
        System.out.printf(Locale.ROOT, "fill: %,d persons, %,d associates, %,d link rows in %.1f s wall (%.1f s JVM CPU; database CPU not counted)%n",
            persons, associates, 2 * associates, (System.nanoTime() - t0) / 1e9, (cpu.getProcessCpuTime() - c0) / 1e9);
      }
      long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM entity_link").mapTo(Long.class).one());
      long people = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM entity WHERE case_ref = 'BENCH' AND schema_name = 'Person'")
          .mapTo(Long.class).one());
      GraphService graphs = new GraphService(db, new AccessControl(db, new EntityStore(db, Model.get())));
      Viewer viewer = Viewer.of("bench", "IT", Role.ANALYST);
      Random random = new Random(7);
      for (int i = 0; i < 30; i++) graphs.neighbourhood(viewer, "bp" + random.nextInt((int) people), hops, DateRange.ALL);
      long[] wall = new long[samples];
      long[] cpuNs = new long[samples];
      long nodes = 0;
      long edges = 0;
      double load0 = os.getSystemLoadAverage();
      for (int i = 0; i < samples; i++) {
        String id = "bp" + random.nextInt((int) people);
        long c = cpu.getProcessCpuTime();
        long t = System.nanoTime();
        Graph g = graphs.neighbourhood(viewer, id, hops, DateRange.ALL);
        wall[i] = System.nanoTime() - t;
        cpuNs[i] = cpu.getProcessCpuTime() - c;
        nodes += g.nodes().size();
        edges += g.edges().size();
      }
      Arrays.sort(wall);
      Arrays.sort(cpuNs);
      System.out.printf(Locale.ROOT, "store: %s, %,d entity_link rows, %,d bench persons%n", db.dialect(), rows, people);
      System.out.printf(Locale.ROOT, "%d-hop neighbourhood, %d samples (after 30 warm-up), mean %.1f nodes / %.1f edges per answer%n",
          hops, samples, nodes / (double) samples, edges / (double) samples);
      System.out.printf(Locale.ROOT, "wall ms:     p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(wall, 50), pct(wall, 95), pct(wall, 99),
          wall[samples - 1] / 1e6);
      System.out.printf(Locale.ROOT, "JVM CPU ms:  p50 %.1f  p95 %.1f  p99 %.1f  (process CPU time per expansion, all JVM threads)%n",
          pct(cpuNs, 50), pct(cpuNs, 95), pct(cpuNs, 99));
      System.out.printf(Locale.ROOT, "load average (1 min): %.2f before, %.2f after; %d cores%n", load0, os.getSystemLoadAverage(),
          os.getAvailableProcessors());
    }
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /**
   * Fills persons and associates in SQL, in slices of a million rows per statement so the database
   * commits as it goes. Person ids {@code bp<n>}; Associate {@code ba<n>} names {@code bp<(n·a) mod P>}
   * and {@code bp<(n·b + ⌊n/P⌋·c + 13) mod P>} (a, b, c constants prime to P in practice: a cheap spread,
   * not a random graph model).
   */
  static void fill(Database db, long persons, long associates) {
    boolean pg = db.dialect() == Database.Dialect.POSTGRES;
    db.jdbi().useHandle(h -> {
      if (h.createQuery("SELECT COUNT(*) FROM case_file WHERE agency = 'IT' AND ref = 'BENCH'").mapTo(Long.class).one() == 0) {
        h.execute("INSERT INTO case_file(agency, ref, title) VALUES ('IT', 'BENCH', 'network benchmark')");
      }
    });
    String now = pg ? "now()" : "CURRENT_TIMESTAMP";
    List<String[]> steps = new ArrayList<>();
    for (long lo = 0; lo < persons; lo += 1_000_000) {
      long hi = Math.min(persons, lo + 1_000_000) - 1;
      String g = range(pg, lo, hi);
      steps.add(new String[] {"persons " + lo,
          "INSERT INTO entity(id, schema_name, agency, case_ref, category, review_date, created_at) SELECT 'bp' || " + n(pg)
              + ", 'Person', 'IT', 'BENCH', 'SUSPECT', DATE '2030-01-01', " + now + " FROM " + g,
          "INSERT INTO statement(id, entity_id, schema_name, property, prop_value, agency, case_ref, handling, reliability, accuracy, recorded_at) "
              + "SELECT 'sp' || LPAD(CAST(" + n(pg) + " AS VARCHAR), 38, '0'), 'bp' || " + n(pg) + ", 'Person', 'name', 'Bench person ' || "
              + n(pg) + ", 'IT', 'BENCH', 'H0', 'B', 2, " + now + " FROM " + g});
    }
    for (long lo = 0; lo < associates; lo += 1_000_000) {
      long hi = Math.min(associates, lo + 1_000_000) - 1;
      String g = range(pg, lo, hi);
      String left = "'bp' || MOD(" + n(pg) + " * 2654435761, " + persons + ")";
      // The cycle number (n / P) shifts the right side, so records n and n + P name different pairs.
      String right = "'bp' || MOD(" + n(pg) + " * 40503 + (" + n(pg) + " / " + persons + ") * 7919 + 13, " + persons + ")";
      for (String[] side : List.of(new String[] {"sa", "person", left}, new String[] {"sb", "associate", right})) {
        steps.add(new String[] {"associates " + side[1] + " " + lo,
            side[0].equals("sa") ? "INSERT INTO entity(id, schema_name, agency, case_ref, category, review_date, created_at) SELECT 'ba' || "
                + n(pg) + ", 'Associate', 'IT', 'BENCH', 'OTHER', DATE '2030-01-01', " + now + " FROM " + g : null,
            "INSERT INTO statement(id, entity_id, schema_name, property, prop_value, agency, case_ref, handling, reliability, accuracy, recorded_at) "
                + "SELECT '" + side[0] + "' || LPAD(CAST(" + n(pg) + " AS VARCHAR), 38, '0'), 'ba' || " + n(pg) + ", 'Associate', '" + side[1]
                + "', " + side[2] + ", 'IT', 'BENCH', 'H0', 'B', 2, " + now + " FROM " + g,
            "INSERT INTO entity_link(" + Links.COLUMNS + ") SELECT '" + side[0] + "' || LPAD(CAST(" + n(pg) + " AS VARCHAR), 38, '0'), 'ba' || "
                + n(pg) + ", 'Associate', '" + side[1] + "', " + side[2] + ", FALSE, 'IT', 'BENCH', 'H0', NULL, NULL FROM " + g});
      }
    }
    for (String[] step : steps) {
      long t = System.nanoTime();
      db.jdbi().useTransaction(h -> {
        for (int i = 1; i < step.length; i++) if (step[i] != null) h.execute(step[i]);
      });
      System.out.printf(Locale.ROOT, "  %s: %.1f s%n", step[0], (System.nanoTime() - t) / 1e9);
    }
    if (pg) db.jdbi().useHandle(h -> h.execute("ANALYZE"));
  }

  private static String range(boolean pg, long lo, long hi) {
    return pg ? "generate_series(" + lo + ", " + hi + ") AS g(n)" : "SYSTEM_RANGE(" + lo + ", " + hi + ")";
  }

  private static String n(boolean pg) {
    return pg ? "CAST(g.n AS BIGINT)" : "CAST(X AS BIGINT)";
  }
}
