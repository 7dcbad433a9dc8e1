package org.mirabella.matching.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatchValues;
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
    Entity e = entity(id, schemaName, agency, caseRef, rows);
    return e == null ? null : MatchKeys.of(e);
  }

  /**
   * The matcher's values of entity {@code id} ({@link MatchValues#encode}: a short text from which
   * {@link MatchValues#keys} remakes the same keys as {@link #keys}), or null when its schema is not
   * matchable: what an engine ships between machines instead of the statements.
   */
  public static String values(String id, String schemaName, String agency, String caseRef, List<Row> rows) {
    Entity e = entity(id, schemaName, agency, caseRef, rows);
    return e == null ? null : MatchValues.encode(e);
  }

  /** The entity as the store reads it back, as far as matching goes; null when not matchable. */
  private static Entity entity(String id, String schemaName, String agency, String caseRef, List<Row> rows) {
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
    return e;
  }
}
