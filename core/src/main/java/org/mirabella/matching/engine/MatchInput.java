package org.mirabella.matching.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mirabella.matching.MatchKeys;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Provenance;

/**
 * An entity's {@link MatchKeys} from its stored rows, for an engine that reads the statement table
 * itself (Spark) instead of going through the store: the same keys as {@code MatchKeys.of} on the
 * entity the store reads back, given the current (not retracted) statements in the store's order
 * ({@code recorded_at}, then statement id).
 */
public final class MatchInput {
  /** One current statement: its id, property and clean value. */
  public record Row(String statementId, String property, String value) {}

  private MatchInput() {}

  /**
   * The keys of entity {@code id}, or null when its schema is not matchable. An unknown schema or
   * property is an {@link InvalidData} naming the entity.
   */
  public static MatchKeys keys(String id, String schemaName, String agency, String caseRef, List<Row> rows) {
    Schema schema = Model.get().schema(schemaName);
    if (schema == null) throw new InvalidData("Unknown schema", Map.of("entity " + id, "schema '" + schemaName + "' is not in the model"));
    if (!schema.matchable()) return null;
    Entity e = new Entity(id, schema, agency, caseRef, null, null);
    // Provenance is not part of the keys; the statements carry the entity's own agency and case.
    Provenance p = new Provenance(agency, caseRef, null, null, null, null, null, Instant.EPOCH);
    for (Row r : rows) {
      if (schema.property(r.property()) == null) {
        throw new InvalidData("Unknown property", Map.of("entity " + id, "no property '" + r.property() + "' in " + schemaName));
      }
      if (e.statement(r.statementId()) != null) continue;
      e.addStatement(new Statement(r.statementId(), id, schemaName, r.property(), r.value(), null, p, null));
    }
    return MatchKeys.of(e);
  }
}
