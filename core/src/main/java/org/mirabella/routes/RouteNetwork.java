package org.mirabella.routes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mirabella.report.Period;

/**
 * The route network: places and countries linked by journey legs and crossings, with flows per
 * period (persons, events, prices paid per leg and currency), hotspots (embarkation points, crossing
 * points, safe-house towns, interception areas) and change against the period before. Built from
 * the {@link RouteEvent}s the viewer may see, so the picture is the viewer's. Each query is O(n) in
 * the events plus sorting.
 */
public final class RouteNetwork {
  private final List<RouteEvent> events;

  public RouteNetwork(Collection<RouteEvent> events) {
    this.events = List.copyOf(events);
  }

  public List<RouteEvent> events() {
    return events;
  }

  /** A leg between two places (either may be only a country when the place is unknown). */
  public record Leg(String fromPlace, String fromCountry, String toPlace, String toCountry) {
    public String label() {
      return end(fromPlace, fromCountry) + " → " + end(toPlace, toCountry);
    }

    private static String end(String place, String country) {
      if (place != null) return place;
      return country == null ? "?" : country.toUpperCase(java.util.Locale.ROOT);
    }
  }

  /** Prices paid on a leg in one currency. */
  public record Prices(String currency, int paid, BigDecimal min, BigDecimal median, BigDecimal max, BigDecimal total) {}

  /** The flow on a leg in a period. */
  public record Flow(Leg leg, long events, long persons, List<Prices> prices) {}

  /** A place where many events of one kind happen. */
  public record Hotspot(Kind kind, String place, String country, long events, long persons) {
    /** What makes a place a hotspot. */
    public enum Kind { EMBARKATION_POINT, CROSSING_POINT, SAFE_HOUSE_TOWN, INTERCEPTION_AREA, ARREST_PLACE }
  }

  /** The change of a leg's flow against the previous period. */
  public record Trend(Leg leg, long persons, long previousPersons, long events, long previousEvents) {
    public long change() {
      return persons - previousPersons;
    }

    /** Change in per cent of the previous period, or null when there was none before. */
    public Double changePercent() {
      return previousPersons == 0 ? null : 100.0 * (persons - previousPersons) / previousPersons;
    }
  }

  /** Flows on place-level legs (journeys) in a period, the busiest first. */
  public List<Flow> flows(Period period) {
    Map<Leg, List<RouteEvent>> byLeg = new LinkedHashMap<>();
    for (RouteEvent e : in(period)) {
      if (e.kind() == RouteEvent.Kind.JOURNEY && e.isLeg()) {
        byLeg.computeIfAbsent(new Leg(e.fromPlace(), e.fromCountry(), e.toPlace(), e.toCountry()), k -> new ArrayList<>()).add(e);
      }
    }
    return sortFlows(byLeg);
  }

  /** Flows between countries (journeys and border crossings) in a period, the busiest first. */
  public List<Flow> countryFlows(Period period) {
    Map<Leg, List<RouteEvent>> byLeg = new LinkedHashMap<>();
    for (RouteEvent e : in(period)) {
      if ((e.kind() == RouteEvent.Kind.JOURNEY || e.kind() == RouteEvent.Kind.CROSSING) && e.fromCountry() != null
          && e.toCountry() != null && !e.fromCountry().equals(e.toCountry())) {
        byLeg.computeIfAbsent(new Leg(null, e.fromCountry(), null, e.toCountry()), k -> new ArrayList<>()).add(e);
      }
    }
    return sortFlows(byLeg);
  }

  /** Hotspots of a period: places by kind, the busiest first (by persons, then events). */
  public List<Hotspot> hotspots(Period period) {
    Map<Hotspot.Kind, Map<String, long[]>> acc = new EnumMap<>(Hotspot.Kind.class);
    Map<String, String> countries = new TreeMap<>();
    for (RouteEvent e : in(period)) {
      Hotspot.Kind k = switch (e.kind()) {
        case JOURNEY -> "boat".equals(e.mode()) ? Hotspot.Kind.EMBARKATION_POINT : null;
        case CROSSING -> Hotspot.Kind.CROSSING_POINT;
        case SAFE_HOUSE -> Hotspot.Kind.SAFE_HOUSE_TOWN;
        case INTERCEPTION -> Hotspot.Kind.INTERCEPTION_AREA;
        case ARREST -> Hotspot.Kind.ARREST_PLACE;
      };
      if (k == null || e.place() == null) continue;
      long[] n = acc.computeIfAbsent(k, x -> new TreeMap<>()).computeIfAbsent(e.place(), x -> new long[2]);
      n[0]++;
      n[1] += e.persons();
      if (e.country() != null) countries.putIfAbsent(e.place(), e.country());
    }
    List<Hotspot> out = new ArrayList<>();
    acc.forEach((kind, places) -> places.forEach((place, n) -> out.add(new Hotspot(kind, place, countries.get(place), n[0], n[1]))));
    out.sort(Comparator.comparing(Hotspot::kind).thenComparing(Comparator.comparingLong(Hotspot::persons).reversed())
        .thenComparing(Comparator.comparingLong(Hotspot::events).reversed()).thenComparing(Hotspot::place));
    return List.copyOf(out);
  }

