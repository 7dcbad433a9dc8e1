package org.mirabella.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.NetworkBenchmark;
import org.mirabella.analysis.SharedData;
import org.mirabella.analysis.graph.JGraphTAdapter;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class LeidenTest {
  /** Communities whose members do not form one connected piece on their own (Leiden guarantees none). */
  static int disconnectedCommunities(Network g, Communities c) {
    int bad = 0;
    for (List<Integer> group : c.groups()) {
      Set<Integer> members = new HashSet<>(group);
      Set<Integer> reached = new HashSet<>(List.of(group.get(0)));
      ArrayDeque<Integer> queue = new ArrayDeque<>(reached);
      while (!queue.isEmpty()) {
        int v = queue.poll();
        for (int i = g.offset(v); i < g.offset(v + 1); i++) {
          int u = g.target(i);
          if (members.contains(u) && reached.add(u)) queue.add(u);
        }
      }
      if (reached.size() != members.size()) bad++;
    }
    return bad;
  }

  private static double jgraphtModularity(Network g, Communities c) {
    List<Set<Integer>> parts = new ArrayList<>();
    for (List<Integer> group : c.groups()) parts.add(new HashSet<>(group));
    return new UndirectedModularityMeasurer<>(JGraphTAdapter.toGraph(g)).modularity(parts);
  }

  @Test
  void emptySingleAndPair() {
    assertThat(new Leiden(Network.empty()).communities().count()).isZero();
    Communities one = new Leiden(Fixtures.single()).communities();
    assertThat(one.count()).isEqualTo(1);
    assertThat(one.modularity()).isZero();
    Communities two = new Leiden(Fixtures.twoLinked()).communities();
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
    Communities c = new Leiden(b.build()).communities();
    assertThat(c.groups()).containsExactly(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9));
    assertThat(c.modularity()).isCloseTo(2 * (20.0 / 42 - 0.25), within(1e-12));
  }

  @Test
  void ringOfEightCliquesGivesEightCommunities() {
    NetworkBuilder b = new NetworkBuilder();
    for (int r = 0; r < 8; r++) {
      for (int i = 0; i < 5; i++) for (int j = i + 1; j < 5; j++) b.addEdge(r + ":" + i, r + ":" + j);
      b.addEdge(r + ":0", ((r + 1) % 8) + ":1");
    }
    Communities c = new Leiden(b.build()).communities();
    assertThat(c.count()).isEqualTo(8);
    for (List<Integer> group : c.groups()) assertThat(group).hasSize(5);
    // m = 88; each clique: 10 internal links, degree sum 22: Q = 8 (10/88 - (22/176)^2)
    assertThat(c.modularity()).isCloseTo(8 * (10.0 / 88 - Math.pow(22.0 / 176, 2)), within(1e-12));
  }

  @Test
  void publishedNetworksGetConnectedCommunitiesAtLeastAsGoodAsLouvain() {
    List<Network> networks = List.of(Fixtures.montagnaMeetings().unweighted(), Fixtures.montagnaMeetings(),
        Fixtures.adjacencyMatrix(SharedData.network("caviar/morselli_caviar_aggregate.csv")));
    for (Network g : networks) {
      Communities leiden = new Leiden(g).communities();
      Communities louvain = new Louvain(g).communities();
      assertThat(disconnectedCommunities(g, leiden)).isZero();
      assertThat(leiden.modularity()).isCloseTo(Modularity.of(g, leiden.membership(), 1.0), within(1e-15));
      if (!g.isWeighted()) assertThat(leiden.modularity()).isCloseTo(jgraphtModularity(g, leiden), within(1e-12));
      assertThat(leiden.modularity()).isGreaterThanOrEqualTo(louvain.modularity() - 1e-12);
    }
    // networkx 3.6.1 louvain_communities(seed=1) on the unweighted meetings network: 0.6093
    assertThat(new Leiden(networks.get(0)).communities().modularity()).isGreaterThan(0.60);
  }

  @Test
  void aLargeRandomNetworkHasNoDisconnectedCommunityAndTheSameSeedGivesTheSamePartition() {
    Network g = NetworkBenchmark.barabasiAlbert(3000, 2, 5);
    Communities c = new Leiden(g, 1.0, 7).communities();
    assertThat(disconnectedCommunities(g, c)).isZero();
    assertThat(c.modularity()).isCloseTo(jgraphtModularity(g, c), within(1e-12));
    assertThat(new Leiden(g, 1.0, 7).communities().membership()).containsExactly(c.membership());
    assertThat(c.modularity()).isGreaterThanOrEqualTo(new Louvain(g).communities().modularity() - 0.01);
  }

  @Test
  void rejectsBadArguments() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Leiden(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Leiden(Fixtures.single(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolution");
  }
}
