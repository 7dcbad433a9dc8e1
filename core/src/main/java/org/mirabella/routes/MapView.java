package org.mirabella.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mirabella.report.Period;
import org.mirabella.routes.Gazetteer.GeoPoint;

/**
 * What the map draws from the route events a viewer may see: point events (crossings, interceptions,
 * arrests, safe-house stays) where they happened, and journey legs summed into flows between two
 * places, filtered by dates, owner agency, route and kind. Pure and O(n) in the events plus sorting;
 * the caller hands in only what the viewer may see.
 */
public final class MapView {
  private MapView() {}

  /**
   * The filters: dates inclusive (an event counts when its date, at its own precision, lies within),
   * the agency that owns the record, a route (id or name of a known route, or else text found in a
   * place name) and the kinds of event; null or empty means any.
   */
  public record Filter(LocalDate from, LocalDate to, String agency, String route, Set<RouteEvent.Kind> kinds) {
    public Filter {
      kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(RouteEvent.Kind.class) : EnumSet.copyOf(kinds);
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
      }
    }

    public static Filter any() {
      return new Filter(null, null, null, null, null);
    }
  }

  /** One end of a flow. */
  public record End(String name, String country, GeoPoint geo) {}

  /** The dates a flow's legs span, as recorded (partial dates stay partial). */
  public record Span(String from, String to) {}

  /**
   * Journeys between two places: legs counted, persons carried, prices per currency, the dates they
   * span and the routes the places lie on.
   */
  public record Flow(End from, End to, long count, long persons, Span period, List<RouteNetwork.Prices> prices, Set<String> routes) {}

  /** An event drawn as a point. */
  public record Point(String id, String schema, String date, String place, String country, GeoPoint geo, long persons,
      String agency, Set<String> routes) {}

  /**
   * The picture: points (the latest first, at most the limit), flows (the busiest first), how many
   * events matched the filters, and how many of those could not be placed on the map.
   */
  public record Result(List<Point> events, List<Flow> legs, long matched, long unplaced, boolean truncated) {}

  public static Result of(Collection<RouteEvent> events, Filter f, int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit must not be negative: " + limit);
    Gazetteer gaz = Gazetteer.get();
    String routeId = f.route() == null || f.route().isBlank() ? null : gaz.routeId(f.route());
    String placeText = f.route() != null && !f.route().isBlank() && routeId == null ? Gazetteer.key(f.route()) : null;
    List<Point> points = new ArrayList<>();
    Map<List<Object>, List<RouteEvent>> byLeg = new LinkedHashMap<>();
    long matched = 0;
    long unplaced = 0;
    for (RouteEvent e : events) {
      if (!f.kinds().contains(e.kind())) continue;
      if (f.agency() != null && !f.agency().isBlank() && !f.agency().equalsIgnoreCase(e.agency())) continue;
      if (!within(e.date(), f.from(), f.to())) continue;
      Set<String> routes = routesOf(e, gaz);
      if (routeId != null && !routes.contains(routeId)) continue;
      if (placeText != null && !names(e, placeText)) continue;
      matched++;
      if (e.kind() == RouteEvent.Kind.JOURNEY) {
        if (e.fromGeo() == null || e.toGeo() == null || e.fromGeo().equals(e.toGeo())) {
          unplaced++;
          continue;
        }
        byLeg.computeIfAbsent(List.of(e.fromGeo(), e.toGeo()), k -> new ArrayList<>()).add(e);
      } else if (e.geo() == null) {
        unplaced++;
      } else {
        points.add(new Point(e.entityId(), e.kind().schema(), e.date(), e.place(), e.country(), e.geo(), e.persons(), e.agency(), routes));
      }
    }
    points.sort(Comparator.comparing((Point p) -> Period.startOf(p.date()), Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(Point::id));
    boolean truncated = points.size() > limit;
    List<Flow> flows = new ArrayList<>();
    byLeg.forEach((k, legs) -> flows.add(flow(legs, gaz)));
    flows.sort(Comparator.comparingLong(Flow::persons).reversed().thenComparing(fl -> fl.from().name() + "→" + fl.to().name()));
    return new Result(List.copyOf(truncated ? points.subList(0, limit) : points), List.copyOf(flows), matched, unplaced, truncated);
  }

  private static Flow flow(List<RouteEvent> legs, Gazetteer gaz) {
    RouteEvent first = legs.get(0);
    // The name most legs give each end (agencies spell places their own way).
    End from = new End(mostCommon(legs.stream().map(RouteEvent::fromPlace).toList()),
        mostCommon(legs.stream().map(RouteEvent::fromCountry).toList()), first.fromGeo());
    End to = new End(mostCommon(legs.stream().map(RouteEvent::toPlace).toList()),
        mostCommon(legs.stream().map(RouteEvent::toCountry).toList()), first.toGeo());
    TreeSet<String> dates = new TreeSet<>(Comparator.comparing(Period::startOf, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
        .thenComparing(Comparator.naturalOrder()));
    Set<String> routes = new TreeSet<>();
    long persons = 0;
    for (RouteEvent e : legs) {
      dates.add(e.date());
      persons += e.persons();
      routes.addAll(routesOf(e, gaz));
    }
    return new Flow(from, to, legs.size(), persons, new Span(dates.first(), dates.last()), RouteNetwork.prices(legs), routes);
  }

  private static String mostCommon(List<String> values) {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (String v : values) if (v != null) n.merge(v, 1, Integer::sum);
    // Most legs first; on a tie the name first in alphabetical order, so the answer does not depend on order.
    String best = null;
    int most = 0;
    for (var e : n.entrySet()) {
      if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }

  /** Whether a (partial) date lies within the bounds: "2025-07" is within July's bounds, not within 2025-07-10..2025-07-31. */
  static boolean within(String date, LocalDate from, LocalDate to) {
    if (from == null && to == null) return true;
    LocalDate[] x = Period.extent(date);
    if (x == null) return false;
    return (from == null || !x[0].isBefore(from)) && (to == null || !x[1].isAfter(to));
  }

  /** The known routes the event's places lie on (a leg: the routes both ends share, else either's). */
  static Set<String> routesOf(RouteEvent e, Gazetteer gaz) {
    if (e.kind() == RouteEvent.Kind.JOURNEY) {
      Set<String> a = routesAt(gaz, e.fromPlace());
      Set<String> b = routesAt(gaz, e.toPlace());
      Set<String> both = new TreeSet<>(a);
      both.retainAll(b);
      if (!both.isEmpty()) return both;
      Set<String> either = new TreeSet<>(a);
      either.addAll(b);
      return either;
    }
    return routesAt(gaz, e.place());
  }

  private static Set<String> routesAt(Gazetteer gaz, String place) {
    Gazetteer.Place p = gaz.find(place);
    return p == null ? Set.of() : new TreeSet<>(p.routes());
  }

  private static boolean names(RouteEvent e, String text) {
    Set<String> places = new LinkedHashSet<>();
    places.add(e.fromPlace());
    places.add(e.toPlace());
    places.add(e.place());
    return places.stream().filter(Objects::nonNull).anyMatch(p -> Gazetteer.key(p).contains(text));
  }
}