  /** Country-level legs in a period against the period before, biggest absolute change first. */
  public List<Trend> trends(Period period) {
    Map<Leg, Flow> now = index(countryFlows(period));
    Map<Leg, Flow> before = index(countryFlows(period.previous()));
    List<Trend> out = new ArrayList<>();
    java.util.Set<Leg> legs = new java.util.LinkedHashSet<>(now.keySet());
    legs.addAll(before.keySet());
    for (Leg l : legs) {
      Flow a = now.get(l);
      Flow b = before.get(l);
      out.add(new Trend(l, a == null ? 0 : a.persons(), b == null ? 0 : b.persons(), a == null ? 0 : a.events(),
          b == null ? 0 : b.events()));
    }
    out.sort(Comparator.comparingLong((Trend t) -> Math.abs(t.change())).reversed().thenComparing(t -> t.leg().label()));
    return List.copyOf(out);
  }

  /** Events per month of the period by kind (for change over time). */
  public Map<YearMonth, Map<RouteEvent.Kind, Long>> monthly(Period period) {
    Map<YearMonth, Map<RouteEvent.Kind, Long>> out = new TreeMap<>();
    for (YearMonth m : period.months()) out.put(m, new EnumMap<>(RouteEvent.Kind.class));
    for (RouteEvent e : in(period)) {
      java.time.LocalDate d = Period.startOf(e.date());
      out.get(YearMonth.from(d)).merge(e.kind(), 1L, Long::sum);
    }
    return out;
  }

  /**
   * Change over time: persons on journey legs per quarter ({@code 2025-Q3}) and route (the known route
   * the leg's places lie on, {@code other} when none), oldest quarter first. Dates coarser than a month
   * cannot be placed in a quarter and are left out.
   */
  public Map<String, Map<String, Long>> quarterly() {
    Gazetteer gaz = Gazetteer.get();
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (RouteEvent e : events) {
      if (e.kind() != RouteEvent.Kind.JOURNEY || e.date() == null || e.date().length() < 7) continue;
      java.time.LocalDate d = Period.startOf(e.date());
      if (d == null) continue;
      String q = d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
      java.util.Set<String> routes = MapView.routesOf(e, gaz);
      String route = routes.isEmpty() ? "other" : routes.iterator().next();
      out.computeIfAbsent(q, k -> new TreeMap<>()).merge(route, e.persons(), Long::sum);
    }
    return out;
  }

  /** Events dated within the period (a date less precise than the period is left out). */
  public List<RouteEvent> in(Period period) {
    return events.stream().filter(e -> period.contains(e.date())).toList();
  }

  /** How many events could not be placed in the period because their date is too coarse (e.g. only a year). */
  public long undatable(Period period) {
    return events.stream().filter(e -> !period.contains(e.date())).filter(e -> {
      java.time.LocalDate[] x = Period.extent(e.date());
      return x != null && !x[1].isBefore(period.start()) && !x[0].isAfter(period.end());
    }).count();
  }

  private static Map<Leg, Flow> index(List<Flow> flows) {
    Map<Leg, Flow> m = new LinkedHashMap<>();
    for (Flow f : flows) m.put(f.leg(), f);
    return m;
  }

  private static List<Flow> sortFlows(Map<Leg, List<RouteEvent>> byLeg) {
    List<Flow> out = new ArrayList<>();
    byLeg.forEach((leg, evs) -> out.add(new Flow(leg, evs.size(), evs.stream().mapToLong(RouteEvent::persons).sum(), prices(evs))));
    out.sort(Comparator.comparingLong(Flow::persons).reversed().thenComparing(f -> f.leg().label()));
    return List.copyOf(out);
  }

  static List<Prices> prices(List<RouteEvent> evs) {
    Map<String, List<BigDecimal>> byCurrency = new TreeMap<>();
    for (RouteEvent e : evs) {
      if (e.price() != null && e.currency() != null) byCurrency.computeIfAbsent(e.currency(), k -> new ArrayList<>()).add(e.price());
    }
    List<Prices> out = new ArrayList<>();
    byCurrency.forEach((cur, ps) -> {
      ps.sort(Comparator.naturalOrder());
      int n = ps.size();
      BigDecimal median = n % 2 == 1 ? ps.get(n / 2)
          : ps.get(n / 2 - 1).add(ps.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP).stripTrailingZeros();
      out.add(new Prices(cur, n, ps.get(0), median, ps.get(n - 1), ps.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    });
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteNetwork r && Objects.equals(events, r.events);
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }
}
