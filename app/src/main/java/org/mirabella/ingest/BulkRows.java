package org.mirabella.ingest;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows known to be new, written in bulk into one table on the import's connection (so inside its
 * transaction: a failed import rolls them back like any insert). {@link #jdbc} uses batched
 * {@code INSERT}s (H2); {@link #copy} uses PostgreSQL's {@code COPY … FROM STDIN} through pgjdbc's
 * {@link org.postgresql.copy.CopyManager}, one COPY per batch.
 */
abstract class BulkRows implements AutoCloseable {
  protected final String table;
  protected final List<String> columns;
  private long pending;

  private BulkRows(String table, List<String> columns) {
    this.table = table;
    this.columns = columns;
  }

  /** Batched INSERTs (any database). */
  static BulkRows jdbc(Connection c, String table, List<String> columns) throws SQLException {
    return new Jdbc(c, table, columns);
  }

  /** PostgreSQL COPY in CSV form. */
  static BulkRows copy(Connection c, String table, List<String> columns) throws SQLException {
    return new Copy(c.unwrap(PGConnection.class), table, columns);
  }

  /** Adds one row; values are Strings, Numbers, java.time values or null, in column order. */
  final void add(Object... values) throws SQLException {
    if (values.length != columns.size()) throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns);
    addRow(values);
    pending++;
  }

  /** Writes the rows added since the last flush; returns how many. */
  final long flush() throws SQLException {
    if (pending == 0) return 0;
    long n = pending;
    pending = 0;
    write();
    return n;
  }

  abstract void addRow(Object[] values) throws SQLException;

  abstract void write() throws SQLException;

  @Override
  public abstract void close() throws SQLException;

  private static final class Jdbc extends BulkRows {
    private final PreparedStatement insert;

    Jdbc(Connection c, String table, List<String> columns) throws SQLException {
      super(table, columns);
      this.insert = c.prepareStatement("INSERT INTO " + table + "(" + String.join(", ", columns) + ") VALUES ("
          + "?, ".repeat(columns.size() - 1) + "?)");
    }

    @Override
    void addRow(Object[] values) throws SQLException {
      for (int i = 0; i < values.length; i++) insert.setObject(i + 1, values[i]);
      insert.addBatch();
    }

    @Override
    void write() throws SQLException {
      insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }

  /**
   * COPY in PostgreSQL's CSV format. The encoding is written here rather than with a CSV library
   * because it is four rules that must match the server's reading exactly: every value quoted,
   * quotes doubled, NULL as an unquoted empty field, rows ended by a newline.
   */
  private static final class Copy extends BulkRows {
    private final PGConnection pg;
    private final StringWriter buffer = new StringWriter(1 << 16);

    Copy(PGConnection pg, String table, List<String> columns) {
      super(table, columns);
      this.pg = pg;
    }

    @Override
    void addRow(Object[] values) {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) buffer.append(',');
        Object v = values[i];
        if (v == null) continue;
        String s = v.toString();
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException(table + "." + columns.get(i) + ": a NUL character cannot be stored");
        buffer.append('"').append(s.replace("\"", "\"\"")).append('"');
      }
      buffer.append('\n');
    }

    @Override
    void write() throws SQLException {
      byte[] data = buffer.toString().getBytes(StandardCharsets.UTF_8);
      buffer.getBuffer().setLength(0);
      CopyIn in = pg.getCopyAPI().copyIn("COPY " + table + "(" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)");
      try {
        in.writeToCopy(data, 0, data.length);
        in.endCopy();
      } finally {
        if (in.isActive()) in.cancelCopy();
      }
    }

    @Override
    public void close() {
      buffer.getBuffer().setLength(0);
    }
  }
}
