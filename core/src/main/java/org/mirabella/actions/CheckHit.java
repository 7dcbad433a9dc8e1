package org.mirabella.actions;

import java.time.Instant;

/**
 * A field check that found something visible to the checking agency: the entity and statement value
 * it met, who owns that fact, and how the coordination centre triaged it. {@code method} names what
 * produced the hit ({@code exact-normalised} until the matching engine lands) so a past hit stays
 * explainable.
 */
public record CheckHit(String id, String checkId, String entityId, String schema, String property, String value,
    String ownerAgency, String caseRef, String method, double score, Triage triage, String triagedBy, Instant triagedAt,
    String note) {

  /** Live triage of a hit during the action. */
  public enum Triage { NEW, CONFIRMED, DISMISSED, ESCALATED;

    public static Triage parse(String raw) {
      return Enums.parse(Triage.class, raw, "triage");
    }
  }

  /**
   * The hit as a reader who may not read the record sees it, as a hit/no-hit answer: which agency
   * and case hold a match, of what kind, how it was triaged; not the record's id or stored value.
   */
  public CheckHit withoutRecord() {
    return new CheckHit(id, checkId, null, schema, property, null, ownerAgency, caseRef, method, score, triage, triagedBy, triagedAt, note);
  }

  public CheckHit triaged(Triage t, String by, Instant at, String why) {
    return new CheckHit(id, checkId, entityId, schema, property, value, ownerAgency, caseRef, method, score, t, by, at, why);
  }
}
