package org.mirabella.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.cli.Main;
import picocli.CommandLine;

/** {@code mirabella bench match} end to end at a small scale: every measure runs and its figures are sane. */
class MatchBenchCommandTest {
  @Test
  void allThreeMeasuresRunAndFindThePersonsTheyShould(@TempDir Path dir) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int code = cl.execute("bench", "match", "--records", "1500", "--new", "60", "--batch", "30", "--queries", "40", "--warm-up", "25",
        "--dir", dir.toString());
    String text = out.toString();
    assertThat(code).as(text).isZero();
    assertThat(text).contains("end to end:", "store (H2): 1,500 entities", "model version 1 saved", "import plus match:", "hit/no-hit: 40 queries");
    assertThat(number(text, "blocking recall ([0-9.]+)")).isGreaterThan(0.95);
    assertThat(number(text, "clusters P=[0-9.]+ R=([0-9.]+)")).isGreaterThan(0.9);
    Matcher found = Pattern.compile("held persons found (\\d+)/(\\d+)").matcher(text);
    assertThat(found.find()).isTrue();
    assertThat(Integer.parseInt(found.group(1))).as(text).isGreaterThan(Integer.parseInt(found.group(2)) / 2);
    assertThat(text).containsPattern("incremental: 60 records in \\d+ imports");
    // the warm-up's persons went through the same path and were removed again: the store holds what it held
    assertThat(text).contains("warm-up (not counted): 25 made-up persons imported and matched", "then removed (25 entities)");
    assertThat(text).containsPattern("incremental: 60 records in \\d+ imports of up to 30 against 1,500 entities");
  }

  /**
   * {@code --store-db}: the first run fills a database of its own and measures on a copy; the
   * second measures on a fresh copy of the same store, so both find exactly the same pairs and hits,
   * the kept database never holds the new records, and no copy is left behind.
   */
  @Test
  void aKeptStoreDatabaseIsMeasuredOnCopiesAndNeverChanges() throws Exception {
    String url = System.getenv("MIRABELLA_TEST_PG");
    org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(), "no PostgreSQL server: set MIRABELLA_TEST_PG");
    String kept = "bench_kept_" + Long.toHexString(System.nanoTime());
    try {
      String first = run(url, kept);
      String second = run(url, kept);
      assertThat(first).contains("store kept in database " + kept, "store (POSTGRES): 400 entities", "copied to " + kept + "_run_");
      assertThat(second).doesNotContain("store kept in database", "end to end:").contains("copied to " + kept + "_run_");
      assertThat(line(second, "match \\(AfterImport\\):.*?(\\d[\\d,]* pairs scored, [\\d,]+ hits)"))
          .isEqualTo(line(first, "match \\(AfterImport\\):.*?(\\d[\\d,]* pairs scored, [\\d,]+ hits)"));
      assertThat(second).containsPattern("PostgreSQL server CPU \\(its backends for this run's database, from /proc\\): import [0-9.]+ s");
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(KeptDatabase.urlOf(url, kept));
          java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM entity")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(400);
      }
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
          java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE '" + kept + "_run_%'")) {
        rs.next();
        assertThat(rs.getLong(1)).as("copies left behind").isZero();
      }
    } finally {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + kept + " WITH (FORCE)");
      }
    }
  }

  private static String run(String url, String kept) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    int code = cl.execute("bench", "match", "--records", "400", "--new", "30", "--batch", "10", "--queries", "5", "--db", url,
        "--store-db", kept);
    assertThat(code).as(out.toString()).isZero();
    return out.toString();
  }

  private static String line(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in " + text).isTrue();
    return m.group(1);
  }

  @Test
  void theKeptDatabaseIsOnTheServerOfDb() {
    assertThat(KeptDatabase.urlOf("jdbc:postgresql://127.0.0.1:55432/mirabella_test?user=postgres", "store1m"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:55432/store1m?user=postgres");
    assertThat(KeptDatabase.urlOf("jdbc:postgresql://db.example:5432/x", "y")).isEqualTo("jdbc:postgresql://db.example:5432/y");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeptDatabase("jdbc:h2:mem:x", "store", null))
        .hasMessageContaining("--db jdbc:h2:mem:x: not a jdbc:postgresql://");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeptDatabase("jdbc:postgresql://h/db", "Store; DROP", null))
        .hasMessageContaining("--store-db Store; DROP: a database name of lower-case letters");
  }

  @Test
  void aKeptStoreNeedsAServer() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("bench", "match", "--records", "10", "--store-db", "kept")).isEqualTo(2);
    assertThat(err.toString()).contains("--store-db needs --db");
  }

  @Test
  void badNumbersAreUsageErrors() {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("bench", "match", "--records", "1")).isEqualTo(2);
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in " + text).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
