package org.mirabella.ingest;

/** A row that was not imported: where it was, the column at fault, why, and the row as the source gave it. */
public record Reject(String file, long line, String column, String reason, String row) {
  /**
   * The reason without the value it quotes, for counting rejects by kind:
   * {@code amount: not a number: '12x'} becomes {@code amount: not a number: '…'}.
   */
  public String kind() {
    String r = reason.replaceAll("'[^']*'", "'…'");
    return column == null || column.isEmpty() ? r : column + ": " + r;
  }
}
