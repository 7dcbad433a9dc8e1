package org.mirabella.analysis.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.disruption.DisruptionCurve;
import org.mirabella.analysis.disruption.DisruptionSimulation;
import org.mirabella.analysis.disruption.RemovalMode;
import org.mirabella.analysis.disruption.RemovalStrategy;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class DisruptionChartTest {
  private static Network ring(int n) {
    NetworkBuilder b = new NetworkBuilder();
    for (int i = 0; i < n; i++) b.addEdge("n" + i, "n" + ((i + 1) % n));
    return b.build();
  }

  @Test
  void drawsAPngOfTheCurves() throws Exception {
    Network g = ring(20);
    Map<String, DisruptionCurve> curves = new LinkedHashMap<>();
    curves.put("degree sequential", DisruptionSimulation.simulate(g, RemovalStrategy.DEGREE, RemovalMode.SEQUENTIAL, false));
    curves.put("degree block", DisruptionSimulation.simulate(g, RemovalStrategy.DEGREE, RemovalMode.BLOCK, false));
    curves.put("empty", new DisruptionCurve(List.of(), List.of()));
    byte[] png = DisruptionChart.png("ring of 20", curves);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo(900);
    assertThat(img.getHeight()).isEqualTo(520);
    // something other than white is drawn
    boolean ink = false;
    for (int x = 0; x < img.getWidth() && !ink; x += 3) {
      for (int y = 0; y < img.getHeight() && !ink; y += 3) ink = (img.getRGB(x, y) & 0xffffff) != 0xffffff;
    }
    assertThat(ink).isTrue();
  }

  @Test
  void nothingToPlotIsAnError() {
    assertThatThrownBy(() -> DisruptionChart.png("none", "x", new DisruptionCurve(List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to plot");
  }
}
