package org.mirabella.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.model.Schema;

/**
 * An import mapping (docs/import-mapping.md): how an agency's export is read ({@link SourceSpec}),
 * which per-row provenance it carries and which entities each row makes. Built by
 * {@link MappingLoader}, which has already checked schemata and properties; columns are checked
 * against the file's header by {@link #requireColumns}.
 */
public record Mapping(String name, SourceSpec source, ProvenanceSpec provenance, Map<String, EntitySpec> entities) {

  /** Mapping for FtM entity files, which need no entity definitions. */
  public static Mapping ftm(String name) {
    return new Mapping(name, SourceSpec.defaults(SourceSpec.Format.FTM), ProvenanceSpec.NONE, Map.of());
  }

  /** Per-row provenance: each a literal or a mapped column, or null for the command line's default. */
  public record ProvenanceSpec(ValueSpec category, ValueSpec handling, ValueSpec handlingCondition, ValueSpec grade) {
    public static final ProvenanceSpec NONE = new ProvenanceSpec(null, null, null, null);
  }

  /** A literal, or a column's value optionally translated through {@code map}. */
  public record ValueSpec(String path, String literal, String column, Map<String, String> map) {}

  /** One entity made from each row (when its keys have values). */
  public record EntitySpec(String name, String path, Schema schema, List<String> keys, List<String> required,
      ValueSpec category, List<PropertySpec> properties) {}

  /**
   * One property: exactly one of {@code columns} (a {@code column} is a list of one), {@code literals},
   * {@code template} or {@code entity}; {@code split}, {@code join} and {@code format} refine it.
   */
  public record PropertySpec(String path, String property, List<String> columns, List<String> literals, String template,
      String entity, String split, String join, String format) {

    /** The columns a template names, in order. */
    public List<String> templateColumns() {
      List<String> out = new ArrayList<>();
      if (template == null) return out;
      var m = Templates.PLACEHOLDER.matcher(template);
      while (m.find()) out.add(m.group(1));
      return out;
    }
  }

  /** Every column the mapping reads, each with the mapping path that names it (for error messages). */
  public Map<String, String> columnPaths() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (ValueSpec v : new ValueSpec[] {provenance.category(), provenance.handling(), provenance.handlingCondition(), provenance.grade()}) {
      if (v != null && v.column() != null) out.putIfAbsent(v.column(), v.path() + ".column");
    }
    for (EntitySpec e : entities.values()) {
      for (String k : e.keys()) out.putIfAbsent(k, e.path() + ".keys");
      for (String r : e.required()) out.putIfAbsent(r, e.path() + ".required");
      if (e.category() != null && e.category().column() != null) out.putIfAbsent(e.category().column(), e.category().path() + ".column");
      for (PropertySpec p : e.properties()) {
        for (String c : p.columns()) out.putIfAbsent(c, p.path() + (p.columns().size() == 1 ? ".column" : ".columns"));
        for (String c : p.templateColumns()) out.putIfAbsent(c, p.path() + ".template");
      }
    }
    return out;
  }

  /**
   * Fails, naming the first mapping path and the file, when the mapping reads a column the file does
   * not have. {@code header} is the file's columns.
   */
  public void requireColumns(List<String> header, String file) {
    Set<String> have = new LinkedHashSet<>(header);
    for (var e : columnPaths().entrySet()) {
      if (!have.contains(e.getKey())) {
        throw new org.mirabella.model.InvalidData("Bad mapping", Map.of(name + ": " + e.getValue(),
            "no column '" + e.getKey() + "' in " + file + " (columns: " + String.join(", ", header) + ")"));
      }
    }
  }
}
