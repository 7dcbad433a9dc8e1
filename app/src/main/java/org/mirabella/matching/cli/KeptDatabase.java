package org.mirabella.matching.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mirabella.cli.Main;
import org.mirabella.store.Database;

/**
 * A benchmark store kept in its own PostgreSQL database between runs ({@code bench match --store-db}),
 * and measured on a copy: {@code CREATE DATABASE copy TEMPLATE kept} copies the database's files, a
 * few seconds for a store that took minutes to fill, and the copy is dropped after the run, so that
 * every run starts from the same store and its figures are comparable.
 *
 * <p>PostgreSQL copies a template only while nothing is connected to it: the kept database is opened
 * (Flyway brings it to the current migrations) and closed before each copy.
 */
final class KeptDatabase {
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

  private final String serverUrl;
  private final String name;
  private final PrintWriter out;

  KeptDatabase(String serverUrl, String name, PrintWriter out) {
    if (!URL.matcher(serverUrl).matches()) {
      throw new Main.UserError("--db " + serverUrl + ": not a jdbc:postgresql://host[:port]/database[?parameters] URL", 2);
    }
    if (!NAME.matcher(name).matches()) {
      throw new Main.UserError("--store-db " + name + ": a database name of lower-case letters, digits and _ (at most 41)", 2);
    }
    this.serverUrl = serverUrl;
    this.name = name;
    this.out = out;
  }

  /** The URL of database {@code db} on the same server, with the same parameters. */
  static String urlOf(String serverUrl, String db) {
    Matcher m = URL.matcher(serverUrl);
    if (!m.matches()) throw new Main.UserError("--db " + serverUrl + ": not a jdbc:postgresql:// URL", 2);
    return m.group(1) + db + (m.group(3) == null ? "" : m.group(3));
  }

  /**
   * Fills the kept database with {@code fill} when it does not exist yet, then runs {@code measure}
   * on a copy of it (given the copy's store and database name), dropped after (also when
   * {@code measure} fails).
   */
  void run(Consumer<Database> fill, java.util.function.BiConsumer<Database, String> measure) {
    long t0 = System.nanoTime();
    if (!exists(name)) {
      execute("CREATE DATABASE " + name);
      try (Database db = Database.open(urlOf(serverUrl, name), null, null)) {
        fill.accept(db);
      }
      out.printf(Locale.ROOT, "  store kept in database %s (%.1f s)%n", name, (System.nanoTime() - t0) / 1e9);
    } else {
      // brings the kept store to the current migrations, so that each copy does not redo them
      try (Database db = Database.open(urlOf(serverUrl, name), null, null)) {
        db.dialect();
      }
    }
    String copy = name + "_run_" + Long.toHexString(System.nanoTime() & 0xffffffffL);
    long t1 = System.nanoTime();
    execute("CREATE DATABASE " + copy + " TEMPLATE " + name + (serverVersion() >= 15 ? " STRATEGY FILE_COPY" : ""));
    out.printf(Locale.ROOT, "  store: database %s copied to %s in %.1f s (not counted)%n", name, copy, (System.nanoTime() - t1) / 1e9);
    out.flush();
    try (Database db = Database.open(urlOf(serverUrl, copy), null, null)) {
      measure.accept(db, copy);
    } finally {
      execute("DROP DATABASE IF EXISTS " + copy + (serverVersion() >= 13 ? " WITH (FORCE)" : ""));
    }
  }

  boolean exists(String db) {
    try (Connection c = DriverManager.getConnection(serverUrl);
        PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      st.setString(1, db);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new Main.UserError("--db " + serverUrl + ": " + e.getMessage(), 2);
    }
  }

  private int serverVersion() {
    try (Connection c = DriverManager.getConnection(serverUrl)) {
      return c.getMetaData().getDatabaseMajorVersion();
    } catch (SQLException e) {
      throw new Main.UserError("--db " + serverUrl + ": " + e.getMessage(), 2);
    }
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(serverUrl); var st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new Main.UserError("--db " + serverUrl + ": " + sql + ": " + e.getMessage(), 2);
    }
  }
}
