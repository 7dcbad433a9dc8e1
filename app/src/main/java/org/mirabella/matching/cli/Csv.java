package org.mirabella.matching.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader and writer for the evaluation commands: quoted fields with commas,
 * quotes and line breaks; every value trimmed. Files are read as UTF-8, or as ISO-8859-1 when they
 * are not valid UTF-8 (older benchmark files are Latin-1).
 */
final class Csv {
  /** Rows of a file, header first; {@code lines[i]} is the 1-based line where row i starts. */
  record Table(Path file, List<String> header, List<String[]> rows, int[] lines) {
    int column(String name) {
      return header.indexOf(name);
    }

    int require(String name) {
      int c = column(name);
      if (c < 0) throw new UserError(file.getFileName() + " line 1: no column '" + name + "' (columns: " + String.join(", ", header) + ")");
      return c;
    }
  }

  private Csv() {}

  static Table read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int line = 1;
    int rowStart = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') line++;
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else if (c == ',') {
        row.add(field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        row.add(field.toString().strip());
        field.setLength(0);
        if (!(row.size() == 1 && row.get(0).isEmpty() && !wasQuoted)) {
          rows.add(row.toArray(String[]::new));
          lines.add(rowStart);
        }
        row = new ArrayList<>();
        wasQuoted = false;
        line++;
        rowStart = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) throw new UserError(file.getFileName() + " line " + rowStart + ": unterminated quoted field");
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString().strip());
      rows.add(row.toArray(String[]::new));
      lines.add(rowStart);
    }
    if (rows.isEmpty()) throw new UserError(file.getFileName() + ": empty file, expected a header line");
    List<String> header = List.of(rows.get(0));
    int[] ls = new int[rows.size() - 1];
    for (int i = 1; i < rows.size(); i++) {
      ls[i - 1] = lines.get(i);
      if (rows.get(i).length != header.size()) {
        throw new UserError(file.getFileName() + " line " + lines.get(i) + ": " + rows.get(i).length + " fields, header has " + header.size());
      }
    }
    return new Table(file, header, rows.subList(1, rows.size()), ls);
  }

  static void writeRow(Writer w, String... values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) w.write(',');
      String v = values[i] == null ? "" : values[i];
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        w.write('"');
        w.write(v.replace("\"", "\"\""));
        w.write('"');
      } else {
        w.write(v);
      }
    }
    w.write('\n');
  }
}
