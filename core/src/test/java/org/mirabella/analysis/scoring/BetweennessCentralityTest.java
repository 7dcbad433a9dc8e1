package org.mirabella.analysis.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.SharedData;
import org.mirabella.analysis.graph.JGraphTAdapter;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class BetweennessCentralityTest {
  private static double score(Network g, String label, boolean weighted) {
    return new org.mirabella.analysis.scoring.BetweennessCentrality(g, weighted).score(g.node(label).orElseThrow());
  }

  @Test
  void emptySingleAndPair() {
    assertThat(new org.mirabella.analysis.scoring.BetweennessCentrality(Network.empty()).scores().size()).isZero();
    assertThat(score(Fixtures.single(), "a", false)).isZero();
    assertThat(score(Fixtures.twoLinked(), "a", false)).isZero();
  }

  @Test
  void middleOfPathCarriesAllPairs() {
    Network g = Fixtures.path(3);
    assertThat(score(g, "1", false)).isEqualTo(1.0);
    assertThat(score(g, "0", false)).isZero();
    assertThat(new org.mirabella.analysis.scoring.BetweennessCentrality(g, false, false).score(1)).isEqualTo(1.0);
  }

  @Test
  void splitsEqualPathsInTheSquare() {
    Network g = new NetworkBuilder().addEdge("a", "b").addEdge("b", "c").addEdge("c", "d").addEdge("d", "a").build();
    assertThat(new org.mirabella.analysis.scoring.BetweennessCentrality(g, false, false).score(0)).isEqualTo(0.5);
  }

  @Test
  void weightsAreDistances() {
    // a-b-c direct costs 2, a-c costs 5: with weights the path goes through b
    Network g = new NetworkBuilder().addEdge("a", "b", 1).addEdge("b", "c", 1).addEdge("a", "c", 5).build();
    assertThat(score(g, "b", false)).isZero();
    assertThat(score(g, "b", true)).isEqualTo(1.0);
  }

  @Test
  void montagnaMatchesNetworkx() {
    Network g = Fixtures.montagnaMeetings();
    assertThat(score(g, "18", false)).isCloseTo(0.37318795502447816, within(1e-12));
    assertThat(score(g, "47", false)).isCloseTo(0.2197928993963683, within(1e-12));
    assertThat(score(g, "18", true)).isCloseTo(0.417526482234401, within(1e-12));
    assertThat(score(g, "68", true)).isCloseTo(0.20074226050205227, within(1e-12));
  }

  @Test
  void parallelEqualsSequential() {
    Network g = Fixtures.montagnaMeetings();
    double[] one = new org.mirabella.analysis.scoring.BetweennessCentrality(g, true, true, 1).scores().toArray();
    double[] two = new org.mirabella.analysis.scoring.BetweennessCentrality(g, true, true, 2).scores().toArray();
    assertThat(two).containsExactly(one, within(1e-12));
  }

  @Test
  void agreesWithJGraphT() {
    Network g = Fixtures.montagnaMeetings().unweighted();
    Map<Integer, Double> jg = new BetweennessCentrality<>(JGraphTAdapter.toGraph(g), false).getScores();
    double[] ours = new org.mirabella.analysis.scoring.BetweennessCentrality(g, false, false).scores().toArray();
    for (int v = 0; v < g.nodeCount(); v++) assertThat(ours[v]).isCloseTo(jg.get(v), within(1e-12));
  }

  @Test
  void caviarSeruroIsTheBroker() {
    Network g = Fixtures.adjacencyMatrix(SharedData.network("caviar/morselli_caviar_aggregate.csv"));
    assertThat(g.nodeCount()).isEqualTo(110);
    assertThat(g.edgeCount()).isEqualTo(205);
    assertThat(score(g, "1", false)).isCloseTo(0.6375, within(5e-5));
    assertThat(score(g, "12", false)).isCloseTo(0.2921, within(5e-5));
    assertThat(score(g, "87", false)).isCloseTo(0.1193, within(5e-5));
  }

  private static void assertKernelsAgree(Network g) {
    double[] nx = org.mirabella.analysis.scoring.BetweennessCentrality.networkxOrder(g, false).scores().toArray();
    for (int threads : new int[] {1, 2}) {
      double[] fast = new org.mirabella.analysis.scoring.BetweennessCentrality(g, false, true, threads).scores().toArray();
      assertThat(fast).hasSize(nx.length);
      for (int v = 0; v < nx.length; v++) {
        assertThat(fast[v]).as("node %s", g.label(v)).isCloseTo(nx[v], within(1e-12 * Math.max(1, nx[v])));
      }
    }
  }

  @Test
  void levelKernelAgreesWithNetworkxOrderOnComponentsLoopsAndIsolatedNodes() {
    NetworkBuilder b = new NetworkBuilder();
    b.addEdge("a", "b").addEdge("b", "c").addEdge("c", "a").addEdge("c", "d").addEdge("d", "d");
    b.addEdge("x", "y").addEdge("y", "z").addEdge("a", "b");
    b.node("lonely");
    assertKernelsAgree(b.build());
    assertKernelsAgree(Fixtures.path(300)); // 299 levels of one or two nodes
    assertKernelsAgree(Fixtures.montagnaMeetings().unweighted());
  }

  @Test
  void levelKernelAgreesOnALargeRenumberedGraph() {
    // above RENUMBER_FROM nodes: hubs-first renumbering, big levels sorted by bitmap
    Network ba = org.mirabella.analysis.NetworkBenchmark.barabasiAlbert(4200, 2, 42);
    assertThat(ba.nodeCount()).isGreaterThanOrEqualTo(org.mirabella.analysis.scoring.BetweennessCentrality.RENUMBER_FROM);
    assertKernelsAgree(ba);
    NetworkBuilder grid = new NetworkBuilder();
    for (int r = 0; r < 65; r++) {
      for (int c = 0; c < 65; c++) {
        if (c + 1 < 65) grid.addEdge(r + ":" + c, r + ":" + (c + 1));
        if (r + 1 < 65) grid.addEdge(r + ":" + c, (r + 1) + ":" + c);
      }
    }
    assertKernelsAgree(grid.build()); // many mid-sized levels
  }
}
