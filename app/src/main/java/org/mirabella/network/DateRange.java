package org.mirabella.network;

import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * A period for viewing a network "as of" a day or between two days. Dates may be partial as FtM
 * keeps them ({@code 2024}, {@code 2024-08}): a partial start counts from its first day, a partial end
 * to its last, so a link dated only "2024" overlaps August 2024. Undated links always overlap.
 */
public record DateRange(String from, String to) {
  public static final DateRange ALL = new DateRange(null, null);

  public DateRange {
    from = check("from", from);
    to = check("to", to);
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw new InvalidData("Invalid request", Map.of("from", "'" + from + "' is after to '" + to + "'"));
    }
  }

  /** A range whose end came as the parameter {@code toField} ({@code asOf}): a bad end is reported under that name. */
  public static DateRange ending(String from, String to, String toField) {
    check(toField, to);
    return new DateRange(from, to);
  }

  private static String check(String field, String v) {
    if (v == null || v.isBlank()) return null;
    String s = v.strip();
    // The shape, then the calendar: 2025-02-31 or 2025-13 is no day to filter by.
    if (!s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") || org.mirabella.report.Period.extent(s) == null) {
      throw new InvalidData("Invalid request", Map.of(field, "'" + (s.length() > 40 ? s.substring(0, 40) : s)
          + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
    }
    return s;
  }

  /** Whether a link from {@code first} to {@code last} (either may be null) falls in this range. */
  public boolean overlaps(String first, String last) {
    if (first == null && last == null) return true;
    String start = low(first != null ? first : last);
    String end = high(last != null ? last : first);
    return (to == null || start.compareTo(high(to)) <= 0) && (from == null || end.compareTo(low(from)) >= 0);
  }

  private static String low(String d) {
    return d.length() == 4 ? d + "-01-01" : d.length() == 7 ? d + "-01" : d.substring(0, Math.min(10, d.length()));
  }

  private static String high(String d) {
    return d.length() == 4 ? d + "-12-31" : d.length() == 7 ? d + "-31" : d.substring(0, Math.min(10, d.length()));
  }
}
