package org.mirabella.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.mirabella.model.InvalidData;

/**
 * Online, consistent backups of a whole store in a portable form (a zip of one JSON-lines file per
 * table plus a manifest of row counts and checksums), restorable into an empty embedded or
 * PostgreSQL store. The snapshot is read in one repeatable-read transaction, so imports running
 * meanwhile are either wholly in it or not at all. Written by hand because no library moves a
 * schema's rows between H2 and PostgreSQL with a verifiable manifest.
 */
public final class Backup {
  public static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A table in the manifest. */
  public record TableEntry(String table, long rows, String checksum) {}

  private Backup() {}

  /** Writes a backup of {@code db} to {@code file} (atomically: a temp file then a move). */
  public static List<TableEntry> write(Database db, Path file) {
    Path tmp = file.resolveSibling(file.getFileName() + ".partial");
    List<TableEntry> entries = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String t : StoreCopy.tablesInDependencyOrder(c)) {
          zip.putNextEntry(new ZipEntry("tables/" + t + ".jsonl"));
          DigestOutputStream digest = new DigestOutputStream(zip, sha256());
          BufferedWriter w = new BufferedWriter(new OutputStreamWriter(digest, StandardCharsets.UTF_8));
          long rows = writeTable(c, t, w);
          w.flush();
          zip.closeEntry();
          digests.put(t, HexFormat.of().formatHex(digest.getMessageDigest().digest()));
          entries.add(new TableEntry(t, rows, StoreCopy.checksum(c, t)));
        }
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("created", Instant.now().toString());
        manifest.put("schemaVersion", schemaVersion(c));
        manifest.put("source", db.url());
        ArrayNode tables = manifest.putArray("tables");
        for (TableEntry e : entries) {
          tables.addObject().put("table", e.table()).put("rows", e.rows()).put("checksum", e.checksum()).put("sha256", digests.get(e.table()));
        }
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
      }
      c.commit();
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("backup failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }

  /**
   * Restores {@code file} into the empty store {@code db} (migrated to the same schema version),
   * in one transaction, and proves it: every table's count and checksum must equal the manifest's.
   */
  public static List<TableEntry> restore(Path file, Database db) {
    try (ZipFile zip = new ZipFile(file.toFile()); Connection c = db.dataSource().getConnection()) {
      ZipEntry m = zip.getEntry("manifest.json");
      if (m == null) throw new InvalidData("Not a Mirabella backup", Map.of(file.toString(), "no manifest.json"));
      JsonNode manifest = JSON.readTree(zip.getInputStream(m));
      if (manifest.path("format").asInt() != FORMAT) {
        throw new InvalidData("Unsupported backup", Map.of(file.toString(), "format " + manifest.path("format").asText()));
      }
      String version = schemaVersion(c);
      if (!manifest.path("schemaVersion").asText().equals(version)) {
        throw new InvalidData("Backup from another schema version", Map.of(file.toString(),
            "backup has " + manifest.path("schemaVersion").asText() + ", this store " + version));
      }
      verifyFiles(zip, manifest, file);
      List<String> present = StoreCopy.tablesInDependencyOrder(c);
      StoreCopy.requireNoCaseData(c, present, db.url());
      c.setAutoCommit(false);
      List<TableEntry> restored = new ArrayList<>();
      try {
        StoreCopy.clear(c, present);
        for (JsonNode t : manifest.get("tables")) {
          String table = t.get("table").asText();
          ZipEntry e = zip.getEntry("tables/" + table + ".jsonl");
          if (e == null) throw new InvalidData("Damaged backup", Map.of(file.toString(), "no rows for table " + table));
          try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8))) {
            readTable(c, table, r, file);
          }
        }
        for (JsonNode t : manifest.get("tables")) {
          String table = t.get("table").asText();
          TableEntry got = new TableEntry(table, StoreCopy.count(c, table), StoreCopy.checksum(c, table));
          if (got.rows() != t.get("rows").asLong() || !got.checksum().equals(t.get("checksum").asText())) {
            throw new InvalidData("Backup does not verify", Map.of(table, "restored " + got.rows() + " rows, manifest says "
                + t.get("rows").asLong() + (got.checksum().equals(t.get("checksum").asText()) ? "" : "; checksum differs")));
          }
          restored.add(got);
        }
        StoreCopy.resetIdentities(c, present);
        c.commit();
        return restored;
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("restore failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InvalidData("Cannot read the backup", Map.of(file.toString(), String.valueOf(e.getMessage())));
    }
  }

  /**
   * Every table file's SHA-256 against the manifest, before anything is written: a damaged or
   * edited backup is refused naming the table. (Backups of format 1 written before the digests
   * were recorded have none; their rows are still proved by the table checksums after loading.)
   */
  private static void verifyFiles(ZipFile zip, JsonNode manifest, Path file) throws IOException {
    for (JsonNode t : manifest.path("tables")) {
      String table = t.path("table").asText();
      ZipEntry e = zip.getEntry("tables/" + table + ".jsonl");
      if (e == null) throw new InvalidData("Damaged backup", Map.of(file.toString(), "no rows for table " + table));
      if (!t.hasNonNull("sha256")) continue;
      MessageDigest md = sha256();
      try (InputStream in = zip.getInputStream(e)) {
        byte[] buf = new byte[65_536];
        for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      }
      if (!HexFormat.of().formatHex(md.digest()).equals(t.get("sha256").asText())) {
        throw new InvalidData("Backup does not verify", Map.of(table, "the file's SHA-256 differs from the manifest: the backup was damaged or altered"));
      }
    }
  }

  /** SHA-256 of the manifest as written, printed by {@code mirabella backup} to be kept apart from the file. */
  public static String manifestDigest(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
      return HexFormat.of().formatHex(sha256().digest(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long writeTable(Connection c, String table, BufferedWriter w) throws SQLException, IOException {
    List<String> key = StoreCopy.primaryKey(c, table);
    try (Statement s = c.createStatement()) {
      s.setFetchSize(5_000);
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + (key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key)))) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        ArrayNode header = JSON.createArrayNode();
        for (int i = 1; i <= n; i++) header.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
        w.write(header.toString());
        w.newLine();
        long rows = 0;
        while (rs.next()) {
          ArrayNode row = JSON.createArrayNode();
          for (int i = 1; i <= n; i++) {
            Object v = rs.getObject(i);
            switch (v) {
              case null -> row.addNull();
              case java.sql.Timestamp ts -> row.add(ts.toInstant().toString());
              case OffsetDateTime t -> row.add(t.toInstant().toString());
              case java.sql.Date d -> row.add(d.toLocalDate().toString());
              case LocalDate d -> row.add(d.toString());
              case Number num -> row.add(new java.math.BigDecimal(num.toString()));
              case Boolean b -> row.add(b);
              case byte[] b -> row.add(Base64.getEncoder().encodeToString(b));
              default -> row.add(v.toString());
            }
          }
          w.write(row.toString());
          w.newLine();
          rows++;
        }
        return rows;
      }
    }
  }

  private static void readTable(Connection c, String table, BufferedReader r, Path file) throws IOException, SQLException {
    String headerLine = r.readLine();
    if (headerLine == null) throw new InvalidData("Damaged backup", Map.of(file.toString(), "table " + table + " is empty"));
    List<String> cols = new ArrayList<>();
    JSON.readTree(headerLine).forEach(n -> cols.add(n.asText()));
    Map<String, Integer> types = columnTypes(c, table);
    String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES (" + "?, ".repeat(cols.size() - 1) + "?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        JsonNode row = JSON.readTree(line);
        for (int i = 0; i < cols.size(); i++) {
          JsonNode v = row.get(i);
          int type = types.getOrDefault(cols.get(i), Types.VARCHAR);
          if (v == null || v.isNull()) ps.setNull(i + 1, type);
          else if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
            ps.setObject(i + 1, OffsetDateTime.ofInstant(Instant.parse(v.asText()), ZoneOffset.UTC));
          } else if (type == Types.DATE) ps.setObject(i + 1, LocalDate.parse(v.asText()));
          else if (type == Types.BINARY || type == Types.VARBINARY || type == Types.BLOB) ps.setBytes(i + 1, Base64.getDecoder().decode(v.asText()));
          else if (v.isNumber()) ps.setObject(i + 1, v.decimalValue(), type);
          else if (v.isBoolean()) ps.setBoolean(i + 1, v.asBoolean());
          else ps.setObject(i + 1, v.asText(), type);
        }
        ps.addBatch();
        if (++n % 5_000 == 0) ps.executeBatch();
      }
      ps.executeBatch();
    }
  }

  private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) out.put(md.getColumnName(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
    }
    return out;
  }

  private static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\" DESC")) {
      return rs.next() ? rs.getString(1) : "0";
    } catch (SQLException e) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT version FROM flyway_schema_history WHERE success = TRUE ORDER BY installed_rank DESC")) {
        return rs.next() ? rs.getString(1) : "0";
      }
    }
  }
}
