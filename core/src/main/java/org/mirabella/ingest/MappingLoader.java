package org.mirabella.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.ingest.Mapping.EntitySpec;
import org.mirabella.ingest.Mapping.PropertySpec;
import org.mirabella.ingest.Mapping.ProvenanceSpec;
import org.mirabella.ingest.Mapping.ValueSpec;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;
import org.mirabella.model.types.Types;

/**
 * Reads an import mapping (docs/import-mapping.md) strictly: an unknown key, an unknown schema or
 * property, a reference to an entity the mapping does not make, or a bad date pattern fails with
 * {@link InvalidData} titled "Bad mapping", keyed by {@code FILE: path.to.key}.
 */
public final class MappingLoader {
  // A key given twice would otherwise keep the last value silently (a copy-pasted property line lost).
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  private static final Set<String> TOP = Set.of("source", "provenance", "entities");
  private static final Set<String> SOURCE = Set.of("format", "delimiter", "quote", "encoding", "sheet", "dateFormats",
      "decimalComma", "skipRows");
  private static final Set<String> PROVENANCE = Set.of("category", "handling", "handlingCondition", "grade");
  private static final Set<String> ENTITY = Set.of("schema", "keys", "required", "category", "properties");
  private static final Set<String> PROPERTY = Set.of("column", "columns", "literal", "literals", "template", "entity",
      "split", "join", "format");
  private static final Set<String> VALUE = Set.of("column", "map", "literal");

  private final Model model;
  private final String name;

  private MappingLoader(Model model, String name) {
    this.model = model;
    this.name = name;
  }

