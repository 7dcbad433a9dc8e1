package org.mirabella.matching.names;

/** A name similarity in [0, 1] with the reason in plain words. */
public record NameComparison(double score, String reason) {}
