package org.mirabella.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;
import org.mirabella.model.Statement;
import org.mirabella.model.json.EntityJson;
import org.mirabella.model.types.Cleaned;
import org.mirabella.model.types.CleaningContext;
import org.mirabella.model.types.Types;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

/**
 * FollowTheMoney entities, one JSON object per line ({@code id}, {@code schema}, {@code properties}),
 * as Aleph, OpenSanctions or {@code mirabella export --format ftm} write them. Ids are kept. Where a
 * line carries Mirabella's {@code statements} (an export), each current statement keeps its
 * handling code, grading, source, original value, recorder and time, so a re-import of an export
 * gives the same statements; otherwise the import's defaults apply. Every value is cleaned again by
 * its type; an entity with an unknown schema or property, or a bad value, is rejected whole.
 */
public final class FtmMapper {
  private final Model model;
  private final ImportSettings settings;
  private final String file;
  private final String source;

  public FtmMapper(Model model, ImportSettings settings, String file, String source) {
    this.model = model;
    this.settings = settings;
    this.file = file;
    this.source = source;
  }

  public RowMapper.Result map(JsonNode node, long line, String raw) {
    List<Reject> problems = new ArrayList<>();
    String id = node.path("id").asText(null);
    String schemaName = node.path("schema").asText(null);
    if (id == null || id.isBlank()) return reject(line, raw, "id", "no entity id");
    if (schemaName == null) return reject(line, raw, "schema", "no schema");
    Schema schema = model.schema(schemaName);
    if (schema == null) return reject(line, raw, "schema", "unknown schema '" + schemaName + "'");
    if (schema.isAbstract()) return reject(line, raw, "schema", schemaName + " is abstract");
    SubjectCategory category;
    LocalDate review = null;
    try {
      category = SubjectCategory.parse(node.path("category").asText(null));
      if (node.hasNonNull("reviewDate")) review = LocalDate.parse(node.get("reviewDate").asText());
    } catch (InvalidData | DateTimeParseException e) {
      return reject(line, raw, "category", e.getMessage());
    }
    Entity entity;
    try {
      entity = new Entity(id, schema, settings.agency(), settings.caseRef(), category, review);
    } catch (InvalidData e) {
      return reject(line, raw, "id", e.errors().values().stream().findFirst().orElse(e.getMessage()));
    }
    Provenance defaults = new Provenance(settings.agency(), settings.caseRef(), settings.handling(),
        settings.handlingCondition(), settings.grade(), source, settings.recordedBy(), settings.recordedAt());
    List<Value> values = new ArrayList<>();
    JsonNode statements = node.get("statements");
    if (statements != null && statements.isArray() && !statements.isEmpty()) {
      for (JsonNode s : statements) {
        if (s.has("retracted")) continue;
        try {
          Provenance p = new Provenance(settings.agency(), settings.caseRef(), HandlingCode.parse(s.path("handling").asText(null)),
              s.path("handlingCondition").asText(null), Grading.parse(s.path("grading").asText(null)),
              s.path("source").asText(source), s.path("recordedBy").asText(settings.recordedBy()),
              s.hasNonNull("recordedAt") ? Instant.parse(s.get("recordedAt").asText()) : settings.recordedAt());
          String value = s.path("value").asText();
          values.add(new Value(s.path("property").asText(), value, s.path("original").asText(value), p));
        } catch (InvalidData | DateTimeParseException e) {
          problems.add(new Reject(file, line, s.path("property").asText(), e.getMessage(), raw));
        }
      }
    } else {
      for (var prop : EntityJson.properties(node).entrySet()) {
        for (String v : prop.getValue()) values.add(new Value(prop.getKey(), v, v, defaults));
      }
    }
    // Countries first: they are the hint for reading local phone numbers.
    values.sort((a, b) -> Boolean.compare(isCountry(schema, b.property), isCountry(schema, a.property)));
    for (Value v : values) {
      Property p = schema.property(v.property);
      if (p == null) {
        problems.add(new Reject(file, line, v.property, "no property '" + v.property + "' in " + schemaName, raw));
        continue;
      }
      if (p.stub()) continue; // reverse properties are held by the other side (FtM exports list them sometimes)
      if (v.value == null || v.value.isBlank()) continue;
      Cleaned c = p.type().clean(v.value, new CleaningContext(entity.countries(), p.format()));
      if (c instanceof Cleaned.Invalid bad) {
        problems.add(new Reject(file, line, v.property, v.property + ": " + bad.reason(), raw));
        continue;
      }
      Statement s = Statement.of(entity.id(), schemaName, p.name(), c.value(), v.original, v.provenance);
      boolean dup = false;
      for (Statement x : entity.statements()) dup |= x.id().equals(s.id());
      if (!dup) entity.addStatement(s);
    }
    return problems.isEmpty() ? new RowMapper.Result(List.of(entity), List.of()) : new RowMapper.Result(List.of(), problems);
  }

  private static boolean isCountry(Schema schema, String property) {
    Property p = schema.property(property);
    return p != null && p.type() == Types.COUNTRY;
  }

  private RowMapper.Result reject(long line, String raw, String column, String reason) {
    return new RowMapper.Result(List.of(), List.of(new Reject(file, line, column, reason, raw)));
  }

  private record Value(String property, String value, String original, Provenance provenance) {}

}
