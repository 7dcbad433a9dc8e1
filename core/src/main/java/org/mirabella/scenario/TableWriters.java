package org.mirabella.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mirabella.model.InvalidData;

/**
 * The core's writers: CSV (any delimiter and encoding, optional UTF-8 BOM, quotes only where needed)
 * and JSON lines (one object per row, every column a key, absent values empty strings, so that every
 * column of the mapping exists even where no row has a value for it). XLSX lives in the app, which passes
 * its factory to {@link #with(String, TableWriterFactory)}.
 */
public final class TableWriters {
  private TableWriters() {}

  /** CSV and JSON lines; anything else is refused with the format named. */
  public static TableWriterFactory standard() {
    return (file, format, header) -> switch (format.type()) {
      case "csv" -> new Csv(file, format, header);
      case "jsonl" -> new Jsonl(file, header);
      default -> throw new InvalidData("No writer", java.util.Map.of("format", "no writer for '" + format.type()
          + "' in the core (the app adds XLSX)"));
    };
  }

  /** This factory for one format, the standard ones for the others. */
  public static TableWriterFactory with(String type, TableWriterFactory special) {
    TableWriterFactory std = standard();
    return (file, format, header) -> format.type().equals(type) ? special.open(file, format, header) : std.open(file, format, header);
  }

  static final class Csv implements TableWriter {
    private final Writer out;
    private final char delimiter;
    private long rows;

    Csv(Path file, AgencyProfile.Format format, List<String> header) throws IOException {
      OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      Charset cs = Charset.forName(format.encoding());
      if (format.bom()) os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      this.out = new BufferedWriter(new OutputStreamWriter(os, cs), 1 << 16);
      this.delimiter = format.delimiter().charAt(0);
      line(header);
    }

    @Override
    public void row(List<String> values) throws IOException {
      line(values);
      rows++;
    }

    private final StringBuilder line = new StringBuilder(256);

    private void line(List<String> values) throws IOException {
      line.setLength(0);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) line.append(delimiter);
        String v = values.get(i);
        if (needsQuotes(v)) {
          line.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
          line.append(v);
        }
      }
      line.append('\n');
      out.append(line);
    }

    private boolean needsQuotes(String v) {
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') return true;
      }
      return false;
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  static final class Jsonl implements TableWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private final JsonGenerator gen;
    private final List<String> header;
    private long rows;

    Jsonl(Path file, List<String> header) throws IOException {
      this.gen = JSON.createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      this.gen.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      this.header = List.copyOf(header);
    }

    @Override
    public void row(List<String> values) throws IOException {
      gen.writeStartObject();
      for (int i = 0; i < header.size(); i++) {
        gen.writeStringField(header.get(i), values.get(i));
      }
      gen.writeEndObject();
      rows++;
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      if (rows > 0) gen.writeRaw('\n');
      gen.close();
    }
  }
}
