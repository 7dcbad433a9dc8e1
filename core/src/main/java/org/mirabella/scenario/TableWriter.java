package org.mirabella.scenario;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes one agency export table row by row, in constant memory. */
public interface TableWriter extends Closeable {
  /** One row, its values in header order; empty strings are absent values. */
  void row(List<String> values) throws IOException;

  /** Rows written so far. */
  long rows();
}
