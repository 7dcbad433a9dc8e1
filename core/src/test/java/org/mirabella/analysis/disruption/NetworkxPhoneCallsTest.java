package org.mirabella.analysis.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.SharedData;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.io.EdgeListFormat;
import org.mirabella.analysis.io.EdgeListReader;

/**
 * The same procedure on the Montagna phone-call network, whose published curves are kept apart:
 * checked against curves computed with networkx 3.6.1 (16 series, every row within 1e-9).
 */
class NetworkxPhoneCallsTest {
  @Test
  void allSixteenSeriesMatchNetworkx() throws IOException {
    Network g = EdgeListReader.read(
        SharedData.network("montagna/Montagna_phonecalls_edgelist.csv"), EdgeListFormat.SSV);
    assertThat(g.nodeCount()).isEqualTo(100);
    assertThat(g.edgeCount()).isEqualTo(124);
    Map<String, List<double[]>> expected = new LinkedHashMap<>();
    try (InputStream in = getClass().getResourceAsStream("phonecalls-networkx.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split(" ");
        expected.computeIfAbsent(f[0] + " " + f[1] + " " + f[2], k -> new ArrayList<>())
            .add(new double[] {Integer.parseInt(f[3]), Double.parseDouble(f[4])});
      }
    }
    assertThat(expected).hasSize(16);
    for (Map.Entry<String, List<double[]>> e : expected.entrySet()) {
      String[] k = e.getKey().split(" ");
      DisruptionCurve curve = DisruptionSimulation.simulate(
          g, RemovalStrategy.parse(k[0]), RemovalMode.parse(k[1]), k[2].equals("w"));
      assertThat(curve.points()).as(e.getKey()).hasSize(e.getValue().size());
      for (int i = 0; i < curve.points().size(); i++) {
        assertThat(curve.points().get(i).removed()).as(e.getKey() + " row " + i)
            .isEqualTo((int) e.getValue().get(i)[0]);
        assertThat(curve.points().get(i).lccRatio()).as(e.getKey() + " row " + i)
            .isCloseTo(e.getValue().get(i)[1], within(1e-9));
      }
    }
  }
}