  public static Mapping load(Path file, Model model) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.getFileName().toString(), model);
    } catch (IOException e) {
      throw new InvalidData("Bad mapping", Map.of(file.toString(), "cannot read: " + e.getMessage()));
    }
  }

  public static Mapping load(InputStream in, String name, Model model) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      java.util.regex.Matcher dup = java.util.regex.Pattern.compile("^Duplicate field '(.*)' for").matcher(e.getOriginalMessage());
      if (!dup.find()) throw new InvalidData("Bad mapping", Map.of(name, "not valid YAML: " + e.getOriginalMessage()));
      throw new InvalidData("Bad mapping", Map.of(name + " line " + e.getLocation().getLineNr(), "key '" + dup.group(1) + "' is given twice"));
    } catch (IOException e) {
      throw new InvalidData("Bad mapping", Map.of(name, "not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
    }
    return new MappingLoader(model, name).read(root);
  }

  private InvalidData bad(String path, String message) {
    return new InvalidData("Bad mapping", Map.of(name + ": " + path, message));
  }

  private void keys(JsonNode node, String path, Set<String> allowed) {
    if (node == null || !node.isObject()) throw bad(path, "must be a mapping of keys to values");
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw bad(path.isEmpty() ? k : path + "." + k, "unknown key '" + k + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  private Mapping read(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) throw new InvalidData("Bad mapping", Map.of(name, "empty mapping"));
    if (!root.isObject()) throw new InvalidData("Bad mapping", Map.of(name, "must be a mapping with source, provenance and entities"));
    keys(root, "", TOP);
    SourceSpec source = source(root.get("source"));
    ProvenanceSpec prov = ProvenanceSpec.NONE;
    JsonNode p = root.get("provenance");
    if (p != null) {
      keys(p, "provenance", PROVENANCE);
      prov = new ProvenanceSpec(value(p.get("category"), "provenance.category"), value(p.get("handling"), "provenance.handling"),
          value(p.get("handlingCondition"), "provenance.handlingCondition"), value(p.get("grade"), "provenance.grade"));
    }
    JsonNode es = root.get("entities");
    Map<String, EntitySpec> entities = new LinkedHashMap<>();
    if (source.format() == SourceSpec.Format.FTM) {
      if (es != null && es.size() > 0) throw bad("entities", "an FtM source needs no entities: each line is an entity");
      return new Mapping(name, source, prov, entities);
    }
    if (es == null || !es.isObject() || es.isEmpty()) throw bad("entities", "at least one entity is needed");
    es.fieldNames().forEachRemaining(n -> entities.put(n, null));
    for (var it = es.fields(); it.hasNext(); ) {
      var f = it.next();
      entities.put(f.getKey(), entity(f.getKey(), f.getValue(), entities));
    }
    Mapping m = new Mapping(name, source, prov, entities);
    checkReferences(m);
    return m;
  }

  private SourceSpec source(JsonNode s) {
    if (s == null) return SourceSpec.defaults(SourceSpec.Format.CSV);
    keys(s, "source", SOURCE);
    SourceSpec.Format format = SourceSpec.Format.CSV;
    if (s.has("format")) {
      format = SourceSpec.Format.parse(s.get("format").asText());
      if (format == null) throw bad("source.format", "unknown format '" + s.get("format").asText() + "' (use csv, jsonl, xlsx or ftm)");
    }
    char delimiter = oneChar(s, "delimiter", ',');
    char quote = oneChar(s, "quote", '"');
    String encoding = s.has("encoding") ? s.get("encoding").asText() : null;
    if (encoding != null) Encodings.charset(encoding, name);
    String sheet = s.has("sheet") ? s.get("sheet").asText() : null;
    List<String> dateFormats = strings(s.get("dateFormats"), "source.dateFormats");
    for (int i = 0; i < dateFormats.size(); i++) DateFormats.check(dateFormats.get(i), name + ": source.dateFormats[" + i + "]");
    boolean decimalComma = false;
    if (s.has("decimalComma")) {
      if (!s.get("decimalComma").isBoolean()) throw bad("source.decimalComma", "must be true or false");
      decimalComma = s.get("decimalComma").asBoolean();
    }
    int skipRows = 0;
    if (s.has("skipRows")) {
      if (!s.get("skipRows").canConvertToInt() || s.get("skipRows").asInt() < 0) throw bad("source.skipRows", "must be a whole number >= 0");
      skipRows = s.get("skipRows").asInt();
    }
    return new SourceSpec(format, delimiter, quote, encoding, sheet, dateFormats, decimalComma, skipRows);
  }

  private char oneChar(JsonNode s, String key, char dflt) {
    if (!s.has(key)) return dflt;
    String v = s.get(key).asText();
    if (v.equals("\\t") || v.equalsIgnoreCase("tab")) return '\t';
    if (v.length() != 1) throw bad("source." + key, "must be one character, not '" + v + "'");
    return v.charAt(0);
  }

  private List<String> strings(JsonNode n, String path) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) return out;
    if (n.isValueNode()) {
      out.add(n.asText());
      return out;
    }
    if (!n.isArray()) throw bad(path, "must be a list of strings");
    for (JsonNode x : n) {
      if (!x.isValueNode()) throw bad(path, "must be a list of strings");
      out.add(x.asText());
    }
    return out;
  }

  private ValueSpec value(JsonNode n, String path) {
    if (n == null || n.isNull()) return null;
    if (n.isValueNode()) return new ValueSpec(path, n.asText(), null, Map.of());
    keys(n, path, VALUE);
    if (n.has("literal") == n.has("column")) throw bad(path, "give either column or literal");
    if (n.has("literal")) return new ValueSpec(path, n.get("literal").asText(), null, Map.of());
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode m = n.get("map");
    if (m != null) {
      if (!m.isObject()) throw bad(path + ".map", "must map source values to Mirabella values");
      m.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asText()));
    }
    return new ValueSpec(path, null, n.get("column").asText(), map);
  }

  private EntitySpec entity(String entityName, JsonNode n, Map<String, EntitySpec> all) {
    String path = "entities." + entityName;
    keys(n, path, ENTITY);
    if (!n.has("schema")) throw bad(path + ".schema", "required");
    String schemaName = n.get("schema").asText();
    Schema schema = model.schema(schemaName);
    if (schema == null) throw bad(path + ".schema", "unknown schema '" + schemaName + "'");
    if (schema.isAbstract()) throw bad(path + ".schema", schemaName + " is abstract: name a concrete schema");
    List<String> keys = strings(n.get("keys"), path + ".keys");
    if (keys.isEmpty()) throw bad(path + ".keys", "required: the columns whose values identify the entity");
    List<String> required = strings(n.get("required"), path + ".required");
    ValueSpec category = value(n.get("category"), path + ".category");
    List<PropertySpec> props = new ArrayList<>();
    JsonNode ps = n.get("properties");
    if (ps != null) {
      if (!ps.isObject()) throw bad(path + ".properties", "must map property names to values");
      for (var it = ps.fields(); it.hasNext(); ) {
        var f = it.next();
        props.add(property(schema, path + ".properties." + f.getKey(), f.getKey(), f.getValue(), all));
      }
    }
    // Countries first: they are the hint for reading local phone numbers of the same entity.
    props.sort((a, b) -> Boolean.compare(schema.property(b.property()).type() == Types.COUNTRY,
        schema.property(a.property()).type() == Types.COUNTRY));
    return new EntitySpec(entityName, path, schema, List.copyOf(keys), List.copyOf(required), category, List.copyOf(props));
  }

  private PropertySpec property(Schema schema, String path, String prop, JsonNode n, Map<String, EntitySpec> all) {
    Property p = schema.property(prop);
    if (p == null) throw bad(path, "no property '" + prop + "' in " + schema.name());
    if (p.stub()) throw bad(path, prop + " is a reverse property of " + schema.name() + ": set " + p.reverse().qname() + " on the other entity");
    keys(n, path, PROPERTY);
    int kinds = 0;
    for (String k : List.of("column", "columns", "literal", "literals", "template", "entity")) if (n.has(k)) kinds++;
    if (kinds != 1) throw bad(path, "give exactly one of column, columns, literal, literals, template, entity");
    List<String> columns = n.has("column") ? strings(n.get("column"), path + ".column") : strings(n.get("columns"), path + ".columns");
    List<String> literals = n.has("literal") ? strings(n.get("literal"), path + ".literal") : strings(n.get("literals"), path + ".literals");
    String template = n.has("template") ? n.get("template").asText() : null;
    if (template != null && !Templates.PLACEHOLDER.matcher(template).find()) throw bad(path + ".template", "names no {column}");
    String entity = n.has("entity") ? n.get("entity").asText() : null;
    if (entity != null) {
      if (!all.containsKey(entity)) throw bad(path + ".entity", "no entity '" + entity + "' in this mapping (entities: " + String.join(", ", all.keySet()) + ")");
      if (p.type() != Types.ENTITY) throw bad(path + ".entity", prop + " is not an entity reference (type " + p.type().name() + ")");
    }
    String split = n.has("split") ? n.get("split").asText() : null;
    String join = n.has("join") ? n.get("join").asText() : null;
    if (split != null && split.isEmpty()) throw bad(path + ".split", "must not be empty");
    String format = n.has("format") ? n.get("format").asText() : null;
    if (format != null) {
      if (p.type() != Types.DATE) throw bad(path + ".format", prop + " is not a date (type " + p.type().name() + ")");
      DateFormats.check(format, name + ": " + path + ".format");
    }
    return new PropertySpec(path, prop, List.copyOf(columns), List.copyOf(literals), template, entity, split, join, format);
  }

  /** Checks after all entities are read: references name an entity of a schema in the property's range. */
  static void checkReferences(Mapping m) {
    for (EntitySpec e : m.entities().values()) {
      for (PropertySpec p : e.properties()) {
        if (p.entity() == null) continue;
        Property prop = e.schema().property(p.property());
        Schema target = m.entities().get(p.entity()).schema();
        if (prop.range() != null && !target.isA(prop.range())) {
          throw new InvalidData("Bad mapping", Map.of(m.name() + ": " + p.path() + ".entity",
              "'" + p.entity() + "' is a " + target.name() + ", but " + prop.qname() + " takes a " + prop.range().name()));
        }
      }
    }
  }

}
