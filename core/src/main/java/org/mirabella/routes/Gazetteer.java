package org.mirabella.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mirabella.scenario.Routes;

/**
 * Known places with coordinates and the routes they lie on: the scenario's places
 * ({@code scenario/routes.yaml}) and the crossing points and towns of {@code routes/gazetteer.yaml}.
 * The map places an event by its own coordinates first and asks the gazetteer only for a record that
 * names a place without them. Names compare without case and accents ("MÜNCHEN" is "München"); a
 * longer text finds the place it names ("off Lampedusa"). The list is a few dozen places, so a lookup
 * that misses the exact name scans it (no index needed).
 */
public final class Gazetteer {
  /** A place: its name, country (ISO 3166-1 alpha-2, lower case), coordinates and routes (route ids). */
  public record Place(String name, String country, GeoPoint geo, Set<String> routes) {}

  /** WGS 84 coordinates. */
  public record GeoPoint(double lat, double lon) {
    /** Reads {@code "lat,lon"}; null when the text is not a pair of numbers in range. */
    public static GeoPoint parse(String text) {
      if (text == null) return null;
      int comma = text.indexOf(',');
      if (comma < 0) return null;
      try {
        double lat = Double.parseDouble(text.substring(0, comma).trim());
        double lon = Double.parseDouble(text.substring(comma + 1).trim());
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
        return new GeoPoint(lat, lon);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  private static volatile Gazetteer instance;
  private final Map<String, Place> byName = new LinkedHashMap<>();
  private final Map<String, String> routeNames = new LinkedHashMap<>();

  private Gazetteer() {
    Routes routes = Routes.get();
    Map<String, Set<String>> onRoutes = new LinkedHashMap<>();
    for (Routes.Route r : routes.all()) {
      routeNames.put(r.id(), r.name());
      for (Routes.Place p : routes.placesOf(r)) onRoutes.computeIfAbsent(p.id(), k -> new LinkedHashSet<>()).add(r.id());
    }
    JsonNode y = read();
    for (Routes.Place p : routes.places()) {
      Place place = new Place(p.name(), p.country(), GeoPoint.parse(p.geo()), Set.copyOf(onRoutes.getOrDefault(p.id(), Set.of())));
      put(p.name(), place);
      for (JsonNode alias : y.path("aliases").path(p.name())) put(alias.asText(), place);
    }
    for (JsonNode n : y.path("places")) {
      Set<String> on = new LinkedHashSet<>();
      n.path("routes").forEach(r -> on.add(r.asText()));
      GeoPoint geo = GeoPoint.parse(n.path("geo").asText(null));
      if (geo == null) throw new IllegalStateException("routes/gazetteer.yaml: " + n.path("name").asText() + ": geo is not \"lat,lon\"");
      Place place = new Place(n.path("name").asText(), n.path("country").asText(), geo, Set.copyOf(on));
      put(place.name(), place);
      for (JsonNode alias : n.path("aliases")) put(alias.asText(), place);
    }
    routeNames.putIfAbsent("wmed", "Western Mediterranean");
  }

  public static Gazetteer get() {
    if (instance == null) {
      synchronized (Gazetteer.class) {
        if (instance == null) instance = new Gazetteer();
      }
    }
    return instance;
  }

  private static JsonNode read() {
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream("routes/gazetteer.yaml")) {
      if (in == null) throw new IllegalStateException("routes/gazetteer.yaml missing from the class path");
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void put(String name, Place place) {
    byName.putIfAbsent(key(name), place);
  }

  /** Answers by the name as written: a route view asks for the same few dozen names thousands of times. */
  private final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<Place>> found = new java.util.concurrent.ConcurrentHashMap<>();

  /** The place a name or a short description names, or null. */
  public Place find(String name) {
    if (name == null || name.isBlank()) return null;
    java.util.Optional<Place> known = found.get(name);
    if (known != null) return known.orElse(null);
    Place p = lookUp(name);
    if (found.size() > 100_000) found.clear(); // names are few; a flood of distinct texts only costs the cache
    found.put(name, java.util.Optional.ofNullable(p));
    return p;
  }

  private Place lookUp(String name) {
    String k = key(name);
    Place p = byName.get(k);
    if (p != null) return p;
    // "off Lampedusa", "Mytilene, Lesbos harbour": the longest known name contained as whole words.
    Place best = null;
    int bestLength = 0;
    String padded = " " + k + " ";
    for (var e : byName.entrySet()) {
      if (e.getKey().length() > bestLength && padded.contains(" " + e.getKey() + " ")) {
        best = e.getValue();
        bestLength = e.getKey().length();
      }
    }
    return best;
  }

  /** The routes known by id, with their names. */
  public Map<String, String> routes() {
    return java.util.Collections.unmodifiableMap(routeNames);
  }

  /** A route's id from its id or name (any case), or null. */
  public String routeId(String idOrName) {
    if (idOrName == null) return null;
    for (var e : routeNames.entrySet()) {
      if (e.getKey().equalsIgnoreCase(idOrName.trim()) || key(e.getValue()).equals(key(idOrName))) return e.getKey();
    }
    return null;
  }

  /** Every place, once. */
  public List<Place> places() {
    return new ArrayList<>(new LinkedHashSet<>(byName.values()));
  }

  /** Lower case, accents and punctuation dropped, spaces collapsed. */
  static String key(String name) {
    String d = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }
}
