package org.mirabella.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an import read and rejected. Rejects are counted by kind ({@link Reject#kind()}); at most
 * {@value #MAX_KINDS} kinds are listed, the rest counted under "other reasons".
 */
public final class ImportSummary {
  static final int MAX_KINDS = 50;
  private final Map<String, Long> rowsByFile = new LinkedHashMap<>();
  private final Map<String, Long> rejectedByReason = new LinkedHashMap<>();
  private long rowsRead;
  private long rowsRejected;
  private long entitiesMapped;
  private long statementsMapped;

  void row(String file) {
    rowsRead++;
    rowsByFile.merge(file, 1L, Long::sum);
  }

  void fileStarted(String file) {
    rowsByFile.putIfAbsent(file, 0L);
  }

  void rejected(Reject first) {
    rowsRejected++;
    String kind = first.kind();
    if (rejectedByReason.containsKey(kind) || rejectedByReason.size() < MAX_KINDS) rejectedByReason.merge(kind, 1L, Long::sum);
    else rejectedByReason.merge("other reasons", 1L, Long::sum);
  }

  void mapped(long entities, long statements) {
    entitiesMapped += entities;
    statementsMapped += statements;
  }

  public long rowsRead() {
    return rowsRead;
  }

  public long rowsRejected() {
    return rowsRejected;
  }

  /** Entities made from rows (an entity made by several rows counts once per row). */
  public long entitiesMapped() {
    return entitiesMapped;
  }

  public long statementsMapped() {
    return statementsMapped;
  }

  public Map<String, Long> rowsByFile() {
    return Collections.unmodifiableMap(rowsByFile);
  }

  /** Rejected rows by the kind of their first problem. */
  public Map<String, Long> rejectedByReason() {
    return Collections.unmodifiableMap(rejectedByReason);
  }
}
