package org.mirabella.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.model.types.IdentifierType;
import org.mirabella.model.types.PropertyType;
import org.mirabella.model.types.Types;

/**
 * Reads schema YAML in the FollowTheMoney format (one or more schemata per file). Strict: an
 * unknown key, an unknown type or format, or a value of the wrong kind fails with the file, the
 * schema, the property and the key named, so that a typo such as {@code descriptuon:} is caught
 * before review.
 */
public final class SchemaLoader {
  static final Set<String> SCHEMA_KEYS = Set.of("label", "plural", "description", "extends", "abstract",
      "matchable", "generated", "hidden", "deprecated", "featured", "required", "caption", "edge",
      "temporalExtent", "properties", "icon", "rdf");
  static final Set<String> PROPERTY_KEYS = Set.of("label", "type", "description", "range", "reverse", "hidden",
      "matchable", "deprecated", "maxLength", "rdf", "format", "plural", "caption", "stub");
  static final Set<String> REVERSE_KEYS = Set.of("name", "label", "hidden");
  static final Set<String> EDGE_KEYS = Set.of("source", "target", "directed", "caption", "label");
  static final Set<String> EXTENT_KEYS = Set.of("start", "end");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A schema as read, before linking: its properties' raw definitions keyed by name. */
  record Parsed(Schema schema, Map<String, Map<String, Object>> properties) {}

  private SchemaLoader() {}

  /** Parses one YAML file; {@code origin} names it in errors. */
  static List<Parsed> parse(InputStream in, String origin) {
    Map<String, Object> doc;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = YAML.readValue(in, Map.class);
      doc = m;
    } catch (IOException e) {
      throw new InvalidData("Bad schema file", Map.of(origin, String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
    }
    List<Parsed> out = new ArrayList<>();
    if (doc == null) return out;
    for (var entry : doc.entrySet()) {
      String name = entry.getKey();
      String where = origin + ": " + name;
      if (!name.matches("[A-Z][A-Za-z0-9]*")) fail(origin, name, "schema names are CamelCase");
      Map<String, Object> def = map(entry.getValue(), where);
      checkKeys(def, SCHEMA_KEYS, where);
      Schema.Edge edge = null;
      if (def.get("edge") != null) {
        Map<String, Object> e = map(def.get("edge"), where + ".edge");
        checkKeys(e, EDGE_KEYS, where + ".edge");
        edge = new Schema.Edge(str(e, "source", where), str(e, "target", where), bool(e, "directed", true, where),
            str(e, "label", where), strings(e, "caption", where));
        if (edge.source() == null || edge.target() == null) fail(origin, name + ".edge", "needs source and target");
      }
      Schema.TemporalExtent extent = null;
      if (def.get("temporalExtent") != null) {
        Map<String, Object> t = map(def.get("temporalExtent"), where + ".temporalExtent");
        checkKeys(t, EXTENT_KEYS, where + ".temporalExtent");
        extent = new Schema.TemporalExtent(strings(t, "start", where), strings(t, "end", where));
      }
      Schema schema = new Schema(name, str(def, "label", where), str(def, "plural", where), str(def, "description", where),
          bool(def, "abstract", false, where), bool(def, "matchable", false, where), bool(def, "generated", false, where),
          bool(def, "hidden", false, where), bool(def, "deprecated", false, where), strings(def, "featured", where),
          strings(def, "required", where), strings(def, "caption", where), edge, extent, strings(def, "extends", where),
          origin);
      Map<String, Map<String, Object>> props = new LinkedHashMap<>();
      if (def.get("properties") != null) {
        Map<String, Object> ps = map(def.get("properties"), where + ".properties");
        for (var p : ps.entrySet()) {
          String pwhere = where + "." + p.getKey();
          Map<String, Object> pdef = p.getValue() == null ? Map.of() : map(p.getValue(), pwhere);
          checkKeys(pdef, PROPERTY_KEYS, pwhere);
          if (pdef.get("reverse") != null) checkKeys(map(pdef.get("reverse"), pwhere + ".reverse"), REVERSE_KEYS, pwhere + ".reverse");
          props.put(p.getKey(), pdef);
        }
      }
      out.add(new Parsed(schema, props));
    }
    return out;
  }

  /** Builds the property objects of a parsed schema (types and formats checked). */
  static void buildProperties(Parsed parsed) {
    Schema schema = parsed.schema();
    for (var p : parsed.properties().entrySet()) {
      String where = schema.origin() + ": " + schema.name() + "." + p.getKey();
      Map<String, Object> d = p.getValue();
      String typeName = d.get("type") == null ? "string" : String.valueOf(d.get("type"));
      PropertyType type = Types.byName(typeName);
      if (type == null) throw new InvalidData("Bad schema", Map.of(where + ".type", "unknown property type '" + typeName + "'"));
      String format = str(d, "format", where);
      if (format != null && typeName.equals("identifier") && !IdentifierType.knowsFormat(format)) {
        // FtM declares formats (inn, ogrn, ssn, ...) that have no validator here: they clean as plain identifiers.
        format = null;
      }
      String range = str(d, "range", where);
      if (typeName.equals("entity") && range == null) {
        throw new InvalidData("Bad schema", Map.of(where + ".range", "an entity property needs a range"));
      }
      String reverse = null;
      if (d.get("reverse") != null) reverse = str(map(d.get("reverse"), where), "name", where);
      Integer maxLength = d.get("maxLength") == null ? null : ((Number) d.get("maxLength")).intValue();
      schema.own.put(p.getKey(), new Property(schema, p.getKey(), str(d, "label", where), str(d, "description", where),
          type, range, reverse, bool(d, "hidden", false, where), d.get("matchable") == null ? null : bool(d, "matchable", false, where),
          bool(d, "deprecated", false, where), bool(d, "stub", false, where), format, maxLength));
    }
  }

  /** Builds the stub property that the reverse declaration of {@code p} adds to its range. */
  static Property reverseStub(Property p, Schema range, Map<String, Object> def) {
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) def.get("reverse");
    String where = p.qname() + ".reverse";
    return new Property(range, str(r, "name", where), str(r, "label", where), null, Types.ENTITY, p.schema().name(),
        p.name(), bool(r, "hidden", false, where), null, false, true, null, null);
  }

  private static void checkKeys(Map<String, Object> def, Set<String> allowed, String where) {
    for (String k : def.keySet()) {
      if (!allowed.contains(k)) throw new InvalidData("Bad schema", Map.of(where, "unknown key '" + k + "'"));
    }
  }

  private static void fail(String origin, String where, String message) {
    throw new InvalidData("Bad schema", Map.of(origin + ": " + where, message));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String where) {
    if (!(o instanceof Map)) throw new InvalidData("Bad schema", Map.of(where, "expected a mapping"));
    return (Map<String, Object>) o;
  }

  private static String str(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) return null;
    if (v instanceof Map || v instanceof List) throw new InvalidData("Bad schema", Map.of(where + "." + key, "expected text"));
    return String.valueOf(v).strip();
  }

  private static boolean bool(Map<String, Object> m, String key, boolean dflt, String where) {
    Object v = m.get(key);
    if (v == null) return dflt;
    if (!(v instanceof Boolean b)) throw new InvalidData("Bad schema", Map.of(where + "." + key, "expected true or false"));
    return b;
  }

  private static List<String> strings(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) return List.of();
    if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
    if (v instanceof String s) return List.of(s);
    throw new InvalidData("Bad schema", Map.of(where + "." + key, "expected a list"));
  }
}
