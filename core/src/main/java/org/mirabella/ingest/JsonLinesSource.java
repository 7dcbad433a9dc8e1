package org.mirabella.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
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
 * JSON lines: one object per line. Nested objects are read by dotted path ({@code persona.nome});
 * an array of scalars gives several values; a key with {@code null} or {@code []} is a column without a
 * value on that line. A line that is not a JSON object fails the file (a cut
 * last line is how a truncated export looks).
 */
public final class JsonLinesSource implements RowSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String file;
  private final String encoding;
  private final CountingInputStream counting;
  private final BufferedReader reader;
  private final long size;
  private long line;

  public JsonLinesSource(Path path, String displayName, SourceSpec spec, String mappingName) {
    this.file = displayName;
    this.encoding = spec.encoding();
    try {
      this.size = Files.size(path);
      this.counting = new CountingInputStream(Files.newInputStream(path));
      this.reader = new BufferedReader(Encodings.reader(new BufferedInputStream(counting, Encodings.SNIFF * 2),
          spec.encoding(), mappingName), 64 * 1024);
    } catch (IOException e) {
      throw new InvalidData("Cannot read file", Map.of(displayName, String.valueOf(e.getMessage())));
    }
  }

  @Override
  public List<String> columns() {
    return null;
  }

  /** The next non-blank line as a JSON object, or null at the end. */
  JsonNode nextNode() {
    while (true) {
      String text;
      try {
        text = reader.readLine();
      } catch (CharacterCodingException e) {
        throw new InvalidData("Malformed file", Map.of(file + " line " + (line + 1),
            "not valid " + Encodings.describe(encoding) + " text (set source.encoding in the mapping)"));
      } catch (IOException e) {
        throw new InvalidData("Cannot read file", Map.of(file, String.valueOf(e.getMessage())));
      }
      if (text == null) return null;
      line++;
      if (text.isBlank()) continue;
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new InvalidData("Malformed file", Map.of(file + " line " + line,
            "not valid JSON (" + e.getOriginalMessage() + "): the file is truncated or not JSON lines"));
      }
      if (node == null || !node.isObject()) {
        throw new InvalidData("Malformed file", Map.of(file + " line " + line, "not a JSON object"));
      }
      lastText = text;
      return node;
    }
  }

  private String lastText;

  long line() {
    return line;
  }

  String lastText() {
    return lastText;
  }

  @Override
  public Row next() {
    JsonNode node = nextNode();
    if (node == null) return null;
    Map<String, List<String>> values = new HashMap<>();
    flatten("", node, values);
    return new JsonRow(line, values, lastText);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, List<String>> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out));
    } else if (node.isArray()) {
      out.computeIfAbsent(prefix, k -> new ArrayList<>(1));
      for (JsonNode n : node) flatten(prefix, n, out);
    } else if (node.isNull()) {
      out.computeIfAbsent(prefix, k -> new ArrayList<>(1)); // the key is there, without a value
    } else {
      out.computeIfAbsent(prefix, k -> new ArrayList<>(1)).add(node.asText());
    }
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

  record JsonRow(long line, Map<String, List<String>> map, String raw) implements Row {
    @Override
    public String get(String column) {
      List<String> v = map.get(column);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    public List<String> values(String column) {
      List<String> v = map.get(column);
      return v == null ? List.of() : v;
    }

    boolean has(String column) {
      return map.containsKey(column);
    }
  }
}
