package org.mirabella.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.mirabella.model.InvalidData;

/**
 * The database behind a Mirabella store: an embedded H2 file in the data folder by default, or
 * PostgreSQL given a {@code jdbc:postgresql://} URL. Both get the same Flyway migrations.
 */
public final class Database implements AutoCloseable {
  /** The SQL dialects Mirabella speaks; only where they differ does code ask. */
  public enum Dialect { H2, POSTGRES }

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final String url;

  private Database(HikariDataSource ds, Dialect dialect, String url) {
    this.dataSource = ds;
    this.dialect = dialect;
    this.url = url;
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    this.jdbi = Jdbi.create(ds);
  }

  /** The embedded store in {@code dataDir} (created if absent). */
  public static Database embedded(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new InvalidData("Cannot use the data folder", Map.of("data", dataDir + ": " + e.getMessage()));
    }
    // WRITE_DELAY=0: a commit reaches the file before it is acknowledged. With H2's default (500 ms)
    // a process killed with SIGKILL lost the judgements it had just answered 201 for (CrashConsistencyTest).
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("mirabella") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    return open(url, null, null);
  }

  /** An in-memory H2 store (tests, quick checks). */
  public static Database inMemory(String name) {
    return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null);
  }

  /**
   * Opens a database by JDBC URL. For PostgreSQL the user and password come from the arguments or
   * the environment ({@code MIRABELLA_DB_USER}, {@code MIRABELLA_DB_PASSWORD}, else PGUSER/PGPASSWORD).
   */
  public static Database open(String url, String user, String password) {
    Dialect dialect;
    if (url.startsWith("jdbc:h2:")) dialect = Dialect.H2;
    else if (url.startsWith("jdbc:postgresql:")) dialect = Dialect.POSTGRES;
    else throw new InvalidData("Unsupported database", Map.of("db", "'" + url + "': use jdbc:postgresql://host/db or leave it out for the embedded store"));
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    if (dialect == Dialect.POSTGRES) {
      c.setUsername(firstNonBlank(user, System.getenv("MIRABELLA_DB_USER"), System.getenv("PGUSER")));
      c.setPassword(firstNonBlank(password, System.getenv("MIRABELLA_DB_PASSWORD"), System.getenv("PGPASSWORD")));
      c.setMaximumPoolSize(Integer.getInteger("mirabella.db.pool", 10));
    } else {
      c.setUsername(firstNonBlank(user, "sa"));
      c.setPassword(firstNonBlank(password, ""));
      c.setMaximumPoolSize(Integer.getInteger("mirabella.db.pool", 8));
    }
    c.setPoolName("mirabella");
    c.setInitializationFailTimeout(10_000);
    try {
      return new Database(new HikariDataSource(c), dialect, url);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      throw new InvalidData("Cannot open the database", Map.of("db", redact(url) + ": " + root.getMessage()));
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The JDBC URL without credentials. */
  public String url() {
    return redact(url);
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return null;
  }
}
