package org.mirabella.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mirabella.model.InvalidData;

/**
 * Local date formats to ISO, keeping the precision the pattern has: {@code yyyy} gives a year,
 * {@code MM/yyyy} a month, {@code dd/MM/yyyy} or {@code yyyy年M月d日} a day, a pattern with hours a
 * timestamp. Parsing is strict: 30/02/1990 is not a date. Patterns are java.time's.
 * <p>Two-digit years ({@code yy}) are read in a window of a hundred years that depends on what the
 * date is ({@link Window}): never java.time's fixed 2000–2099, which would make a birth year 87
 * into 2087.
 */
final class DateFormats {
  private enum Precision { YEAR, MONTH, DAY, TIME }

  /**
   * Where a two-digit year lands. {@link #PAST}, for dates that cannot be in the future (birth
   * dates): the hundred years up to and including this year, so in 2026 {@code 87} is 1987 and
   * {@code 26} 2026. {@link #AROUND_NOW}, for all other dates (which may lie ahead, like a document's
   * expiry): 80 years back to 19 ahead, as java.text.SimpleDateFormat does, so in 2026 {@code 45}
   * is 2045 and {@code 46} 1946.
   */
  enum Window {
    PAST(99), AROUND_NOW(80);

    private final int yearsBack;

    Window(int yearsBack) {
      this.yearsBack = yearsBack;
    }

    /** The first year of the window in {@code thisYear}. */
    int base(int thisYear) {
      return thisYear - yearsBack;
    }
  }

  private record Compiled(DateTimeFormatter formatter, Precision precision) {}

  private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

  private DateFormats() {}

  /** Compiles the pattern, or fails naming {@code where}. */
  static void check(String pattern, String where) {
    try {
      compile(pattern, Window.AROUND_NOW, LocalDate.now().getYear());
    } catch (IllegalArgumentException e) {
      throw new InvalidData("Bad mapping", Map.of(where, "not a date pattern '" + pattern + "': " + e.getMessage()));
    }
  }

  private static Compiled compile(String pattern, Window window, int thisYear) {
    return CACHE.computeIfAbsent(pattern + "\u0000" + window + thisYear, k -> {
      DateTimeFormatterBuilder b = new DateTimeFormatterBuilder();
      StringBuilder part = new StringBuilder();
      boolean quoted = false;
      boolean day = false;
      boolean month = false;
      boolean time = false;
      char[] cs = pattern.toCharArray();
      for (int i = 0; i < cs.length; i++) {
        char c = cs[i];
        if (c == '\'') quoted = !quoted;
        if (!quoted) {
          day |= c == 'd';
          month |= c == 'M' || c == 'L';
          time |= c == 'H' || c == 'h' || c == 'm';
          if (c == 'y' || c == 'u') {
            int run = 1;
            while (i + run < cs.length && cs[i + run] == c) run++;
            if (run == 2) { // a two-digit year: read in the window, not in 2000-2099
              b.appendPattern(part.toString());
              part.setLength(0);
              b.appendValueReduced(ChronoField.YEAR, 2, 2, window.base(thisYear));
              i += 1;
              continue;
            }
            part.append("u".repeat(run)); // 'u' is the proleptic year: strict resolution needs no era
            i += run - 1;
            continue;
          }
        }
        part.append(c);
      }
      b.appendPattern(part.toString());
      Precision precision = time ? Precision.TIME : day ? Precision.DAY : month ? Precision.MONTH : Precision.YEAR;
      return new Compiled(b.toFormatter().withResolverStyle(ResolverStyle.STRICT), precision);
    });
  }

  /** The value in ISO form from the first pattern that reads it, or null when none does. */
  static String toIso(String value, List<String> patterns) {
    return toIso(value, patterns, Window.AROUND_NOW, LocalDate.now().getYear());
  }

  /** As {@link #toIso(String, List)}, two-digit years read in {@code window} as of {@code thisYear}. */
  static String toIso(String value, List<String> patterns, Window window, int thisYear) {
    for (String p : patterns) {
      Compiled c = compile(p, window, thisYear);
      try {
        TemporalAccessor t = c.formatter().parse(value);
        int year = t.get(ChronoField.YEAR);
        return switch (c.precision()) {
          case YEAR -> String.format("%04d", year);
          case MONTH -> YearMonth.of(year, t.get(ChronoField.MONTH_OF_YEAR)).toString();
          case DAY -> LocalDate.of(year, t.get(ChronoField.MONTH_OF_YEAR), t.get(ChronoField.DAY_OF_MONTH)).toString();
          case TIME -> LocalDateTime.of(year, t.get(ChronoField.MONTH_OF_YEAR), t.get(ChronoField.DAY_OF_MONTH),
              t.get(ChronoField.HOUR_OF_DAY), t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0,
              t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0).toString();
        };
      } catch (DateTimeException e) {
        // try the next pattern
      }
    }
    return null;
  }
}
