package org.mirabella.scenario;

import static org.mirabella.scenario.Resources.list;
import static org.mirabella.scenario.Resources.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The routes, places and nationalities of {@code scenario/routes.yaml}. */
public final class Routes {
  /** A real place with its coordinates ({@code lat,lon}). */
  public record Place(String id, String name, String country, String geo) {
    double lat() {
      return Double.parseDouble(geo.substring(0, geo.indexOf(',')));
    }

    double lon() {
      return Double.parseDouble(geo.substring(geo.indexOf(',') + 1));
    }
  }

  /** One hop of a path: from a place to another by a means of transport. */
  public record Hop(Place from, Place to, String mode) {
    boolean bySea() {
      return mode.equals("boat");
    }

    boolean crossesBorder() {
      return !from.country().equals(to.country());
    }
  }

  /** A path; {@code nationalities}, when not empty, are the only clients who take it. */
  public record Path(List<Hop> hops, List<String> nationalities, double weight) {
    boolean takes(String nationality) {
      return nationalities.isEmpty() || nationalities.contains(nationality);
    }
  }

  public record Route(String id, String name, List<Place> base, double victimShare, Weighted<String> exploitation,
      Weighted<String> clientNationalities, Weighted<String> memberNationalities, Weighted<Path> paths) {}

  private static volatile Routes instance;
  private final Map<String, Place> places = new LinkedHashMap<>();
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final Weighted<Route> weighted;
  private final Map<String, String> cultures = new LinkedHashMap<>();

  private Routes() {
    Map<String, Object> y = Resources.yaml("routes.yaml");
    map(y.get("places")).forEach((id, v) -> {
      Map<String, Object> p = map(v);
      places.put(id, new Place(id, (String) p.get("name"), (String) p.get("country"), (String) p.get("geo")));
    });
    Map<Route, Number> weights = new LinkedHashMap<>();
    map(y.get("routes")).forEach((id, v) -> {
      Map<String, Object> r = map(v);
      Map<Path, Number> paths = new LinkedHashMap<>();
      for (Object po : list(r.get("paths"))) {
        Map<String, Object> p = map(po);
        List<Hop> hops = new ArrayList<>();
        for (Object h : list(p.get("hops"))) {
          List<Object> hl = list(h);
          hops.add(new Hop(place((String) hl.get(0)), place((String) hl.get(1)), (String) hl.get(2)));
        }
        paths.put(new Path(List.copyOf(hops), list(p.get("for")).stream().map(String::valueOf).toList(),
            ((Number) p.get("weight")).doubleValue()), (Number) p.get("weight"));
      }
      Route route = new Route(id, (String) r.get("name"), list(r.get("base")).stream().map(b -> place((String) b)).toList(),
          Resources.number(r.get("victimShare"), 0.1), weights(r.get("exploitation")), weights(r.get("clients")),
          weights(r.get("members")), Weighted.of(paths));
      routes.put(id, route);
      weights.put(route, (Number) r.get("weight"));
    });
    weighted = Weighted.of(weights);
    map(y.get("nationalities")).forEach((c, v) -> cultures.put(c, (String) map(v).get("culture")));
  }

  @SuppressWarnings("unchecked")
  private static Weighted<String> weights(Object o) {
    return Weighted.of((Map<String, Number>) o);
  }

  public static Routes get() {
    if (instance == null) {
      synchronized (Routes.class) {
        if (instance == null) instance = new Routes();
      }
    }
    return instance;
  }

  public Place place(String id) {
    Place p = places.get(id);
    if (p == null) throw new IllegalStateException("unknown place " + id);
    return p;
  }

  /** Every place, in file order. */
  public List<Place> places() {
    return List.copyOf(places.values());
  }

  /** The places a route's networks work from or take clients through, in path order. */
  public List<Place> placesOf(Route route) {
    java.util.Set<Place> out = new java.util.LinkedHashSet<>(route.base());
    for (Path p : route.paths().items()) {
      for (Hop h : p.hops()) {
        out.add(h.from());
        out.add(h.to());
      }
    }
    return List.copyOf(out);
  }

  public List<Route> all() {
    return List.copyOf(routes.values());
  }

  public Route route(String id) {
    return routes.get(id);
  }

  Weighted<Route> weighted() {
    return weighted;
  }

  /** The name culture of a nationality (names.yaml). */
  public String culture(String nationality) {
    return cultures.getOrDefault(nationality, "arab");
  }
}
