package org.mirabella.agency;

/** A police unit or body that owns data in Mirabella. {@code code} is what provenance names. */
public record Agency(String code, String name, String country, Tier tier) {}
