package org.mirabella.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mirabella.analysis.disruption.DisruptionCurve;

/**
 * Disruption curves as a PNG line chart (XChart): nodes removed on the x axis, the largest
 * connected component as a share of the initial one on the y axis (0 to 1), one series per curve.
 * Series whose name ends in {@code "block"} are drawn dashed, so sequential and block runs of the
 * same strategy can share a chart and a colour.
 */
public final class DisruptionChart {
  private static final Color[] PALETTE = {new Color(0x1f4e79), new Color(0xc55a11), new Color(0x548235),
      new Color(0x7030a0), new Color(0x7f6000), new Color(0x2e75b6)};

  private DisruptionChart() {}

  /** One curve. */
  public static byte[] png(String title, String name, DisruptionCurve curve) {
    Map<String, DisruptionCurve> one = new LinkedHashMap<>();
    one.put(name, curve);
    return png(title, one);
  }

  /**
   * Several curves, in the map's order; curves without rows are left out.
   *
   * @throws IllegalArgumentException when no curve has a row
   */
  public static byte[] png(String title, Map<String, DisruptionCurve> curves) {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
        .xAxisTitle("nodes removed").yAxisTitle("largest component / initial").build();
    Styler.ChartTheme theme = Styler.ChartTheme.XChart;
    chart.getStyler().setTheme(theme.newInstance(theme));
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBorderVisible(false);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int colour = 0;
    Map<String, Color> byStrategy = new LinkedHashMap<>();
    for (Map.Entry<String, DisruptionCurve> e : curves.entrySet()) {
      List<DisruptionCurve.Point> points = e.getValue().points();
      if (points.isEmpty()) continue;
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (DisruptionCurve.Point p : points) {
        xs.add((double) p.removed());
        ys.add(p.lccRatio());
      }
      XYSeries s = chart.addSeries(e.getKey(), xs, ys);
      boolean block = e.getKey().endsWith("block");
      String strategy = e.getKey().replaceAll("\\s*(sequential|block)$", "");
      Color c = byStrategy.get(strategy);
      if (c == null) {
        c = PALETTE[colour++ % PALETTE.length];
        byStrategy.put(strategy, c);
      }
      s.setLineColor(c);
      s.setMarkerColor(c);
      s.setMarker(block ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
      s.setLineStyle(block ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(2f));
    }
    if (chart.getSeriesMap().isEmpty()) throw new IllegalArgumentException("nothing to plot: no curve has a row");
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
