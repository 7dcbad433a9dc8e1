package org.mirabella.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table written to one file, or to several parts when a format has a row limit (an XLSX sheet holds
 * 1,048,576 rows): {@code jp-npa-crossings.xlsx}, {@code jp-npa-crossings-2.xlsx}, ... Knows the part
 * and row of the last row written, for the truth.
 */
final class PartedWriter implements TableWriter {
  /** One part: its path relative to the output folder and its data rows. */
  record Part(String file, long rows) {}

  /** Rows per XLSX part: below the sheet limit with room for the header. */
  static final long XLSX_ROWS = 1_000_000;

  private final TableWriterFactory factory;
  private final Path dir;
  private final String relDir;
  private final String base;
  private final String ext;
  private final AgencyProfile.Format format;
  private final List<String> header;
  private final long maxRows;
  private final List<Part> done = new ArrayList<>();
  private TableWriter current;
  private String currentFile;
  private long total;

  PartedWriter(TableWriterFactory factory, Path dir, String relDir, String fileName, AgencyProfile.Format format,
      List<String> header) throws IOException {
    this.factory = factory;
    this.dir = dir;
    this.relDir = relDir;
    int dot = fileName.lastIndexOf('.');
    this.base = fileName.substring(0, dot);
    this.ext = fileName.substring(dot);
    this.format = format;
    this.header = List.copyOf(header);
    this.maxRows = format.type().equals("xlsx") ? XLSX_ROWS : Long.MAX_VALUE;
    open(base + ext);
  }

  private void open(String name) throws IOException {
    current = factory.open(dir.resolve(name), format, header);
    currentFile = relDir + "/" + name;
  }

  @Override
  public void row(List<String> values) throws IOException {
    if (current.rows() >= maxRows) {
      done.add(new Part(currentFile, current.rows()));
      current.close();
      open(base + "-" + (done.size() + 1) + ext);
    }
    current.row(values);
    total++;
  }

  /** The file (relative to the output folder) that holds the last row written. */
  String file() {
    return currentFile;
  }

  /** The data row number of the last row written, within its file. */
  long rowInFile() {
    return current.rows();
  }

  @Override
  public long rows() {
    return total;
  }

  /** All parts with their row counts (after {@link #close()}). */
  List<Part> parts() {
    List<Part> all = new ArrayList<>(done);
    all.add(new Part(currentFile, current.rows()));
    return all;
  }

  @Override
  public void close() throws IOException {
    current.close();
  }
}
