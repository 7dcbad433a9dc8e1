package org.mirabella.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mirabella.model.InvalidData;

/**
 * A reporting period: a year ({@code 2025}), a half ({@code 2025-H1}), a quarter ({@code 2025-Q3})
 * or a month ({@code 2025-07}). Dates in the store keep their precision, so {@link #contains(String)}
 * takes a partial date and answers true only when the date's whole extent lies in the period: an
 * event dated only {@code 2025} is not in {@code 2025-Q3}.
 */
public record Period(String label, LocalDate start, LocalDate end) {
  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(?:Q([1-4])|H([12])|(\\d{2})))?");

  public static Period parse(String raw) {
    Matcher m = raw == null ? null : FORM.matcher(raw.strip().toUpperCase(java.util.Locale.ROOT));
    if (m == null || !m.matches()) {
      throw new InvalidData("Bad period", Map.of("period", "'" + raw + "': use 2025, 2025-H1, 2025-Q3 or 2025-07"));
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      int q = Integer.parseInt(m.group(2));
      return new Period(year + "-Q" + q, LocalDate.of(year, 3 * q - 2, 1), YearMonth.of(year, 3 * q).atEndOfMonth());
    }
    if (m.group(3) != null) {
      int h = Integer.parseInt(m.group(3));
      return new Period(year + "-H" + h, LocalDate.of(year, 6 * h - 5, 1), YearMonth.of(year, 6 * h).atEndOfMonth());
    }
    if (m.group(4) != null) {
      int month = Integer.parseInt(m.group(4));
      if (month < 1 || month > 12) throw new InvalidData("Bad period", Map.of("period", "no month " + month));
      YearMonth ym = YearMonth.of(year, month);
      return new Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth());
    }
    return new Period(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The period of the same length just before this one (2025-Q3 -> 2025-Q2, 2025-01 -> 2024-12). */
  public Period previous() {
    if (label.contains("-Q")) {
      LocalDate s = start.minusMonths(3);
      return parse(s.getYear() + "-Q" + ((s.getMonthValue() + 2) / 3));
    }
    if (label.contains("-H")) {
      LocalDate s = start.minusMonths(6);
      return parse(s.getYear() + "-H" + ((s.getMonthValue() + 5) / 6));
    }
    if (label.length() == 7) return parse(YearMonth.from(start).minusMonths(1).toString());
    return parse(String.valueOf(start.getYear() - 1));
  }

  public boolean contains(LocalDate d) {
    return d != null && !d.isBefore(start) && !d.isAfter(end);
  }

  /** Whether a partial ISO date ({@code 2025}, {@code 2025-07}, {@code 2025-07-14...}) lies wholly in the period. */
  public boolean contains(String partialDate) {
    LocalDate[] extent = extent(partialDate);
    return extent != null && contains(extent[0]) && contains(extent[1]);
  }

  /** The months of the period, in order (for time series). */
  public List<YearMonth> months() {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) out.add(m);
    return out;
  }

  /** First and last day a partial date may mean, or null if it is not a date. */
  public static LocalDate[] extent(String partialDate) {
    if (partialDate == null || partialDate.length() < 4) return null;
    try {
      if (partialDate.length() == 4) {
        int y = Integer.parseInt(partialDate);
        return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
      }
      if (partialDate.length() == 7) {
        YearMonth ym = YearMonth.parse(partialDate);
        return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
      }
      LocalDate d = LocalDate.parse(partialDate.substring(0, 10));
      return new LocalDate[] {d, d};
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The day a partial date starts on (for ordering and monthly series), or null. */
  public static LocalDate startOf(String partialDate) {
    LocalDate[] e = extent(partialDate);
    return e == null ? null : e[0];
  }

  @Override
  public String toString() {
    return label;
  }
}
