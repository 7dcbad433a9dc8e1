package org.mirabella.routes;

import java.math.BigDecimal;

/**
 * One movement or event on a route, taken from an entity: a journey leg ({@code SmugglingService}),
 * a border crossing, an interception, an arrest or a safe-house stay. {@code fromPlace}/{@code toPlace}
 * are set for legs; {@code place} is where a point event happened (also a leg's start, for hotspots).
 * Dates keep their precision ({@code 2025-07} stays a month).
 */
public record RouteEvent(String entityId, Kind kind, String date, String fromPlace, String fromCountry, String toPlace,
    String toCountry, String place, String country, long persons, BigDecimal price, String currency, String mode,
    String agency) {

  /** What the event is. */
  public enum Kind { JOURNEY, CROSSING, INTERCEPTION, ARREST, SAFE_HOUSE }

  /** Whether the event moves people between two places or countries. */
  public boolean isLeg() {
    return (fromPlace != null || fromCountry != null) && (toPlace != null || toCountry != null);
  }
}
