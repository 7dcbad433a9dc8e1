package org.mirabella.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Option;

/** Where the store is: {@code --data DIR} (embedded, default ./data or MIRABELLA_DATA) or {@code --db URL}. */
public class StoreOptions {
  @Option(names = "--data", paramLabel = "DIR", description = "Data folder of the embedded store (default: $MIRABELLA_DATA or ./data).")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "A PostgreSQL database instead of the embedded store, e.g. jdbc:postgresql://localhost/mirabella "
          + "(credentials from MIRABELLA_DB_USER / MIRABELLA_DB_PASSWORD or PGUSER / PGPASSWORD).")
  String db;

  @Option(names = "--db-pool", paramLabel = "N",
      description = "Connections in the pool for --db (default: $MIRABELLA_DB_POOL, else 10).")
  Integer pool;

  @Option(names = "--db-sslmode", paramLabel = "MODE",
      description = "TLS to PostgreSQL: disable, allow, prefer, require, verify-ca or verify-full (default: $MIRABELLA_DB_SSLMODE, else the URL's or the driver's default).")
  String sslMode;

  @Option(names = "--db-sslrootcert", paramLabel = "FILE",
      description = "The CA certificate that signed the server's (default: $MIRABELLA_DB_SSLROOTCERT); needed by verify-ca and verify-full.")
  Path sslRootCert;

  static final java.util.List<String> SSL_MODES = java.util.List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  /**
   * The store's JDBC URL: the embedded H2 file in the data folder, or {@code --db} with the TLS
   * settings added (sslmode, sslrootcert) unless the URL names them itself. Never a password:
   * credentials come from the environment (MIRABELLA_DB_USER / MIRABELLA_DB_PASSWORD).
   */
  public String jdbcUrl() {
    if (db == null) {
      if (sslMode != null || sslRootCert != null || pool != null) {
        throw new InvalidData("Bad option", Map.of("--db", "--db-pool, --db-sslmode and --db-sslrootcert need --db jdbc:postgresql://…"));
      }
      return "jdbc:h2:file:" + dataDir().toAbsolutePath().resolve("mirabella") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
    String mode = sslMode != null ? sslMode : env("MIRABELLA_DB_SSLMODE");
    String cert = sslRootCert != null ? sslRootCert.toString() : env("MIRABELLA_DB_SSLROOTCERT");
    if (!db.startsWith("jdbc:postgresql:")) {
      if (mode != null || cert != null) throw new InvalidData("Bad option", Map.of("--db-sslmode", "TLS settings apply to jdbc:postgresql:// URLs"));
      return db;
    }
    StringBuilder url = new StringBuilder(db);
    if (mode != null) {
      if (!SSL_MODES.contains(mode)) throw new InvalidData("Bad option", Map.of("--db-sslmode", "'" + mode + "' is not one of " + String.join(", ", SSL_MODES)));
      if (!db.contains("sslmode=")) url.append(url.indexOf("?") < 0 ? '?' : '&').append("sslmode=").append(mode);
    }
    if (cert != null) {
      if (!Files.isReadable(Path.of(cert))) throw new InvalidData("Bad option", Map.of("--db-sslrootcert", cert + ": no such readable file"));
      if (!db.contains("sslrootcert=")) url.append(url.indexOf("?") < 0 ? '?' : '&').append("sslrootcert=").append(cert);
    }
    return url.toString();
  }

  /** The pool size for --db: the option, else MIRABELLA_DB_POOL, else null (the store's default). */
  public Integer poolSize() {
    Integer n = pool;
    if (n == null && env("MIRABELLA_DB_POOL") != null) {
      try {
        n = Integer.valueOf(env("MIRABELLA_DB_POOL").strip());
      } catch (NumberFormatException e) {
        throw new InvalidData("Bad setting", Map.of("MIRABELLA_DB_POOL", "'" + env("MIRABELLA_DB_POOL") + "' is not a number"));
      }
    }
    if (n != null && (n < 1 || n > 1000)) throw new InvalidData("Bad option", Map.of("--db-pool", n + " is not between 1 and 1000"));
    return n;
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }

  public Path dataDir() {
    if (data != null) return data;
    String env = System.getenv("MIRABELLA_DATA");
    return Path.of(env == null || env.isBlank() ? "data" : env);
  }

  /** The search index folder: {@code index} in the data folder (also with --db: the index is local). */
  public Path indexDir() {
    return dataDir().resolve("index");
  }

  /** True for the embedded store (no --db): its search index is this process's to keep, no server has it open. */
  public boolean embedded() {
    return db == null;
  }

  /** Opens the search index beside the store. */
  public org.mirabella.search.SearchIndex openIndex() {
    return org.mirabella.search.SearchIndex.open(indexDir(), org.mirabella.search.SearchIndex::matchingNameKeys);
  }

  /**
   * Opens a store that must be there already: for the commands that read or verify one (check,
   * backup, export, audit, entity), where a mistyped {@code --data} (or a run from another folder)
   * would otherwise create an empty store and report it, e.g. as consistent.
   */
  public Database openExisting() {
    if (db == null) {
      Path file = dataDir().resolve("mirabella.mv.db");
      if (!Files.isRegularFile(file)) {
        throw new Main.UserError("no store in " + dataDir() + " (expected " + file + "): give its folder with --data DIR or MIRABELLA_DATA");
      }
    }
    return open();
  }

  /**
   * Refuses an output file that is part of the embedded store: its database files ({@code mirabella.*}
   * in the data folder) or its search index. A backup or export written there replaced the live
   * database file with a zip or JSON lines (the store then failed to open: "Store header is corrupt").
   */
  public void requireOutsideStore(Path out) {
    if (db != null) return;
    Path folder = dataDir().toAbsolutePath().normalize();
    Path file = out.toAbsolutePath().normalize();
    boolean storeFile = folder.equals(file.getParent()) && file.getFileName().toString().startsWith("mirabella.");
    if (storeFile || file.startsWith(indexDir().toAbsolutePath().normalize())) {
      throw new Main.UserError("--out " + out + " is part of the store in " + dataDir() + ": write it outside the store's files");
    }
  }

  /** Opens the database (migrating it) and makes sure the agencies are known. */
  public Database open() {
    String url = jdbcUrl();
    Integer n = poolSize();
    // the store reads its pool size from this property (Database.open); set for this open only
    String before = System.getProperty("mirabella.db.pool");
    if (n != null) System.setProperty("mirabella.db.pool", String.valueOf(n));
    Database d;
    try {
      d = db == null ? Database.embedded(dataDir()) : Database.open(url, null, null);
    } finally {
      if (n != null) {
        if (before == null) System.clearProperty("mirabella.db.pool");
        else System.setProperty("mirabella.db.pool", before);
      }
    }
    new EntityStore(d, Model.get()).ensureAgencies(Agencies.get());
    return d;
  }
}
