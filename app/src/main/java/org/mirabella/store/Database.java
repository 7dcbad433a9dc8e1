package org.mirabella.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.mvstore.MVStoreTool;
import org.jdbi.v3.core.Jdbi;
import org.mirabella.model.InvalidData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind a Mirabella store: an embedded H2 file in the data folder by default, or
 * PostgreSQL given a {@code jdbc:postgresql://} URL. Both get the same Flyway migrations.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  /** The SQL dialects Mirabella speaks; only where they differ does code ask. */
  public enum Dialect { H2, POSTGRES }

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final String url;
  /** The embedded store's file, or null for PostgreSQL and in-memory stores. */
  private final Path embeddedFile;
  private final long openedSize;

  private Database(HikariDataSource ds, Dialect dialect, String url) {
    this.dataSource = ds;
    this.dialect = dialect;
    this.url = url;
    this.embeddedFile = dialect == Dialect.H2 && url.startsWith("jdbc:h2:file:")
        ? Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';') < 0 ? url.length() : url.indexOf(';')) + ".mv.db").toAbsolutePath().normalize()
        : null;
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    this.jdbi = Jdbi.create(ds);
    long size = 0;
    try {
      if (embeddedFile != null) size = Files.size(embeddedFile);
    } catch (java.io.IOException e) {
      size = 0;
    }
    this.openedSize = size;
    if (embeddedFile != null) OPEN.merge(embeddedFile, 1, Integer::sum);
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
    Path file = dataDir.toAbsolutePath().normalize().resolve("mirabella.mv.db");
    if (!OPEN.containsKey(file)) rewriteIfLeftOpen(file);
    Database db = open(url, null, null);
    try {
      Files.writeString(openMarker(file), Long.toString(ProcessHandle.current().pid()));
    } catch (java.io.IOException e) {
      LOG.warn("cannot mark the embedded store open: {}", e.getClass().getSimpleName());
    }
    return db;
  }

  /** Beside the store while a process has it open; left behind by a process that never closed it. */
  private static Path openMarker(Path file) {
    return file.resolveSibling("mirabella.open");
  }

  /**
   * A store that its last process left open (killed, or the machine lost power) is rewritten into a
   * clean file before H2 opens it for writing. H2 2.3 can open such a file, but the space it frees
   * while recovering may be reused by the first writes and then marked twice when the file, closed
   * cleanly, is opened again: "Double mark", the store unreadable (h2database issues #2752, #4123;
   * seen here once in CrashConsistencyTest under CI load). Rewriting copies the live pages only
   * (MVStoreTool.compact: a temporary file, then an atomic rename, so a crash during it leaves the
   * old file). A store that another process has open is left alone: H2's file lock refuses it.
   */
  private static void rewriteIfLeftOpen(Path file) {
    Path marker = openMarker(file);
    if (!Files.exists(marker) || !Files.exists(file)) return;
    try {
      long before = Files.size(file);
      MVStoreTool.compact(file.toString(), false);
      LOG.info("the embedded store was not closed by its last process: rewritten before opening ({} MB, now {} MB)", before >> 20,
          Files.size(file) >> 20);
    } catch (RuntimeException | java.io.IOException e) {
      // Most often another process has it open (H2's lock): opening it then fails, saying so.
      LOG.debug("the embedded store left open was not rewritten: {}", e.toString());
    }
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

  /**
   * Closes the pool. An embedded file store that grew a lot while open (a large import) is then
   * compacted: H2's MVStore writes copy-on-write pages and, while a large transaction is open,
   * cannot reuse the space of the pages it rewrites, so a million-statement import leaves a file of
   * several kilobytes per statement, most of it dead (docs/benchmarks-ingest.md). Compaction rewrites
   * the live pages into a fresh file: about 3 s of CPU per 100 MB live, against the import's minutes.
   * H2's own fill-rate figure was not usable to decide this (it read 13 % and 100 % for the same file
   * depending on what had been read since opening), so the rule is growth: at least
   * {@link #COMPACT_AFTER_GROWTH_BYTES} more and at least double the size it was opened with.
   */
  @Override
  public void close() {
    if (dataSource.isClosed()) return;
    boolean last = embeddedFile != null && lastOpen();
    boolean compact = last && grewALot();
    dataSource.close();
    // After the pool is closed, so that no pooled connection holds the file while it is rewritten.
    if (compact) compact();
    if (last) {
      try {
        Files.deleteIfExists(openMarker(embeddedFile));
      } catch (java.io.IOException e) {
        LOG.warn("cannot unmark the embedded store: {}", e.getClass().getSimpleName());
      }
    }
  }

  /** Embedded files open in this JVM, with how many {@code Database}s hold each (H2 shares one database per file). */
  private static final java.util.concurrent.ConcurrentHashMap<Path, Integer> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

  /** Releases this instance's hold on its file; true when no other instance in this JVM still has it open. */
  private boolean lastOpen() {
    return OPEN.compute(embeddedFile, (f, n) -> n == null || n <= 1 ? null : n - 1) == null;
  }

  /** Growth (bytes) below which a closing embedded store is left as it is: compacting it saves little. */
  static final long COMPACT_AFTER_GROWTH_BYTES = 64L << 20;

  private boolean grewALot() {
    try {
      long now = Files.size(embeddedFile);
      if (now - openedSize < COMPACT_AFTER_GROWTH_BYTES || now < 2 * openedSize) return false;
      LOG.info("compacting the embedded store: {} MB, {} MB when opened", now >> 20, openedSize >> 20);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * Rewrites the closed store's live pages into a new file that then replaces the old one
   * ({@link MVStoreTool#compact(String, boolean)}: a temporary file and an atomic rename, so a crash
   * during it leaves the old file). Run on the closed file rather than by {@code SHUTDOWN COMPACT}
   * through a connection, which left the file as it was when the pool had just been closed.
   */
  private void compact() {
    try {
      MVStoreTool.compact(embeddedFile.toString(), false);
    } catch (RuntimeException e) {
      // The store stays as it was (only bigger than it need be); closing must not fail over it.
      LOG.warn("the embedded store was not compacted: {}", e.getClass().getSimpleName());
    }
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return null;
  }
}
