package org.mirabella.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a generated case file back in tests: the manifest, each agency file (CSV with its mapping's
 * delimiter and encoding, JSON lines; XLSX files are written as CSV by {@link #factory()} in the core's
 * tests) and the truth tables.
 */
final class ScenarioFiles {
  private ScenarioFiles() {}

  /** The standard writers, with XLSX agencies written as UTF-8 CSV (the core has no POI). */
  static TableWriterFactory factory() {
    return TableWriters.with("xlsx", (file, format, header) -> TableWriters.standard().open(file,
        new AgencyProfile.Format("csv", ",", "UTF-8", false, null), header));
  }

  static List<Map<String, String>> csv(Path file) {
    return csv(file, ",", StandardCharsets.UTF_8);
  }

  static List<Map<String, String>> csv(Path file, String delimiter, Charset cs) {
    try {
      String text = Files.readString(file, cs);
      if (text.startsWith("\uFEFF")) text = text.substring(1);
      List<List<String>> lines = parse(text, delimiter.charAt(0));
      List<Map<String, String>> out = new ArrayList<>();
      List<String> header = lines.get(0);
      for (int i = 1; i < lines.size(); i++) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int j = 0; j < header.size(); j++) row.put(header.get(j), j < lines.get(i).size() ? lines.get(i).get(j) : "");
        out.add(row);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<List<String>> parse(String text, char d) {
    List<List<String>> lines = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') quoted = false;
        else f.append(c);
      } else if (c == '"') quoted = true;
      else if (c == d) {
        cur.add(f.toString());
        f.setLength(0);
      } else if (c == '\n') {
        cur.add(f.toString());
        f.setLength(0);
        lines.add(cur);
        cur = new ArrayList<>();
      } else f.append(c);
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, String>> jsonl(Path file, List<String> header) {
    ObjectMapper json = new ObjectMapper();
    try {
      List<Map<String, String>> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        Map<String, String> raw = json.readValue(line, LinkedHashMap.class);
        Map<String, String> row = new LinkedHashMap<>();
        for (String h : header) row.put(h, raw.getOrDefault(h, ""));
        out.add(row);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data rows of an agency file, by column name, as its mapping says to read it. */
  static List<Map<String, String>> rows(Path out, Map<String, String> entry) {
    Path file = out.resolve(entry.get("file"));
    AgencyProfile p = AgencyProfile.of(entry.get("agency"));
    String table = file.getFileName().toString().replace(p.prefix() + "-", "").replaceAll("\\..*", "");
    return switch (entry.get("format")) {
      case "jsonl" -> jsonl(file, Tables.header(table, p));
      case "xlsx" -> csv(file);
      default -> csv(file, p.format().delimiter(), Charset.forName(p.format().encoding()));
    };
  }
}
