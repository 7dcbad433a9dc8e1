package org.mirabella.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.mirabella.model.Entity;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Provenance;

/**
 * Entities as FollowTheMoney-shaped JSON: {@code id}, {@code schema}, {@code properties} (name to
 * list of values), plus Mirabella's provenance beside them: owner agency, case, data-subject
 * category, review date and the statements with their handling codes and gradings. FtM tools read
 * the first three keys and ignore the rest.
 */
public final class EntityJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EntityJson() {}

  /** The entity with its current values and all statements (retracted ones flagged). */
  public static ObjectNode toJson(Entity e) {
    return toJson(e, e.statements());
  }

  /** The entity with the given statements only (e.g. those a reader may see). */
  public static ObjectNode toJson(Entity e, List<Statement> statements) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", e.id());
    o.put("schema", e.schema().name());
    ObjectNode props = o.putObject("properties");
    for (Statement s : statements) {
      if (s.retracted()) continue;
      ArrayNode values = props.has(s.property()) ? (ArrayNode) props.get(s.property()) : props.putArray(s.property());
      boolean present = false;
      for (JsonNode v : values) present |= v.asText().equals(s.value());
      if (!present) values.add(s.value());
    }
    o.put("caption", e.caption());
    o.put("agency", e.agency());
    o.put("case", e.caseRef());
    o.put("category", e.category().code());
    o.put("reviewDate", e.reviewDate().toString());
    ArrayNode st = o.putArray("statements");
    for (Statement s : statements) st.add(statementJson(s));
    return o;
  }

  public static ObjectNode statementJson(Statement s) {
    Provenance p = s.provenance();
    ObjectNode n = JSON.createObjectNode();
    n.put("id", s.id());
    n.put("property", s.property());
    n.put("value", s.value());
    if (s.originalValue() != null && !s.originalValue().equals(s.value())) n.put("original", s.originalValue());
    n.put("agency", p.agency());
    n.put("case", p.caseRef());
    n.put("handling", p.handling().name());
    if (p.handlingCondition() != null) n.put("handlingCondition", p.handlingCondition());
    n.put("grading", p.grading().toString());
    if (p.source() != null) n.put("source", p.source());
    if (p.recordedBy() != null) n.put("recordedBy", p.recordedBy());
    n.put("recordedAt", p.recordedAt().toString());
    if (s.retraction() != null) {
      ObjectNode r = n.putObject("retracted");
      r.put("by", s.retraction().by());
      r.put("at", s.retraction().at().toString());
      r.put("reason", s.retraction().reason());
    }
    return n;
  }

  public static ObjectMapper mapper() {
    return JSON;
  }

  /** Reads FtM {@code properties} into a map of raw values (for importers). */
  public static Map<String, List<String>> properties(JsonNode entity) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    JsonNode props = entity.get("properties");
    if (props == null || !props.isObject()) return out;
    props.fields().forEachRemaining(f -> {
      List<String> vs = new java.util.ArrayList<>();
      if (f.getValue().isArray()) f.getValue().forEach(v -> vs.add(v.asText()));
      else vs.add(f.getValue().asText());
      out.put(f.getKey(), vs);
    });
    return out;
  }
}
