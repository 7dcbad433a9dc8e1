package org.mirabella.model.types;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point on the earth as {@code lat,lon} in decimal degrees (WGS 84), six decimals (about 0.1 m).
 * Accepts {@code "35.5, 12.6"}, {@code "35.5 12.6"}, hemisphere letters ({@code 35.5N 12.6E}) and
 * degrees with minutes and seconds as ships and coast guards report them
 * ({@code 35°30.5'N 012°36'12"E}). A minus sign with the letter N or E contradicts itself and is
 * rejected, as are minutes or seconds of 60 and more and points off the globe. Comparison decays
 * with distance: 1 at the same place, 0 beyond 50 km.
 */
public class GeoPointType implements PropertyType {
  private static final String COORD =
      "([-+]?\\d{1,3}(?:\\.\\d+)?)\\s*°?\\s*(?:(\\d{1,2}(?:\\.\\d+)?)\\s*['′]\\s*(?:(\\d{1,2}(?:\\.\\d+)?)\\s*(?:\"|″|'')\\s*)?)?";
  private static final Pattern POINT = Pattern.compile(
      "\\s*" + COORD + "([NSns])?(?:\\s*[,;]\\s*|\\s+|(?<=[NSns])\\s*)" + COORD + "([EWew])?\\s*");

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
    Matcher m = POINT.matcher(StringType.asciiDigits(raw).replace('\u2212', '-').replace('\u066b', '.'));
    if (!m.matches()) return Cleaned.invalid("not coordinates 'lat,lon': '" + raw.strip() + "'");
    Object lat = degrees(m.group(1), m.group(2), m.group(3), m.group(4), "latitude");
    if (lat instanceof Cleaned.Invalid bad) return bad;
    Object lon = degrees(m.group(5), m.group(6), m.group(7), m.group(8), "longitude");
    if (lon instanceof Cleaned.Invalid bad) return bad;
    double la = (Double) lat;
    double lo = (Double) lon;
    if (la < -90 || la > 90) return Cleaned.invalid("latitude out of range: " + la);
    if (lo < -180 || lo > 180) return Cleaned.invalid("longitude out of range: " + lo);
    return Cleaned.valid(format(la) + "," + format(lo));
  }

  /** Decimal degrees from degrees, minutes and seconds and a hemisphere letter; or an Invalid. */
  private static Object degrees(String deg, String min, String sec, String hemisphere, String what) {
    double d = Double.parseDouble(deg);
    boolean negative = deg.startsWith("-");
    if (min != null) {
      if (deg.contains(".")) return Cleaned.invalid(what + " with decimal degrees and minutes: " + deg + "° " + min + "'");
      double mi = Double.parseDouble(min);
      double se = sec == null ? 0 : Double.parseDouble(sec);
      if (mi >= 60) return Cleaned.invalid(what + " minutes out of range: " + min);
      if (se >= 60) return Cleaned.invalid(what + " seconds out of range: " + sec);
      d = Math.abs(d) + mi / 60 + se / 3600;
      if (negative) d = -d;
    }
    if (hemisphere != null) {
      String h = hemisphere.toUpperCase(Locale.ROOT);
      boolean south = h.equals("S") || h.equals("W");
      if (negative && !south) return Cleaned.invalid(what + " " + deg + " with hemisphere " + h);
      d = south ? -Math.abs(d) : d;
    }
    return d;
  }

  private static String format(double d) {
    String s = String.format(Locale.ROOT, "%.6f", d);
    int end = s.length(); // "12.500000" -> "12.5", "3.000000" -> "3" (was two replaceAll calls, compiled each time)
    while (s.charAt(end - 1) == '0') end--;
    if (s.charAt(end - 1) == '.') end--;
    s = s.substring(0, end);
    return s.equals("-0") ? "0" : s;
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

  /** Latitude and longitude of a clean point. */
  public static double[] parse(String clean) {
    int comma = clean.indexOf(',');
    return new double[] {Double.parseDouble(clean.substring(0, comma)), Double.parseDouble(clean.substring(comma + 1))};
  }

  @Override
  public double compare(String left, String right) {
    return Math.max(0, 1 - distanceKm(left, right) / 50.0);
  }
}
