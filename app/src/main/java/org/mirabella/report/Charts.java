package org.mirabella.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Draws a report's charts with XChart, as PNG, from the report's (published) tables: a withheld
 * cell is drawn as 0. A chart whose table has no rows is not drawn.
 */
public final class Charts {
  private static final Color[] PALETTE = {new Color(0x1f4e79), new Color(0xc55a11), new Color(0x548235), new Color(0x7f6000),
      new Color(0x7030a0), new Color(0x2e75b6)};

  private Charts() {}

  /** The PNG of a chart, or null when its table is missing or empty. */
  public static byte[] png(Report report, Report.Chart spec) {
    System.setProperty("java.awt.headless", "true");
    Table t = report.table(spec.tableId());
    if (t == null || t.isEmpty()) return null;
    int cat = index(t, spec.categoryColumn());
    List<String> categories = new ArrayList<>();
    List<List<Object>> rows = t.rows().subList(0, Math.min(t.rows().size(), spec.maxCategories()));
    for (List<Object> r : rows) categories.add(shorten(Table.display(r.get(cat))));
    CategoryChart chart = new CategoryChartBuilder().width(1000).height(460).title(spec.title()).yAxisTitle(spec.yTitle()).build();
    Styler.ChartTheme theme = Styler.ChartTheme.XChart;
    chart.getStyler().setTheme(theme.newInstance(theme));
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBorderVisible(false);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendBorderColor(Color.WHITE);
    chart.getStyler().setSeriesColors(PALETTE);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    chart.getStyler().setXAxisLabelRotation(categories.size() > 4 ? 30 : 0);
    chart.getStyler().setYAxisDecimalPattern("#,###");
    chart.getStyler().setStacked(spec.type() == Report.Chart.Type.STACKED_BAR);
    if (spec.type() == Report.Chart.Type.LINE) chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    for (String series : spec.seriesColumns()) {
      int c = index(t, series);
      List<Number> ys = new ArrayList<>();
      for (List<Object> r : rows) ys.add(Table.number(r.get(c)));
      chart.addSeries(series, categories, ys);
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int index(Table t, String column) {
    for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
    throw new IllegalArgumentException("no column " + column + " in table " + t.id());
  }

  private static String shorten(String s) {
    return s.length() <= 28 ? s : s.substring(0, 27) + "…";
  }
}
