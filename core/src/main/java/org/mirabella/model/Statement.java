package org.mirabella.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.mirabella.provenance.Provenance;

/**
 * One fact: a clean value of one property of one entity, with the value as the source gave it and
 * its provenance. Statements are never overwritten: a correction retracts the old one (a tombstone
 * saying who, when and why) and adds a new one.
 */
public record Statement(String id, String entityId, String schema, String property, String value,
    String originalValue, Provenance provenance, Retraction retraction) {

  /** Who retracted a statement, when and why. */
  public record Retraction(String by, Instant at, String reason) {}

  public static Statement of(String entityId, String schema, String property, String value, String original,
      Provenance provenance) {
    return new Statement(makeId(entityId, property, value, provenance), entityId, schema, property, value, original,
        provenance, null);
  }

  /**
   * A stable id from what makes the fact: entity, property, value, owning agency and case. The same
   * fact imported twice has the same id, so re-imports add nothing.
   */
  public static String makeId(String entityId, String property, String value, Provenance p) {
    MessageDigest d = SHA1.get(); // one per thread: getInstance looks the provider up each time (a tenth of the id's cost)
    d.reset();
    for (String part : new String[] {p.agency(), p.caseRef(), entityId, property, value}) {
      d.update(part.getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
    }
    return HEX.formatHex(d.digest());
  }

  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  /**
   * The id of a fact stated again after its statement {@code retractedId} was retracted at
   * {@code retractedAt}: SHA-1 of {@code id@instant}. Stable, so a re-import finds it; distinct from
   * the tombstone's, which stays as it was. (The import writer derives ids the same way.)
   */
  public static String restatedId(String retractedId, Instant retractedAt) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-1");
      d.update((retractedId + "@" + retractedAt).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same fact under another id. */
  public Statement withId(String newId) {
    return new Statement(newId, entityId, schema, property, value, originalValue, provenance, retraction);
  }

  public boolean retracted() {
    return retraction != null;
  }

  /**
   * The tombstone of this statement: the same fact marked with who retracted it, when (now if
   * {@code at} is null) and why. A retraction needs a person and a reason; a statement is retracted
   * once, so the first tombstone is never overwritten.
   */
  public Statement retract(String by, Instant at, String reason) {
    if (retracted()) {
      throw new InvalidData("Already retracted", Map.of("statement", id + " was retracted by " + retraction.by() + " at " + retraction.at()));
    }
    if (by == null || by.isBlank()) throw new InvalidData("Retraction needs a person", Map.of("by", "required"));
    if (reason == null || reason.isBlank()) throw new InvalidData("Retraction needs a reason", Map.of("reason", "required"));
    return new Statement(id, entityId, schema, property, value, originalValue, provenance,
        new Retraction(by.strip(), at == null ? Instant.now() : at, reason.strip()));
  }
}
