package org.mirabella.actions;

import java.time.Instant;

/** One line of an operation's coordination log: who said what, when, from which agency. Append-only. */
public record LogEntry(long seq, String operationId, Instant at, String agency, String author, String message) {}
