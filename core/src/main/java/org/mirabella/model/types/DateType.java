package org.mirabella.model.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates that keep their precision, as FtM does: {@code 1990}, {@code 1990-05}, {@code 1990-05-17},
 * or a UTC timestamp {@code 1990-05-17T10:15:00} (a time with an offset, {@code +02:00}, {@code +0530}
 * or {@code -05}, is converted to UTC; one without is taken as UTC; fractions of a second are
 * dropped). Impossible dates (30 February, month 13, hour 25) are
 * rejected. Only ISO forms are accepted here: local formats such as {@code dd/MM/yyyy} are an
 * import mapping's business, which knows the source's convention.
 */
public class DateType implements PropertyType {
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?");

  @Override
  public String name() {
    return "date";
  }

  @Override
  public boolean matchable() {
    return true;
  }

  @Override
  public int maxLength() {
    return 32;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty date");
    String v = StringType.asciiDigits(raw.strip());
    Matcher m = ISO.matcher(v.toUpperCase(Locale.ROOT));
    if (!m.matches()) return Cleaned.invalid("not a date in ISO form (yyyy, yyyy-MM or yyyy-MM-dd): '" + v + "'");
    int year = Integer.parseInt(m.group(1));
    if (year < 1000 || year > 2999) return Cleaned.invalid("year out of range: " + year);
    try {
      if (m.group(2) == null) return Cleaned.valid(String.format("%04d", year));
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) return Cleaned.invalid("no month " + month + " in '" + v + "'");
      if (m.group(3) == null) return Cleaned.valid(YearMonth.of(year, month).toString());
      LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
      if (m.group(4) == null) return Cleaned.valid(date.toString());
      int hour = Integer.parseInt(m.group(4));
      int minute = Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      LocalDateTime t = date.atTime(hour, minute, second);
      if (m.group(7) != null && !m.group(7).equals("Z")) {
        String off = m.group(7).replace(":", "");
        t = t.atOffset(ZoneOffset.of(off.substring(0, 3) + ":" + (off.length() == 3 ? "00" : off.substring(3))))
            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      return Cleaned.valid(t.toString().length() == 16 ? t + ":00" : t.toString());
    } catch (DateTimeException e) {
      return Cleaned.invalid("impossible date '" + v + "': " + e.getMessage());
    }
  }

  /** The precision of a clean value: 4 = year, 7 = month, 10 = day, longer = time. */
  public static int precision(String clean) {
    return clean.length();
  }

  /**
   * Compares two clean dates at the precision both share: {@code 1987} and {@code 1987-03-02}
   * agree fully; a mismatch in the shared prefix scores 0.
   */
  @Override
  public double compare(String left, String right) {
    int n = Math.min(Math.min(left.length(), right.length()), 10);
    return left.regionMatches(0, right, 0, n) ? 1.0 : 0.0;
  }

  /** Parses a clean value as a point in time (start of the period it names). */
  public static OffsetDateTime start(String clean) {
    return switch (clean.length()) {
      case 4 -> LocalDate.of(Integer.parseInt(clean), 1, 1).atStartOfDay().atOffset(ZoneOffset.UTC);
      case 7 -> YearMonth.parse(clean).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
      case 10 -> LocalDate.parse(clean).atStartOfDay().atOffset(ZoneOffset.UTC);
      default -> LocalDateTime.parse(clean).atOffset(ZoneOffset.UTC);
    };
  }
}
