package org.mirabella.analysis.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.SharedData;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.scoring.BetweennessCentrality;
import org.mirabella.analysis.structure.ConnectedComponents;

class KeyPlayerSetTest {
  @Test
  void degenerateNetworks() {
    assertThat(KeyPlayerSet.fragmentation(Network.empty())).isZero();
    assertThat(KeyPlayerSet.fragmentation(Fixtures.single())).isZero();
    assertThat(KeyPlayerSet.fragmentation(Fixtures.twoLinked())).isZero();
    assertThat(new KeyPlayerSet(Fixtures.twoLinked(), 0).players()).isEmpty();
  }

  @Test
  void hubOfAStarIsTheKeyPlayer() {
    KeyPlayerSet kp = new KeyPlayerSet(Fixtures.star(6), 1);
    assertThat(kp.players()).containsExactly(0);
    assertThat(kp.fragmentation()).isEqualTo(1.0);
  }

  @Test
  void caviarTopBetweennessBlocksMatchReference() {
    Network g = Fixtures.adjacencyMatrix(SharedData.network("caviar/morselli_caviar_aggregate.csv"));
    int[] order = topBetweenness(g);
    int[] ks = {1, 2, 3, 5};
    int[] lcc = {87, 72, 63, 43};
    double[] f = {0.3643, 0.5573, 0.6547, 0.8269};
    for (int i = 0; i < ks.length; i++) {
      BitSet removed = new BitSet();
      for (int j = 0; j < ks[i]; j++) removed.set(order[j]);
      Network rest = g.without(removed);
      assertThat(ConnectedComponents.largestSize(rest)).isEqualTo(lcc[i]);
      assertThat(KeyPlayerSet.fragmentation(rest)).isCloseTo(f[i], within(5e-5));
      // the greedy key-player set fragments at least as much as the betweenness block
      assertThat(new KeyPlayerSet(g, ks[i]).fragmentation()).isGreaterThanOrEqualTo(KeyPlayerSet.fragmentation(rest) - 1e-12);
    }
  }

  private static int[] topBetweenness(Network g) {
    double[] s = new BetweennessCentrality(g).scores().toArray();
    return java.util.stream.IntStream.range(0, g.nodeCount()).boxed()
        .sorted((a, b) -> Double.compare(s[b], s[a])).mapToInt(Integer::intValue).toArray();
  }
}
