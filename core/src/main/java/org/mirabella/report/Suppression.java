package org.mirabella.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-count suppression for published aggregates: a count from 1 to {@code threshold - 1} is shown
 * as {@code <threshold} (default {@code <5}), since so few people may be recognisable. Zero is shown:
 * it discloses nobody. Where a table has a totals row and a column has exactly one withheld cell,
 * the cell could be worked out from the total, so the next smallest count of that column is withheld
 * too and shown as {@code x} (secondary suppression); so is a cell worked out from a withheld count
 * (a change in per cent, see {@link Table.Column#dependsOn}). A threshold of 0 or 1 publishes everything.
 */
public record Suppression(int threshold) {
  public static final Suppression DEFAULT = new Suppression(5);
  public static final Suppression NONE = new Suppression(0);

  public Suppression {
    if (threshold < 0) throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
  }

  /** Whether a count is withheld. */
  public boolean withholds(long count) {
    return count > 0 && count < threshold;
  }

  public String marker() {
    return "<" + threshold;
  }

  private static int index(Table t, String column) {
    for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
    throw new IllegalArgumentException(t.id() + ": no column " + column);
  }

  private static boolean derivedWithheld(Table t, List<List<Object>> rows) {
    for (int c = 0; c < t.columns().size(); c++) {
      if (t.columns().get(c).dependsOn().isEmpty()) continue;
      for (List<Object> r : rows) if (r.get(c) instanceof Table.Withheld) return true;
    }
    return false;
  }

  /** The table as published. Only {@link Table.Kind#COUNT} columns are touched. */
  public Table apply(Table t) {
    if (threshold <= 1) return t;
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> r : t.rows()) rows.add(new ArrayList<>(r));
    List<Object> totals = t.totals() == null ? null : new ArrayList<>(t.totals());
    boolean any = false;
    boolean secondary = false;
    for (int c = 0; c < t.columns().size(); c++) {
      if (t.columns().get(c).kind() != Table.Kind.COUNT) continue;
      int withheld = 0;
      for (List<Object> r : rows) {
        if (r.get(c) instanceof Number n && withholds(n.longValue())) {
          r.set(c, new Table.Withheld(marker()));
          withheld++;
        }
      }
      if (totals != null && totals.get(c) instanceof Number n && withholds(n.longValue())) {
        totals.set(c, new Table.Withheld(marker()));
      } else if (totals != null && withheld == 1 && totals.get(c) instanceof Number) {
        List<Object> smallest = null;
        for (List<Object> r : rows) {
          if (r.get(c) instanceof Number n && n.longValue() > 0
              && (smallest == null || n.longValue() < ((Number) smallest.get(c)).longValue())) {
            smallest = r;
          }
        }
        if (smallest != null) {
          smallest.set(c, new Table.Withheld("x"));
          secondary = true;
        } else {
          totals.set(c, new Table.Withheld("x"));
          secondary = true;
        }
      }
      any |= withheld > 0;
    }
    // Cells worked out from a withheld count are withheld with it.
    for (int c = 0; c < t.columns().size(); c++) {
      for (String source : t.columns().get(c).dependsOn()) {
        int sc = index(t, source);
        for (List<Object> r : rows) if (r.get(sc) instanceof Table.Withheld && !(r.get(c) instanceof Table.Withheld)) r.set(c, new Table.Withheld("x"));
        if (totals != null && totals.get(sc) instanceof Table.Withheld) totals.set(c, new Table.Withheld("x"));
      }
    }
    if (!any) return t;
    List<String> notes = new ArrayList<>(t.notes());
    notes.add("Counts from 1 to " + (threshold - 1) + " are shown as " + marker() + ".");
    if (secondary || derivedWithheld(t, rows)) notes.add("x: withheld so that a small count cannot be worked out from it.");
    return t.withCells(rows, totals, notes);
  }
}
