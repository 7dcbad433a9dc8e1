package org.mirabella.model.types;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point on the earth as {@code lat,lon} in decimal degrees (WGS 84), six decimals (about 0.1 m).
 * Accepts {@code "35.5, 12.6"}, {@code "35.5 12.6"} and hemisphere letters ({@code 35.5N 12.6E}).
 * Comparison decays with distance: 1 at the same place, 0 beyond 50 km.
 */
public class GeoPointType implements PropertyType {
  private static final Pattern POINT = Pattern.compile(
      "\\s*([-+]?\\d{1,3}(?:\\.\\d+)?)\\s*°?\\s*([NSns])?\\s*[,; ]\\s*([-+]?\\d{1,3}(?:\\.\\d+)?)\\s*°?\\s*([EWew])?\\s*");

  @Override
  public String name() {
    return "geopoint";
  }

  @Override
  public int maxLength() {
    return 32;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty coordinates");
    Matcher m = POINT.matcher(raw);
    if (!m.matches()) return Cleaned.invalid("not coordinates 'lat,lon': '" + raw.strip() + "'");
    double lat = Double.parseDouble(m.group(1));
    double lon = Double.parseDouble(m.group(3));
    if (m.group(2) != null && m.group(2).equalsIgnoreCase("S")) lat = -Math.abs(lat);
    if (m.group(4) != null && m.group(4).equalsIgnoreCase("W")) lon = -Math.abs(lon);
    if (lat < -90 || lat > 90) return Cleaned.invalid("latitude out of range: " + lat);
    if (lon < -180 || lon > 180) return Cleaned.invalid("longitude out of range: " + lon);
    return Cleaned.valid(String.format(Locale.ROOT, "%.6f,%.6f", lat, lon).replaceAll("0+(?=,|$)", "").replaceAll("\\.(?=,|$)", ""));
  }

  /** Great-circle distance in kilometres between two clean points (haversine). */
  public static double distanceKm(String a, String b) {
    double[] p = parse(a);
    double[] q = parse(b);
    double dLat = Math.toRadians(q[0] - p[0]);
    double dLon = Math.toRadians(q[1] - p[1]);
    double h = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(p[0])) * Math.cos(Math.toRadians(q[0])) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  public static double[] parse(String clean) {
    int comma = clean.indexOf(',');
    return new double[] {Double.parseDouble(clean.substring(0, comma)), Double.parseDouble(clean.substring(comma + 1))};
  }

  @Override
  public double compare(String left, String right) {
    return Math.max(0, 1 - distanceKm(left, right) / 50.0);
  }
}
