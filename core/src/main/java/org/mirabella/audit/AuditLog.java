package org.mirabella.audit;

/** The port every feature writes its audit events to. Append-only: there is no update and no delete. */
@FunctionalInterface
public interface AuditLog {
  /** Appends the event and returns the record as chained (sequence number, time, hashes). */
  AuditRecord record(AuditEvent event);
}
