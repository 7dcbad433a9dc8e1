package org.mirabella.analysis.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class DisruptionSimulationTest {
  @Test
  void emptyNetworkGivesEmptyCurve() {
    assertThat(DisruptionSimulation.simulate(Network.empty(), RemovalStrategy.DEGREE, RemovalMode.SEQUENTIAL, false)
        .points()).isEmpty();
  }

  @Test
  void networkNoLargerThanBlockIsLeftAlone() {
    Network g = new NetworkBuilder().addEdge("a", "b").build();
    assertThat(DisruptionSimulation.simulate(g, RemovalStrategy.BETWEENNESS, RemovalMode.BLOCK, false).points()).isEmpty();
  }

  @Test
  void twoLinkedNodesWithBlockOfOne() {
    Network g = new NetworkBuilder().addEdge("a", "b").build();
    DisruptionCurve c = new DisruptionSimulation(g, RemovalStrategy.DEGREE, RemovalMode.SEQUENTIAL, false, 1).curve();
    assertThat(c.points()).containsExactly(new DisruptionCurve.Point(0, 2, 1.0, 1, 1.0));
    assertThat(c.removedNodes()).containsExactly("b"); // tie: the later node goes first
  }

  @Test
  void removingTheHubOfAStarShattersIt() {
    NetworkBuilder b = new NetworkBuilder();
    for (int i = 1; i <= 8; i++) b.addEdge("hub", "leaf" + i);
    DisruptionCurve c = new DisruptionSimulation(
        b.build(), RemovalStrategy.BETWEENNESS, RemovalMode.SEQUENTIAL, false, 5).curve();
    assertThat(c.removedNodes().get(0)).isEqualTo("hub");
    assertThat(c.points().get(0).lccRatio()).isEqualTo(1.0);
    assertThat(c.points().get(1).lccSize()).isEqualTo(1);
    assertThat(c.points().get(1).components()).isEqualTo(8);
    // 1 - |1 - 9| / 9 as the published procedure computes it, not 1/9 = 0.1111111111111111
    assertThat(c.toCsv()).startsWith("removed,lcc_ratio\n0,1.0\n1,0.11111111111111116\n");
  }

  @Test
  void blockModeRecordsEveryBlock() {
    NetworkBuilder b = new NetworkBuilder();
    for (int i = 0; i < 11; i++) b.addEdge("n" + i, "n" + (i + 1));
    DisruptionCurve c = DisruptionSimulation.simulate(b.build(), RemovalStrategy.CI, RemovalMode.BLOCK, false);
    assertThat(c.points()).extracting(DisruptionCurve.Point::removed).containsExactly(0, 5);
    assertThat(c.removedNodes()).hasSize(7); // stops once 5 nodes are left
  }

  @Test
  void collectiveInfluenceTiesGoToLargerIdNumericallyOrAsText() {
    NetworkBuilder numeric = new NetworkBuilder();
    for (int i = 0; i < 40; i += 2) numeric.addEdge(String.valueOf(i + 1), String.valueOf(i)); // all CI 0
    assertThat(new DisruptionSimulation(numeric.build(), RemovalStrategy.CI, RemovalMode.SEQUENTIAL, false, 1)
        .curve().removedNodes().get(0)).isEqualTo("39"); // not "9", the larger string
    NetworkBuilder mixed = new NetworkBuilder();
    for (int i = 0; i < 40; i += 2) mixed.addEdge(i + "a", String.valueOf(i));
    assertThat(new DisruptionSimulation(mixed.build(), RemovalStrategy.CI, RemovalMode.SEQUENTIAL, false, 1)
        .curve().removedNodes().get(0)).isEqualTo("8a");
  }

  @Test
  void rejectsBadBlockSize() {
    assertThatThrownBy(() -> new DisruptionSimulation(Network.empty(), RemovalStrategy.KATZ, RemovalMode.BLOCK, false, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block size");
  }
}
