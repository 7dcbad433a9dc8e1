package org.mirabella.analysis.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.SharedData;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;
import org.mirabella.analysis.io.EdgeListFormat;
import org.mirabella.analysis.io.EdgeListReader;

class StructureTest {
  @Test
  void componentsOfDegenerateNetworks() {
    assertThat(new ConnectedComponents(Network.empty()).count()).isZero();
    assertThat(ConnectedComponents.largestSize(Network.empty())).isZero();
    assertThat(new ConnectedComponents(Fixtures.single()).largestSize()).isEqualTo(1);
    assertThat(new ConnectedComponents(Fixtures.twoLinked()).count()).isEqualTo(1);
  }

  @Test
  void componentsAreNumberedByFirstNode() {
    Network g = new NetworkBuilder().addEdge("a", "b").addEdge("c", "d").addEdge("d", "e").build();
    ConnectedComponents cc = new ConnectedComponents(g);
    assertThat(cc.count()).isEqualTo(2);
    assertThat(cc.sizes()).containsExactly(2, 3);
    assertThat(cc.largest()).isEqualTo(1);
    assertThat(cc.componentOf(4)).isEqualTo(1);
  }

  @Test
  void montagnaHasFiveComponentsAndLargestOf92() {
    ConnectedComponents cc = new ConnectedComponents(Fixtures.montagnaMeetings());
    assertThat(cc.count()).isEqualTo(5);
    assertThat(cc.largestSize()).isEqualTo(92);
  }

  @Test
  void densityAndCentralisationOfDegenerateAndStar() {
    assertThat(new NetworkStatistics(Network.empty()).density()).isZero();
    assertThat(new NetworkStatistics(Fixtures.twoLinked()).density()).isEqualTo(1.0);
    assertThat(new NetworkStatistics(Fixtures.twoLinked()).degreeCentralization()).isZero();
    assertThat(new NetworkStatistics(Fixtures.star(5)).degreeCentralization()).isEqualTo(1.0);
    assertThat(new NetworkStatistics(Fixtures.path(4)).averageDegree()).isEqualTo(1.5);
  }

  @Test
  void mexicanTraffickingNetworkDensityAndCentralisation() {
    Network g = EdgeListReader.read(SharedData.network("human-trafficking-mexico/Data.txt"), EdgeListFormat.SSV);
    assertThat(g.nodeCount()).isEqualTo(34);
    assertThat(g.edgeCount()).isEqualTo(225);
    NetworkStatistics s = new NetworkStatistics(g);
    assertThat(Math.round(s.density() * 1000) / 1000.0).isEqualTo(0.401); // published: 0.401
    assertThat(Math.round(s.degreeCentralization() * 10000) / 100.0).isEqualTo(44.32); // published: 44.32 %
    assertThat(s.density()).isCloseTo(225.0 / 561, within(1e-15));
  }
}
