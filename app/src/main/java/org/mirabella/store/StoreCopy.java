package org.mirabella.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.mirabella.model.InvalidData;

/**
 * Copies every table of one Mirabella store into another (both migrated to the same version):
 * used by {@code mirabella migrate} to move a unit's embedded store into PostgreSQL. Tables are
 * copied parents first (by foreign keys), in one transaction on the target; afterwards each
 * table's row count and a checksum over its rows in primary-key order are compared, so a loss or
 * a change is caught, not assumed away.
 */
public final class StoreCopy {
  /** Per table: rows in the source, rows in the target, whether their checksums agree. */
  public record TableReport(String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum) {
    public boolean equal() {
      return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
    }
  }

  private static final int BATCH = 5_000;

  private StoreCopy() {}

  /**
   * Copies all tables from {@code source} into the empty {@code target}; {@code progress} gets
   * (table, rows copied so far). Refuses a target that already holds entities.
   */
  public static List<TableReport> copy(Database source, Database target, BiConsumer<String, Long> progress) {
    try (Connection src = source.dataSource().getConnection(); Connection dst = target.dataSource().getConnection()) {
      List<String> tables = tablesInDependencyOrder(src);
      requireNoCaseData(dst, tables, target.url());
      dst.setAutoCommit(false);
      try {
        clear(dst, tables);
        for (String t : tables) copyTable(src, dst, t, progress);
        resetIdentities(dst, tables);
        dst.commit();
      } catch (SQLException | RuntimeException e) {
        dst.rollback();
        throw e;
      }
      List<TableReport> out = new ArrayList<>();
      for (String t : tables) {
        out.add(new TableReport(t, count(src, t), count(dst, t), checksum(src, t), checksum(dst, t)));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("copy failed: " + e.getMessage(), e);
    }
  }

  /** Compares two stores table by table without copying (for checks after a migration or restore). */
  public static List<TableReport> compare(Database a, Database b) {
    try (Connection ca = a.dataSource().getConnection(); Connection cb = b.dataSource().getConnection()) {
      List<TableReport> out = new ArrayList<>();
      for (String t : tablesInDependencyOrder(ca)) out.add(new TableReport(t, count(ca, t), count(cb, t), checksum(ca, t), checksum(cb, t)));
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("compare failed: " + e.getMessage(), e);
    }
  }

  public static List<String> tablesInDependencyOrder(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String schema = c.getSchema();
    Set<String> tables = new LinkedHashSet<>();
    try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.equals("flyway_schema_history")) tables.add(name);
      }
    }
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    for (String t : tables) {
      Set<String> ps = new LinkedHashSet<>();
      try (ResultSet rs = md.getImportedKeys(null, schema, md.storesUpperCaseIdentifiers() ? t.toUpperCase(Locale.ROOT) : t)) {
        while (rs.next()) {
          String p = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!p.equals(t)) ps.add(p);
        }
      }
      parents.put(t, ps);
    }
    List<String> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (order.size() < tables.size()) {
      boolean progressed = false;
      for (String t : tables) {
        if (!done.contains(t) && done.containsAll(parents.get(t))) {
          order.add(t);
          done.add(t);
          progressed = true;
        }
      }
      if (!progressed) throw new IllegalStateException("foreign keys form a cycle among " + tables);
    }
    return order;
  }

  private static void copyTable(Connection src, Connection dst, String table, BiConsumer<String, Long> progress) throws SQLException {
    try (Statement s = src.createStatement()) {
      s.setFetchSize(BATCH);
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= n; i++) cols.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
        long rows = 0;
        try (PreparedStatement ps = dst.prepareStatement(sql)) {
          while (rs.next()) {
            for (int i = 1; i <= n; i++) ps.setObject(i, rs.getObject(i));
            ps.addBatch();
            if (++rows % BATCH == 0) {
              ps.executeBatch();
              progress.accept(table, rows);
            }
          }
          ps.executeBatch();
          progress.accept(table, rows);
        }
      }
    }
  }

  /** Tables whose rows are case data, users or audit: a target holding any of them is not empty. */
  static final List<String> CASE_DATA = List.of("entity", "statement", "case_file", "users", "audit_log", "hit");

  /**
   * Refuses a target that holds case data. Rows a new store seeds by itself (the agency list, the
   * audit chain's head, a token signing key) do not count: {@link #clear} replaces them.
   */
  public static void requireNoCaseData(Connection c, List<String> tables, String where) throws SQLException {
    for (String t : CASE_DATA) {
      if (tables.contains(t) && count(c, t) > 0) {
        throw new InvalidData("Target store is not empty", Map.of("db", "table " + t + " already has rows in " + where));
      }
    }
  }

  /**
   * After rows were inserted with their ids, moves each identity column's next value past the
   * largest id, so the store's own inserts do not collide with the copied rows.
   */
  public static void resetIdentities(Connection c, List<String> tables) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    boolean postgres = md.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    for (String t : tables) {
      List<String> identity = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, c.getSchema(), md.storesUpperCaseIdentifiers() ? t.toUpperCase(Locale.ROOT) : t, "%")) {
        while (rs.next()) if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) identity.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
      for (String col : identity) {
        long max;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + col + "), 0) FROM " + t)) {
          rs.next();
          max = rs.getLong(1);
        }
        try (Statement s = c.createStatement()) {
          if (postgres) s.execute("SELECT setval(pg_get_serial_sequence('" + t + "', '" + col + "'), " + Math.max(1, max) + ", " + (max > 0) + ")");
          else s.execute("ALTER TABLE " + t + " ALTER COLUMN " + col + " RESTART WITH " + (max + 1));
        }
      }
    }
  }

  /** Deletes every row of {@code tables} (children first), inside the caller's transaction. */
  public static void clear(Connection c, List<String> tables) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (int i = tables.size() - 1; i >= 0; i--) s.executeUpdate("DELETE FROM " + tables.get(i));
    }
  }

  public static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * SHA-256 over the rows in primary-key order, each value rendered in a database-neutral form
   * (timestamps as UTC instants, numbers without trailing zeros, text trimmed of CHAR padding).
   */
  public static String checksum(Connection c, String table) throws SQLException {
    List<String> key = primaryKey(c, table);
    String order = key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key);
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + order)) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) cols.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
        List<Integer> sorted = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) sorted.add(i);
        sorted.sort((x, y) -> cols.get(x).compareTo(cols.get(y)));
        while (rs.next()) {
          for (int i : sorted) {
            d.update(cols.get(i).getBytes(StandardCharsets.UTF_8));
            d.update((byte) '=');
            d.update(neutral(rs.getObject(i + 1)).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
          }
          d.update((byte) '\n');
        }
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String neutral(Object v) {
    if (v == null) return "\u2400";
    if (v instanceof java.sql.Timestamp t) return t.toInstant().toString();
    if (v instanceof java.time.OffsetDateTime t) return t.toInstant().toString();
    if (v instanceof java.time.ZonedDateTime t) return t.toInstant().toString();
    if (v instanceof java.math.BigDecimal b) return b.stripTrailingZeros().toPlainString();
    if (v instanceof Number n) return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    if (v instanceof String s) return s.stripTrailing();
    if (v instanceof byte[] b) return HexFormat.of().formatHex(b);
    return v.toString();
  }

  public static List<String> primaryKey(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<Integer, String> cols = new java.util.TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, c.getSchema(), md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table)) {
      while (rs.next()) cols.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(cols.values());
  }
}
