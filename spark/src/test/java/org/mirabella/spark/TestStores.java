package org.mirabella.spark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.mirabella.store.Database;

/**
 * The two databases a store runs on: an in-memory H2 (the Spark job in the same JVM reads it by
 * URL), and the PostgreSQL server of {@code MIRABELLA_TEST_PG} ({@code .ci/run} starts one; each
 * test gets a fresh schema). Without a server the PostgreSQL cases skip, except under CI.
 */
final class TestStores {
  /** The tests' Spark session: a few hundred entities, so interpreting Spark's plans is cheaper than compiling them. */
  static org.apache.spark.sql.SparkSession spark() {
    return SparkMain.session("local[2]", null, 2, java.util.Map.of("spark.sql.codegen.wholeStage", "false",
        "spark.sql.codegen.factoryMode", "NO_CODEGEN"));
  }

  /** A store and the JDBC URL another reader (Spark) reaches it by. */
  record Store(Database db, String url) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
    }
  }

  private TestStores() {}

  static Store h2() {
    String url = "jdbc:h2:mem:spark_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    return new Store(Database.open(url, null, null), url);
  }

  static Store postgres() {
    String url = System.getenv("MIRABELLA_TEST_PG");
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (url == null || url.isBlank()) {
      if (ci) throw new IllegalStateException("CI must provide MIRABELLA_TEST_PG (see .ci/run)");
      Assumptions.abort("no PostgreSQL server: set MIRABELLA_TEST_PG (e.g. from .ci/postgres.sh)");
    }
    String schema = "spark_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if (ci) throw new IllegalStateException("PostgreSQL at " + url + " is not reachable", e);
      Assumptions.abort("PostgreSQL at " + url + " is not reachable: " + e.getMessage());
    }
    String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new Store(Database.open(withSchema, null, null), withSchema);
  }

  static Stream<Named<String>> both() {
    return List.of(Named.of("H2", "h2"), Named.of("PostgreSQL", "postgres")).stream();
  }

  static Store open(String kind) {
    return kind.equals("h2") ? h2() : postgres();
  }
}
