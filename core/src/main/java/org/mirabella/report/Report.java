package org.mirabella.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A periodic report: sections of text, tables and charts, for one audience (an agency, or the G7
 * coordination). Charts are drawn from the report's own tables, after suppression, so a chart never
 * shows a number the tables withhold.
 */
public record Report(String title, Period period, String audience, Instant generatedAt, List<Section> sections, List<String> notes) {
  public Report {
    sections = List.copyOf(sections);
    notes = List.copyOf(notes);
  }

  /** A part of the report. */
  public record Section(String title, String text, List<Table> tables, List<Chart> charts) {
    public Section {
      tables = List.copyOf(tables);
      charts = List.copyOf(charts);
    }
  }

  /**
   * A chart of a table: one category per row (its {@code categoryColumn}), one series per
   * {@code seriesColumns}, at most {@code maxCategories} rows.
   */
  public record Chart(String id, String title, Type type, String tableId, String categoryColumn, List<String> seriesColumns,
      int maxCategories, String yTitle) {
    /** How a chart is drawn. */
    public enum Type { BAR, STACKED_BAR, LINE }
  }

  /** Every table of the report, in order. */
  public List<Table> tables() {
    List<Table> out = new ArrayList<>();
    for (Section s : sections) out.addAll(s.tables());
    return out;
  }

  public Table table(String id) {
    return tables().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
  }

  /** The report with every table published through {@code suppression}. */
  public Report published(Suppression suppression) {
    List<Section> out = new ArrayList<>();
    for (Section s : sections) out.add(new Section(s.title(), s.text(), s.tables().stream().map(suppression::apply).toList(), s.charts()));
    List<String> ns = new ArrayList<>(notes);
    if (suppression.threshold() > 1) {
      ns.add("Published figures: counts from 1 to " + (suppression.threshold() - 1) + " are shown as " + suppression.marker()
          + ", and charts draw them as 0.");
    }
    return new Report(title, period, audience, generatedAt, out, ns);
  }
}
