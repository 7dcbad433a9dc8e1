package org.mirabella.routes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.mirabella.model.Entity;

/**
 * Reads route events off entities of Mirabella's schemata. Pure: the caller hands in the entities the
 * viewer may see, and {@code lookup} for the places (safe-house addresses) they refer to, which also
 * answers only what the viewer may see.
 */
public final class RouteEvents {
  private RouteEvents() {}

  public static List<RouteEvent> of(Collection<Entity> entities, Function<String, Entity> lookup) {
    List<RouteEvent> out = new ArrayList<>();
    for (Entity e : entities) {
      RouteEvent ev = of(e, lookup);
      if (ev != null) out.add(ev);
    }
    return out;
  }

  /** The event an entity stands for, or null when it is none or lacks a date. */
  public static RouteEvent of(Entity e, Function<String, Entity> lookup) {
    String schema = e.schema().name();
    String date = firstOf(e, "date", "startDate");
    if (date == null) return null;
    return switch (schema) {
      case "SmugglingService" -> new RouteEvent(e.id(), RouteEvent.Kind.JOURNEY, date, e.first("fromPlace"), e.first("fromCountry"),
          e.first("toPlace"), e.first("toCountry"), e.first("fromPlace"), e.first("fromCountry"),
          Math.max(1, e.values("client").size()), number(e.first("price")), e.first("currency"), lower(e.first("mode")), e.agency(),
          geo(e.first("fromGeo"), e.first("fromPlace")), geo(e.first("toGeo"), e.first("toPlace")), geo(e.first("fromGeo"), e.first("fromPlace")));
      case "BorderCrossing" -> new RouteEvent(e.id(), RouteEvent.Kind.CROSSING, date, null, e.first("fromCountry"),
          null, e.first("crossingPointCountry"), e.first("crossingPoint"), e.first("crossingPointCountry"),
          Math.max(1, e.values("person").size()), null, null, null, e.agency(), null, null, geo(e.first("geo"), e.first("crossingPoint")));
      case "Interception" -> {
        String place = firstOf(e, "location", "geo");
        yield new RouteEvent(e.id(), RouteEvent.Kind.INTERCEPTION, date, null, null, null, null, place, e.first("country"), persons(e),
            null, null, e.first("vessel") != null ? "boat" : e.first("vehicle") != null ? "vehicle" : null, e.agency(), null, null,
            geo(e.first("geo"), firstOf(e, "location", "name")));
      }
      case "Arrest" -> new RouteEvent(e.id(), RouteEvent.Kind.ARREST, date, null, null, null, null, e.first("location"),
          e.first("country"), 1, null, null, null, e.agency(), null, null, geo(null, e.first("location")));
      case "SafeHouseUse" -> {
        Entity house = e.first("safeHouse") == null ? null : lookup.apply(e.first("safeHouse"));
        String town = house == null ? null : firstOf(house, "city", "full", "name");
        String country = house == null ? null : house.first("country");
        String own = house == null || house.first("latitude") == null ? null : house.first("latitude") + "," + house.first("longitude");
        yield town == null ? null : new RouteEvent(e.id(), RouteEvent.Kind.SAFE_HOUSE, date, null, null, null, null, town,
            country, Math.max(1, e.values("person").size()), null, null, null, e.agency(), null, null, geo(own, town));
      }
      default -> null;
    };
  }

  /** The record's own coordinates, else the gazetteer's for the place it names, else null. */
  static Gazetteer.GeoPoint geo(String own, String place) {
    Gazetteer.GeoPoint p = Gazetteer.GeoPoint.parse(own);
    if (p != null) return p;
    Gazetteer.Place known = Gazetteer.get().find(place);
    return known == null ? null : known.geo();
  }

  private static long persons(Entity e) {
    BigDecimal n = number(e.first("personsOnBoard"));
    long listed = e.values("onBoard").size();
    return Math.max(listed, n == null ? 0 : n.longValue());
  }

  private static String firstOf(Entity e, String... props) {
    for (String p : props) {
      if (e.schema().property(p) == null) continue;
      String v = e.first(p);
      if (v != null) return v;
    }
    return null;
  }

  private static BigDecimal number(String v) {
    if (v == null) return null;
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private static String lower(String v) {
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }
}
