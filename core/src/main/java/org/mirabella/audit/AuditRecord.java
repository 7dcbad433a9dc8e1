package org.mirabella.audit;

import java.time.Instant;

/** An audit event as stored: its place in the trail, its time, and the chain of hashes. */
public record AuditRecord(long seq, Instant at, AuditEvent event, String prevHash, String hash) {}
