package org.mirabella.analysis.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.analysis.SharedData;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.io.EdgeListFormat;
import org.mirabella.analysis.io.EdgeListReader;

/**
 * Reproduces, every row within 1e-9, the 16 published disruption curves of Cavallaro et al. (2020)
 * for the Montagna meetings network (the authors' own output files).
 */
class CavallaroMontagnaTest {
  private static final String[] COLUMNS = {"Betweenness", "Katz", "Collective Influence", "Degree"};
  private static final RemovalStrategy[] STRATEGIES = {
    RemovalStrategy.BETWEENNESS, RemovalStrategy.KATZ, RemovalStrategy.CI, RemovalStrategy.DEGREE
  };

  static Stream<Arguments> series() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (RemovalMode mode : RemovalMode.values()) {
      for (boolean weighted : new boolean[] {false, true}) {
        for (int c = 0; c < COLUMNS.length; c++) b.add(Arguments.of(mode, weighted, c));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} weighted={1} {2}")
  @MethodSource("series")
  void reproducesPublishedCurve(RemovalMode mode, boolean weighted, int column) throws IOException {
    Path edges = SharedData.network("montagna/Montagna_meetings_edgelist.csv");
    Path published = SharedData.network("montagna/published-results/"
        + mode.name().toLowerCase() + "_meeting_" + (weighted ? "Weighted" : "Unweighted") + "_5nrem.csv");
    Network g = EdgeListReader.read(edges, EdgeListFormat.SSV);
    assertThat(g.nodeCount()).isEqualTo(101);
    assertThat(g.edgeCount()).isEqualTo(256);

    List<String[]> rows = Files.readAllLines(published).stream().skip(1).map(l -> l.split(",")).toList();
    DisruptionCurve curve = DisruptionSimulation.simulate(g, STRATEGIES[column], mode, weighted);

    assertThat(curve.points()).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      DisruptionCurve.Point p = curve.points().get(i);
      assertThat(p.removed()).as("row %d removed", i).isEqualTo(Integer.parseInt(rows.get(i)[1]));
      assertThat(p.lccRatio()).as("row %d (%d removed) %s", i, p.removed(), COLUMNS[column])
          .isCloseTo(Double.parseDouble(rows.get(i)[2 + column]), within(1e-9));
    }
  }
}
