package org.mirabella.ingest;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;

/**
 * A case file folder as {@code mirabella generate} writes it (or a unit delivers it): agency files
 * with their import mappings, listed in {@code manifest.csv} (file, agency, case, mapping, ...).
 * Read by the Spark bulk path and by {@code mirabella bench import --files}.
 */
public final class CaseFolder {
  private CaseFolder() {}

  /** One line of {@code manifest.csv}. */
  public record Part(String file, String agency, String caseRef, String mapping) implements Serializable {}

  /**
   * The files of a case file folder, from its {@code manifest.csv} (read with the core's CSV
   * reader); a missing manifest, column, file or mapping, an unknown agency or a bad mapping is an
   * {@link InvalidData} naming the manifest line, checked on the driver before any task starts.
   */
  public static List<Part> read(Path dir) {
    Path manifest = dir.resolve("manifest.csv");
    if (!Files.isRegularFile(manifest)) {
      throw new InvalidData("No manifest", Map.of(manifest.toString(), "missing: --files needs a folder written by 'mirabella generate' "
          + "(or one with a manifest.csv: file, agency, case, mapping)"));
    }
    List<Part> parts = new ArrayList<>();
    Map<String, Mapping> mappings = new HashMap<>();
    try (CsvSource in = new CsvSource(manifest, "manifest.csv", SourceSpec.defaults(SourceSpec.Format.CSV), "manifest")) {
      for (String c : List.of("file", "agency", "case", "mapping")) {
        if (!in.columns().contains(c)) throw new InvalidData("Bad manifest", Map.of(manifest + ": line 1", "no column '" + c + "'"));
      }
      org.mirabella.ingest.Row r;
      while ((r = in.next()) != null) {
        String where = manifest + ": line " + r.line();
        Part p = new Part(value(r, "file", where), value(r, "agency", where), value(r, "case", where), value(r, "mapping", where));
        if (!Files.isRegularFile(dir.resolve(p.file()))) throw new InvalidData("Missing file", Map.of(where, "no file " + dir.resolve(p.file())));
        try {
          Agencies.get().require(p.agency());
        } catch (InvalidData e) {
          throw new InvalidData("Unknown agency", Map.of(where, "agency '" + p.agency() + "': " + e.getMessage()));
        }
        // the mapping is checked here once (named errors), then loaded again by each task
        mappings.computeIfAbsent(p.mapping(), m -> MappingLoader.load(dir.resolve(m), Model.get()));
        parts.add(p);
      }
    }
    if (parts.isEmpty()) throw new InvalidData("Empty manifest", Map.of(manifest.toString(), "lists no file"));
    return parts;
  }

  private static String value(org.mirabella.ingest.Row r, String column, String where) {
    String v = r.get(column);
    if (v == null || v.isBlank()) throw new InvalidData("Bad manifest", Map.of(where, "column '" + column + "' is empty"));
    return v.strip();
  }
}
