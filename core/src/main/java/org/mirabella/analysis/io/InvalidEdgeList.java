package org.mirabella.analysis.io;

/**
 * An edge-list file that cannot be read, naming the file, the 1-based line and the field, e.g.
 * {@code edges.csv line 14: weight: not a number: 'x'}. Raised by the core, rendered once by each
 * adapter (the CLI exits 2 with this message).
 */
public final class InvalidEdgeList extends RuntimeException {
  private final String file;
  private final long line;
  private final String field;

  public InvalidEdgeList(String file, long line, String field, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ": " + (field == null ? "" : field + ": ") + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public String file() {
    return file;
  }

  /** 1-based line number, or 0 if the problem is not tied to one line. */
  public long line() {
    return line;
  }

  /** The field ({@code source}, {@code target}, {@code weight}, {@code header}), or null. */
  public String field() {
    return field;
  }
}
