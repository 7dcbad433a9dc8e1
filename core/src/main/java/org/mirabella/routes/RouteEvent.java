package org.mirabella.routes;

import java.math.BigDecimal;
import org.mirabella.routes.Gazetteer.GeoPoint;

/**
 * One movement or event on a route, taken from an entity: a journey leg ({@code SmugglingService}),
 * a border crossing, an interception, an arrest or a safe-house stay. {@code fromPlace}/{@code toPlace}
 * are set for legs; {@code place} is where a point event happened (also a leg's start, for hotspots).
 * Dates keep their precision ({@code 2025-07} stays a month). Coordinates are the record's own where
 * it has them, else the {@link Gazetteer}'s for the place it names, else null.
 */
public record RouteEvent(String entityId, Kind kind, String date, String fromPlace, String fromCountry, String toPlace,
    String toCountry, String place, String country, long persons, BigDecimal price, String currency, String mode,
    String agency, GeoPoint fromGeo, GeoPoint toGeo, GeoPoint geo) {

  /** What the event is, and the schema it is read from. */
  public enum Kind {
    JOURNEY("SmugglingService"), CROSSING("BorderCrossing"), INTERCEPTION("Interception"), ARREST("Arrest"),
    SAFE_HOUSE("SafeHouseUse");

    private final String schema;

    Kind(String schema) {
      this.schema = schema;
    }

    public String schema() {
      return schema;
    }

    /** The kind read from a schema name, or null. */
    public static Kind ofSchema(String schema) {
      for (Kind k : values()) if (k.schema.equals(schema)) return k;
      return null;
    }
  }

  /** An event without coordinates. */
  public RouteEvent(String entityId, Kind kind, String date, String fromPlace, String fromCountry, String toPlace,
      String toCountry, String place, String country, long persons, BigDecimal price, String currency, String mode,
      String agency) {
    this(entityId, kind, date, fromPlace, fromCountry, toPlace, toCountry, place, country, persons, price, currency, mode, agency,
        null, null, null);
  }

  /** Whether the event moves people between two places or countries. */
  public boolean isLeg() {
    return (fromPlace != null || fromCountry != null) && (toPlace != null || toCountry != null);
  }
}
