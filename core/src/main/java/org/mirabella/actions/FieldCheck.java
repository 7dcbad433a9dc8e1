package org.mirabella.actions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;
import org.mirabella.model.types.Cleaned;

/**
 * One check made in the field during an operation: a value of one {@link CheckKind} checked by an
 * agency at a checkpoint (a border post, a port, a motorway control). {@code key} is the value
 * cleaned for comparison; a value that cannot be cleaned is rejected with its reason, never dropped.
 */
public record FieldCheck(String id, String operationId, String agency, String checkpoint, String country, CheckKind kind,
    String value, String key, String checkedBy, Instant checkedAt) {

  public FieldCheck {
    if (agency == null || Agencies.get().find(agency) == null) {
      throw new InvalidData("Invalid field check", Map.of("agency", "'" + agency + "' is not a known agency"));
    }
    agency = Agencies.get().require(agency).code();
    checkedAt = checkedAt == null ? Instant.now() : checkedAt;
  }

  /** A new check, its value cleaned by the kind's type; {@link InvalidData} naming the field if it cannot be. */
  public static FieldCheck of(String operationId, String agency, String checkpoint, String country, CheckKind kind,
      String value, String checkedBy) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (kind == null) errors.put("kind", "required");
    if (value == null || value.isBlank()) errors.put("value", "required");
    if (!errors.isEmpty()) throw new InvalidData("Invalid field check", errors);
    Cleaned c = kind.key(value, country);
    if (c instanceof Cleaned.Invalid bad) throw new InvalidData("Invalid field check", Map.of("value", bad.reason()));
    return new FieldCheck(null, operationId, agency, checkpoint, country, kind, value.strip(), c.value(), checkedBy, null);
  }

  public FieldCheck withId(String newId) {
    return new FieldCheck(newId, operationId, agency, checkpoint, country, kind, value, key, checkedBy, checkedAt);
  }
}
