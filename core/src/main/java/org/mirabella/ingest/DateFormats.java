package org.mirabella.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
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
 */
final class DateFormats {
  private enum Precision { YEAR, MONTH, DAY, TIME }

  private record Compiled(DateTimeFormatter formatter, Precision precision) {}

  private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

  private DateFormats() {}

  /** Compiles the pattern, or fails naming {@code where}. */
  static void check(String pattern, String where) {
    try {
      compile(pattern);
    } catch (IllegalArgumentException e) {
      throw new InvalidData("Bad mapping", Map.of(where, "not a date pattern '" + pattern + "': " + e.getMessage()));
    }
  }

  private static Compiled compile(String pattern) {
    return CACHE.computeIfAbsent(pattern, p -> {
      StringBuilder strict = new StringBuilder();
      boolean quoted = false;
      boolean day = false;
      boolean month = false;
      boolean time = false;
      for (char c : p.toCharArray()) {
        if (c == '\'') quoted = !quoted;
        if (!quoted) {
          day |= c == 'd';
          month |= c == 'M' || c == 'L';
          time |= c == 'H' || c == 'h' || c == 'm';
          if (c == 'y') c = 'u'; // 'u' is the proleptic year: strict resolution needs no era
        }
        strict.append(c);
      }
      Precision precision = time ? Precision.TIME : day ? Precision.DAY : month ? Precision.MONTH : Precision.YEAR;
      return new Compiled(DateTimeFormatter.ofPattern(strict.toString()).withResolverStyle(ResolverStyle.STRICT), precision);
    });
  }

  /** The value in ISO form from the first pattern that reads it, or null when none does. */
  static String toIso(String value, List<String> patterns) {
    for (String p : patterns) {
      Compiled c = compile(p);
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
