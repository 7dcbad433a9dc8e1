package org.mirabella.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI document as the server serves it, for tests that hold answers against it: which
 * operation a request reaches, which statuses and content types it documents, and whether a JSON
 * answer has the documented shape. The shape check reads the part of JSON Schema the document uses
 * ({@code $ref} to components, {@code allOf}, {@code type} with {@code "null"}, {@code enum},
 * {@code properties}, {@code additionalProperties}, {@code items}, {@code format} date and
 * date-time); {@code oneOf} is not checked.
 */
public final class OpenApiDocument {
  private final JsonNode doc;

  public OpenApiDocument(JsonNode doc) {
    this.doc = doc;
  }

  /** The operation of {@code method} on the documented path template matching {@code path} (no query), or null. */
  public JsonNode operation(String method, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      var p = it.next();
      String regex = java.util.regex.Pattern.quote(p.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
      if (path.matches(regex) && p.getValue().has(method.toLowerCase(Locale.ROOT))) return p.getValue().get(method.toLowerCase(Locale.ROOT));
    }
    return null;
  }

  /** The documented response of the operation for {@code status} (a components reference followed), or null. */
  public JsonNode response(JsonNode operation, int status) {
    JsonNode r = operation.path("responses").get(Integer.toString(status));
    return r == null ? null : resolved(r);
  }

  /** What is wrong with {@code value} against {@code schema}, one line each; empty when it conforms. */
  public List<String> problems(JsonNode value, JsonNode schema) {
    List<String> out = new ArrayList<>();
    check(value, schema, "$", out);
    return out;
  }

  /** A parameter, response or schema with its components reference followed. */
  public JsonNode resolved(JsonNode n) {
    while (n != null && n.has("$ref")) {
      JsonNode target = doc;
      for (String part : n.get("$ref").asText().substring(2).split("/")) target = target.path(part);
      n = target;
    }
    return n;
  }

  private void check(JsonNode value, JsonNode schema, String at, List<String> out) {
    schema = resolved(schema);
    if (schema == null || schema.isMissingNode()) return;
    for (JsonNode part : schema.path("allOf")) check(value, part, at, out);
    JsonNode type = schema.get("type");
    if (type != null) {
      List<String> types = new ArrayList<>();
      if (type.isArray()) type.forEach(t -> types.add(t.asText()));
      else types.add(type.asText());
      String actual = kind(value);
      boolean ok = types.contains(actual) || actual.equals("integer") && types.contains("number");
      if (!ok) {
        out.add(at + ": " + shown(value) + " is " + actual + ", documented " + types);
        return;
      }
    }
    if (value.isNull()) return;
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode e : schema.get("enum")) listed |= e.equals(value);
      if (!listed) out.add(at + ": " + shown(value) + " is none of " + schema.get("enum"));
    }
    String format = schema.path("format").asText("");
    if (value.isTextual() && (format.equals("date") || format.equals("date-time"))) {
      try {
        if (format.equals("date")) LocalDate.parse(value.asText());
        else OffsetDateTime.parse(value.asText());
      } catch (RuntimeException e) {
        out.add(at + ": " + shown(value) + " is no " + format);
      }
    }
    if (value.isObject()) {
      JsonNode props = schema.path("properties");
      JsonNode more = schema.get("additionalProperties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        var f = it.next();
        if (props.has(f.getKey())) check(f.getValue(), props.get(f.getKey()), at + "." + f.getKey(), out);
        else if (more != null && more.isObject()) check(f.getValue(), more, at + "." + f.getKey(), out);
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) check(value.get(i), schema.get("items"), at + "[" + i + "]", out);
    }
  }

  private static String kind(JsonNode v) {
    if (v.isNull()) return "null";
    if (v.isTextual()) return "string";
    if (v.isIntegralNumber()) return "integer";
    if (v.isNumber()) return "number";
    if (v.isBoolean()) return "boolean";
    if (v.isArray()) return "array";
    return "object";
  }

  private static String shown(JsonNode v) {
    String s = v.toString();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
