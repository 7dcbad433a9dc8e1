package org.mirabella.ingest;

import java.util.List;

/** One record of a source file: values by column, where it was, and its original text. */
public interface Row {
  /** The line (1-based) where the record starts; for XLSX the sheet's row number. */
  long line();

  /** The value of a column, untrimmed; null when the row has none. */
  String get(String column);

  /** Every value of a column: one for table formats, several for a JSON array. */
  default List<String> values(String column) {
    String v = get(column);
    return v == null ? List.of() : List.of(v);
  }

  /** The record as the source gave it, for the rejects file. */
  String raw();
}
