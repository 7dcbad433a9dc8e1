package org.mirabella.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table of a report: named columns of a {@link Kind}, rows of values, an optional totals row and
 * notes. Counts are what small-count suppression applies to ({@link Suppression}); a cell it withholds
 * holds a {@link Withheld}. Renderers (HTML, PDF, CSV, charts) all read the same table, so what is
 * published is the same everywhere.
 */
public record Table(String id, String title, List<Column> columns, List<List<Object>> rows, List<Object> totals,
    List<String> notes) {

  /** What a column holds. Only counts of people and events ({@code COUNT}) are suppressed when small. */
  public enum Kind { TEXT, COUNT, NUMBER, AMOUNT, PERCENT }

  /**
   * A column. {@code dependsOn} names the columns a cell is worked out from (a change in per cent,
   * prices over n payments): where one of those is withheld, so is this cell, since it would give
   * the withheld count away.
   */
  public record Column(String name, Kind kind, List<String> dependsOn) {
    public Column {
      dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public Column(String name, Kind kind) {
      this(name, kind, List.of());
    }

    public static Column text(String name) {
      return new Column(name, Kind.TEXT);
    }

    /** A text column worked out from others (withheld with them). */
    public static Column derived(String name, String... sources) {
      return new Column(name, Kind.TEXT, List.of(sources));
    }

    public static Column count(String name) {
      return new Column(name, Kind.COUNT);
    }

    /** A number that is not a count of people or events (agencies, operations): never suppressed. */
    public static Column number(String name) {
      return new Column(name, Kind.NUMBER);
    }

    public static Column amount(String name) {
      return new Column(name, Kind.AMOUNT);
    }

    public static Column percent(String name) {
      return new Column(name, Kind.PERCENT);
    }
  }

  /** A value not published: its display text ({@code <5}, or {@code x} for secondary suppression). */
  public record Withheld(String display) {}

  public Table {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z0-9-]+")) throw new IllegalArgumentException("table id must be a slug: " + id);
    columns = List.copyOf(columns);
    List<List<Object>> rs = new ArrayList<>();
    for (List<Object> r : rows) {
      if (r.size() != columns.size()) throw new IllegalArgumentException(id + ": row of " + r.size() + " cells for " + columns.size() + " columns");
      rs.add(Collections.unmodifiableList(new ArrayList<>(r)));
    }
    rows = Collections.unmodifiableList(rs);
    if (totals != null && totals.size() != columns.size()) throw new IllegalArgumentException(id + ": totals row of wrong size");
    totals = totals == null ? null : Collections.unmodifiableList(new ArrayList<>(totals));
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** Starts a table. */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The number in a cell (a withheld or empty cell is 0): what charts plot. */
  public static double number(Object cell) {
    if (cell instanceof Number n) return n.doubleValue();
    return 0;
  }

  /** How a cell is shown in every output. */
  public static String display(Object cell) {
    if (cell == null) return "";
    if (cell instanceof Withheld w) return w.display();
    if (cell instanceof BigDecimal b) return b.stripTrailingZeros().toPlainString();
    if (cell instanceof Double d) return String.format(java.util.Locale.ROOT, "%.1f", d);
    return String.valueOf(cell);
  }

  public Table withCells(List<List<Object>> newRows, List<Object> newTotals, List<String> newNotes) {
    return new Table(id, title, columns, newRows, newTotals, newNotes);
  }

  /** Collects rows. */
  public static final class Builder {
    private final String id;
    private final String title;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private List<Object> totals;

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    public Builder columns(Column... cs) {
      columns.addAll(List.of(cs));
      return this;
    }

    public Builder row(Object... cells) {
      rows.add(java.util.Arrays.asList(cells));
      return this;
    }

    public Builder totals(Object... cells) {
      totals = java.util.Arrays.asList(cells);
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    public Table build() {
      return new Table(id, title, columns, rows, totals, notes);
    }
  }
}
