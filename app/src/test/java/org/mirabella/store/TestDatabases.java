package org.mirabella.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;

/**
 * Real databases for storage tests: an in-memory H2, and a PostgreSQL server given by
 * {@code MIRABELLA_TEST_PG} (a JDBC URL; {@code .ci/run} starts one). Each PostgreSQL database is a
 * fresh schema, so tests and parallel runs do not meet. Without a server the PostgreSQL cases skip,
 * except under CI, where they fail: CI always has one. The schemas a test JVM made are dropped when
 * it exits, so a long-lived development server does not fill up with them.
 */
public final class TestDatabases {
  private TestDatabases() {}

  private static final java.util.Set<String> SCHEMAS = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final java.util.concurrent.atomic.AtomicBoolean DROP_ON_EXIT = new java.util.concurrent.atomic.AtomicBoolean();

  public static Database h2() {
    return Database.inMemory("test_" + UUID.randomUUID().toString().replace("-", ""));
  }

  public static Database postgres() {
    String url = System.getenv("MIRABELLA_TEST_PG");
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (url == null || url.isBlank()) {
      if (ci) throw new IllegalStateException("CI must provide MIRABELLA_TEST_PG (see .ci/run)");
      Assumptions.abort("no PostgreSQL server: set MIRABELLA_TEST_PG (e.g. from .ci/postgres.sh)");
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
      SCHEMAS.add(schema);
      if (DROP_ON_EXIT.compareAndSet(false, true)) Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchemas(url)));
    } catch (SQLException e) {
      if (ci) throw new IllegalStateException("PostgreSQL at " + url + " is not reachable", e);
      Assumptions.abort("PostgreSQL at " + url + " is not reachable: " + e.getMessage());
    }
    return Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null);
  }

  /** Drops this JVM's schemas; a schema still locked by an open transaction is left after 5 s rather than hang the exit. */
  private static void dropSchemas(String url) {
    try (Connection c = DriverManager.getConnection(url); var st = c.createStatement()) {
      st.execute("SET lock_timeout = '5s'");
      for (String schema : SCHEMAS) {
        try {
          st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
          System.err.println("left PostgreSQL test schema " + schema + ": " + e.getMessage());
        }
      }
    } catch (SQLException e) {
      System.err.println("could not drop the PostgreSQL test schemas: " + e.getMessage());
    }
  }

  /** Both databases, for parameterized tests: {@code @MethodSource("org.mirabella.store.TestDatabases#both")}. */
  public static Stream<Named<Supplier<Database>>> both() {
    return List.<Named<Supplier<Database>>>of(
        Named.of("H2", TestDatabases::h2),
        Named.of("PostgreSQL", TestDatabases::postgres)).stream();
  }
}
