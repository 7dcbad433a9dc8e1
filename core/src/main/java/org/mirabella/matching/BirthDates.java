package org.mirabella.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Birth dates of one entity at their precision (year, year-month or day), parsed once into numbers
 * for the pair loop.
 */
public final class BirthDates {
  static final BirthDates NONE = new BirthDates(new String[0], new int[0], new int[0], new int[0]);

  public final String[] values;
  public final int[] years;
  /** 0 where unknown. */
  public final int[] months;
  public final int[] days;

  private BirthDates(String[] values, int[] years, int[] months, int[] days) {
    this.values = values;
    this.years = years;
    this.months = months;
    this.days = days;
  }

  public static BirthDates of(List<String> clean) {
    if (clean.isEmpty()) return NONE;
    List<String> ok = new ArrayList<>();
    for (String c : clean) if (c.length() >= 4 && Character.isDigit(c.charAt(0))) ok.add(c);
    int n = ok.size();
    int[] y = new int[n];
    int[] m = new int[n];
    int[] d = new int[n];
    for (int i = 0; i < n; i++) {
      String c = ok.get(i);
      y[i] = Integer.parseInt(c.substring(0, 4));
      if (c.length() >= 7) m[i] = Integer.parseInt(c.substring(5, 7));
      if (c.length() >= 10) d[i] = Integer.parseInt(c.substring(8, 10));
    }
    return new BirthDates(ok.toArray(String[]::new), y, m, d);
  }

  public boolean isEmpty() {
    return years.length == 0;
  }

  List<String> blockingKeys() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < years.length; i++) {
      if (days[i] > 0) {
        out.add("b:" + values[i].substring(0, 10));
        if (days[i] <= 12 && days[i] != months[i]) out.add(String.format("b:%04d-%02d-%02d", years[i], days[i], months[i]));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return String.join("/", values);
  }
}
