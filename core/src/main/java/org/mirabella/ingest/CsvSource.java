package org.mirabella.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * CSV as agencies export it (RFC 4180 with a chosen delimiter and quote; quoted fields may hold
 * delimiters, doubled quotes and line breaks). Streams with one record in memory. A quote left
 * open at the end, or a last record cut short without a final line break, means the file is
 * truncated: the file fails. A record with the wrong number of fields elsewhere is a row-level
 * problem, reported by {@link #fieldCountProblem}.
 */
public final class CsvSource implements RowSource {
  private final String file;
  private final char delimiter;
  private final char quote;
  private final String encoding;
  private final CountingInputStream counting;
  private final Reader reader;
  private final long size;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private long line = 1;
  private boolean eof;
  private boolean endedWithNewline = true;
  private final List<String> header;
  private final Map<String, Integer> index = new HashMap<>();

  public CsvSource(Path path, String displayName, SourceSpec spec, String mappingName) {
    this.file = displayName;
    this.delimiter = spec.delimiter();
    this.quote = spec.quote();
    this.encoding = spec.encoding();
    try {
      this.size = Files.size(path);
      this.counting = new CountingInputStream(Files.newInputStream(path));
      this.reader = Encodings.reader(new BufferedInputStream(counting, Encodings.SNIFF * 2), spec.encoding(), mappingName);
    } catch (IOException e) {
      throw new InvalidData("Cannot read file", Map.of(displayName, String.valueOf(e.getMessage())));
    }
    for (int i = 0; i < spec.skipRows(); i++) skipLine();
    List<String> h = readRecord();
    if (h == null) throw new InvalidData("Malformed file", Map.of(file, "empty: no header row"));
    List<String> cols = new ArrayList<>();
    for (String c : h) cols.add(c.strip());
    this.header = List.copyOf(cols);
    for (int i = 0; i < header.size(); i++) index.putIfAbsent(header.get(i), i);
  }

  @Override
  public List<String> columns() {
    return header;
  }

  @Override
  public Row next() {
    while (true) {
      long start = line;
      List<String> rec = readRecord();
      if (rec == null) return null;
      if (rec.size() == 1 && rec.get(0).isEmpty()) continue; // blank line
      if (rec.size() < header.size() && eof && !endedWithNewline) {
        throw new InvalidData("Malformed file", Map.of(file + " line " + start,
            "the last row has " + rec.size() + " of " + header.size() + " fields and no line end: the file is truncated"));
      }
      String[] cells = rec.toArray(new String[0]);
      return new CsvRow(start, index, cells, header.size(), delimiter, quote);
    }
  }

  /** The reason a row's shape is wrong, or null when it has as many fields as the header. */
  public static String fieldCountProblem(Row row) {
    if (row instanceof CsvRow r && r.cells().length != r.expected()) {
      return "the row has " + r.cells().length + " fields, the header has " + r.expected();
    }
    return null;
  }

  @Override
  public long done() {
    return counting.count();
  }

  @Override
  public long total() {
    return size;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean fill() {
    if (eof) return false;
    try {
      len = reader.read(buf, 0, buf.length);
    } catch (CharacterCodingException e) {
      throw new InvalidData("Malformed file", Map.of(file + " line " + line,
          "not valid " + Encodings.describe(encoding) + " text (set source.encoding in the mapping, e.g. windows-1252, or auto)"));
    } catch (IOException e) {
      throw new InvalidData("Cannot read file", Map.of(file + " line " + line, String.valueOf(e.getMessage())));
    }
    pos = 0;
    if (len <= 0) {
      eof = true;
      len = 0;
      return false;
    }
    return true;
  }

  private void skipLine() {
    while (true) {
      if (pos >= len && !fill()) return;
      char c = buf[pos++];
      if (c == '\n') {
        line++;
        return;
      }
    }
  }

  /** One record, or null at the end of the file. */
  private List<String> readRecord() {
    if (pos >= len && !fill()) return null;
    List<String> fields = new ArrayList<>(header == null ? 16 : header.size());
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    long start = line;
    while (true) {
      if (pos >= len && !fill()) {
        if (quoted) {
          throw new InvalidData("Malformed file", Map.of(file + " line " + start,
              "a quoted field is not closed at the end of the file: the file is truncated (or its quote is not " + quote + ")"));
        }
        endedWithNewline = false;
        fields.add(field.toString());
        return fields;
      }
      char c = buf[pos++];
      if (quoted) {
        if (c == quote) {
          if (pos >= len) fill();
          if (pos < len && buf[pos] == quote) {
            field.append(quote);
            pos++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') line++;
          field.append(c);
        }
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n') {
        line++;
        int n = field.length();
        if (!wasQuoted && n > 0 && field.charAt(n - 1) == '\r') field.setLength(n - 1);
        fields.add(field.toString());
        endedWithNewline = true;
        return fields;
      } else if (c == quote && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == '\r' && wasQuoted) {
        // CR after a closing quote: part of a CRLF line end.
      } else {
        field.append(c);
      }
    }
  }

  /** A CSV record; its raw text is rebuilt from the cells (quoted where needed) for the rejects file. */
  record CsvRow(long line, Map<String, Integer> index, String[] cells, int expected, char delimiter, char quote) implements Row {
    @Override
    public String get(String column) {
      Integer i = index.get(column);
      return i == null || i >= cells.length ? null : cells[i];
    }

    @Override
    public String raw() {
      return Csv.join(cells, delimiter, quote);
    }
  }
}
