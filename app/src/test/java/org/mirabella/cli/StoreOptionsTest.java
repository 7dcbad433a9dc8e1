package org.mirabella.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.model.InvalidData;
import org.mirabella.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The production store settings: TLS and pool size for PostgreSQL, checked before connecting. */
class StoreOptionsTest {
  @Command(name = "t")
  static final class Holder {
    @Mixin StoreOptions store;
  }

  private static StoreOptions parse(String... args) {
    Holder h = new Holder();
    new CommandLine(h).parseArgs(args);
    return h.store;
  }

  @Test
  void tlsSettingsAreAddedToThePostgresUrl(@TempDir Path dir) throws Exception {
    Path ca = Files.writeString(dir.resolve("root.crt"), "-----BEGIN CERTIFICATE-----\n");
    assertThat(parse("--db", "jdbc:postgresql://db.example/mirabella", "--db-sslmode", "verify-full", "--db-sslrootcert", ca.toString())
        .jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/mirabella?sslmode=verify-full&sslrootcert=" + ca);
    assertThat(parse("--db", "jdbc:postgresql://db.example/mirabella?ApplicationName=x", "--db-sslmode", "require").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example/mirabella?ApplicationName=x&sslmode=require");
    // what the URL says itself wins
    assertThat(parse("--db", "jdbc:postgresql://h/m?sslmode=disable", "--db-sslmode", "require").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/m?sslmode=disable");
    assertThat(parse("--data", dir.toString()).jdbcUrl()).startsWith("jdbc:h2:file:" + dir.toAbsolutePath());
  }

  @Test
  void badSettingsAreNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> parse("--db", "jdbc:postgresql://h/m", "--db-sslmode", "verify").jdbcUrl())
        .isInstanceOf(InvalidData.class).hasMessageContaining("--db-sslmode").hasMessageContaining("verify-full");
    assertThatThrownBy(() -> parse("--db", "jdbc:postgresql://h/m", "--db-sslrootcert", dir.resolve("none.crt").toString()).jdbcUrl())
        .isInstanceOf(InvalidData.class).hasMessageContaining("--db-sslrootcert").hasMessageContaining("none.crt");
    assertThatThrownBy(() -> parse("--data", dir.toString(), "--db-sslmode", "require").jdbcUrl())
        .isInstanceOf(InvalidData.class).hasMessageContaining("need --db");
    assertThatThrownBy(() -> parse("--db", "jdbc:postgresql://h/m", "--db-pool", "0").poolSize())
        .isInstanceOf(InvalidData.class).hasMessageContaining("--db-pool");
    assertThat(parse("--db", "jdbc:postgresql://h/m", "--db-pool", "3").poolSize()).isEqualTo(3);
  }

  /** Against the real server: the pool size reaches the pool; sslmode reaches the driver. */
  @Test
  void poolSizeAndTlsReachThePostgresConnection() throws Exception {
    String url = System.getenv("MIRABELLA_TEST_PG");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException("CI must provide MIRABELLA_TEST_PG");
      Assumptions.abort("no PostgreSQL server: set MIRABELLA_TEST_PG");
    }
    String schema = "opts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    String db = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try (Database d = parse("--db", db, "--db-pool", "3").open()) {
      assertThat(((HikariDataSource) d.dataSource()).getMaximumPoolSize()).isEqualTo(3);
    }
    assertThat(System.getProperty("mirabella.db.pool")).isNull();
    boolean serverHasTls;
    try (Connection c = DriverManager.getConnection(url); var rs = c.createStatement().executeQuery("SHOW ssl")) {
      rs.next();
      serverHasTls = rs.getString(1).equals("on");
    }
    if (!serverHasTls) {
      // the test server speaks no TLS: requiring it must fail, naming the database
      assertThatThrownBy(() -> parse("--db", db, "--db-sslmode", "require").open())
          .isInstanceOf(InvalidData.class).hasMessageContaining("Cannot open the database").hasMessageContaining("SSL");
    }
  }
}
