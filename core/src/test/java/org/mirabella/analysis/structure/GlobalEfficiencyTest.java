package org.mirabella.analysis.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class GlobalEfficiencyTest {
  @Test
  void degenerateNetworks() {
    assertThat(GlobalEfficiency.of(Network.empty())).isZero();
    assertThat(GlobalEfficiency.of(Fixtures.single())).isZero();
    assertThat(GlobalEfficiency.of(Fixtures.twoLinked())).isEqualTo(1.0);
  }

  @Test
  void smallNetworksByHand() {
    assertThat(GlobalEfficiency.of(Fixtures.path(3))).isCloseTo(5.0 / 6, within(1e-15)); // 1, 1, 1/2
    assertThat(GlobalEfficiency.of(Fixtures.star(4))).isCloseTo(0.7, within(1e-15)); // 4 at 1, 6 at 2, of 10
    Network twoPairs = new NetworkBuilder().addEdge("a", "b").addEdge("c", "d").build();
    assertThat(GlobalEfficiency.of(twoPairs)).isCloseTo(1.0 / 3, within(1e-15)); // unreachable pairs add 0
  }

  @Test
  void montagnaMatchesNetworkx() {
    Network g = Fixtures.montagnaMeetings();
    assertThat(GlobalEfficiency.of(g)).isCloseTo(0.29979632248938864, within(1e-15));
    BitSet boss = new BitSet();
    boss.set(g.node("18").orElseThrow());
    assertThat(GlobalEfficiency.of(g.without(boss))).isCloseTo(0.26198605098604466, within(1e-15));
  }
}
