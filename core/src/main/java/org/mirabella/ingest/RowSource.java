package org.mirabella.ingest;

import java.io.Closeable;
import java.util.List;

/**
 * Reads the records of one file, streaming: only the current record is held. A file that cannot be
 * read as its format (truncated, malformed, wrong encoding) raises {@link org.mirabella.model.InvalidData}
 * naming the file and line.
 */
public interface RowSource extends Closeable {
  /** The header's columns; null where the format has no header (JSON lines). */
  List<String> columns();

  /** The next record, or null at the end. */
  Row next();

  /** Progress: units done ({@link #total()} units in all, or -1 when unknown). */
  long done();

  long total();

  @Override
  void close();
}
