package org.mirabella.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.JGraphTAdapter;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class LouvainTest {
  @Test
  void emptySingleAndPair() {
    assertThat(new Louvain(Network.empty()).communities().count()).isZero();
    Communities one = new Louvain(Fixtures.single()).communities();
    assertThat(one.count()).isEqualTo(1);
    assertThat(one.modularity()).isZero();
    Communities two = new Louvain(Fixtures.twoLinked()).communities();
    assertThat(two.count()).isEqualTo(1);
    assertThat(two.modularity()).isZero();
  }

  @Test
  void twoCliquesJoinedByABridgeSplitInTwo() {
    NetworkBuilder b = new NetworkBuilder();
    for (String side : new String[] {"a", "b"}) {
      for (int i = 0; i < 5; i++) for (int j = i + 1; j < 5; j++) b.addEdge(side + i, side + j);
    }
    b.addEdge("a0", "b0");
    Communities c = new Louvain(b.build()).communities();
    assertThat(c.count()).isEqualTo(2);
    assertThat(c.groups()).containsExactly(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9));
    // Q = 2 * (20/42 - (21/42)^2)
    assertThat(c.modularity()).isCloseTo(2 * (20.0 / 42 - 0.25), within(1e-12));
  }

  @Test
  void montagnaModularityAgreesWithJGraphTAndIsAsGoodAsNetworkx() {
    Network g = Fixtures.montagnaMeetings().unweighted();
    Communities c = new Louvain(g).communities();
    List<Set<Integer>> parts = new ArrayList<>();
    for (List<Integer> group : c.groups()) parts.add(new HashSet<>(group));
    double jg = new UndirectedModularityMeasurer<>(JGraphTAdapter.toGraph(g)).modularity(parts);
    assertThat(c.modularity()).isCloseTo(jg, within(1e-12));
    // networkx 3.6.1 louvain_communities(seed=1) finds 0.6093; greedy modularity 0.5974
    assertThat(c.modularity()).isGreaterThan(0.59);
  }

  @Test
  void weightedModularityUsesWeights() {
    Network g = Fixtures.montagnaMeetings();
    Communities c = new Louvain(g).communities();
    assertThat(c.modularity()).isCloseTo(Modularity.of(g, c.membership(), 1.0), within(1e-15));
    assertThat(c.modularity()).isGreaterThan(0.57); // networkx: 0.5845
  }
}
