package org.mirabella.access;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.model.InvalidData;
import org.mirabella.store.Database;

/**
 * The DPO's permission for their own agency to include victim records in bulk exports
 * ({@link ExportPolicy#VICTIMS_ONLY_WITH_DPO_PERMISSION}), for a limited time, with a reason, audited.
 * Exports ask {@link #allowed(Viewer)} and pass the answer to {@link ExportPolicy}.
 */
public final class VictimExportPermits {
  private static final Duration MAX = Duration.ofDays(30);
  private final Database db;
  private final JdbcAuditLog audit;

  public VictimExportPermits(Database db, JdbcAuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** Grants the DPO's agency a permit for {@code validFor} (at most 30 days). */
  public Instant grant(Viewer dpo, Duration validFor, String reason) {
    if (!dpo.has(Role.DPO)) throw new IllegalArgumentException("only a DPO grants a victim export permit");
    if (reason == null || reason.isBlank()) throw new InvalidData("Missing field", Map.of("reason", "required"));
    if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX) > 0) {
      throw new InvalidData("Bad permit", Map.of("days", "from 1 to " + MAX.toDays()));
    }
    Instant now = Instant.now();
    Instant until = now.plus(validFor);
    db.jdbi().useTransaction(h -> {
      h.createUpdate("INSERT INTO victim_export_permit(agency, granted_by, granted_at, valid_until, reason) VALUES (:a, :u, :t, :v, :r)")
          .bind("a", dpo.agency()).bind("u", dpo.user()).bind("t", Timestamp.from(now)).bind("v", Timestamp.from(until))
          .bind("r", reason).execute();
      audit.record(h, new AuditEvent(dpo.user(), dpo.agency(), "dpo.victim-export-permit", dpo.agency(), dpo.agency(), reason,
          "valid until " + until));
    });
    return until;
  }

  /** Ends the agency's current permits now. */
  public int revoke(Viewer dpo, String reason) {
    if (!dpo.has(Role.DPO)) throw new IllegalArgumentException("only a DPO revokes a victim export permit");
    return db.jdbi().inTransaction(h -> {
      int n = h.createUpdate("UPDATE victim_export_permit SET revoked_at = :t WHERE agency = :a AND revoked_at IS NULL")
          .bind("t", Timestamp.from(Instant.now())).bind("a", dpo.agency()).execute();
      audit.record(h, new AuditEvent(dpo.user(), dpo.agency(), "dpo.victim-export-permit.revoke", dpo.agency(), dpo.agency(),
          reason, n + " permits ended"));
      return n;
    });
  }

  /** True when the viewer's agency holds a current permit. */
  public boolean allowed(Viewer v) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM victim_export_permit WHERE agency = :a "
            + "AND revoked_at IS NULL AND valid_until > :now")
        .bind("a", v.agency()).bind("now", Timestamp.from(Instant.now())).mapTo(Integer.class).one() > 0);
  }
}
