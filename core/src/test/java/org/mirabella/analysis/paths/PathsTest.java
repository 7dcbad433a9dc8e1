package org.mirabella.analysis.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class PathsTest {
  @Test
  void pathToItselfAndBetweenAPair() {
    assertThat(new ShortestPaths(Fixtures.single()).between(0, 0).orElseThrow().nodes()).containsExactly(0);
    ShortestPaths.Path p = new ShortestPaths(Fixtures.twoLinked()).between(0, 1).orElseThrow();
    assertThat(p.nodes()).containsExactly(0, 1);
    assertThat(p.length()).isEqualTo(1.0);
  }

  @Test
  void disconnectedHasNoPath() {
    Network g = new NetworkBuilder().addEdge("a", "b").addEdge("c", "d").build();
    assertThat(new ShortestPaths(g).between(0, 3)).isEmpty();
    assertThat(new ShortestPaths(g).kShortest(0, 3, 3)).isEmpty();
  }

  @Test
  void weightedPathAvoidsHeavyEdgeAndKShortestAreOrdered() {
    Network g = new NetworkBuilder().addEdge("a", "c", 5).addEdge("a", "b", 1).addEdge("b", "c", 1).build();
    assertThat(new ShortestPaths(g).between(0, 1).orElseThrow().nodes()).containsExactly(0, 1);
    assertThat(new ShortestPaths(g, true).between(0, 1).orElseThrow().nodes()).containsExactly(0, 2, 1);
    List<ShortestPaths.Path> k = new ShortestPaths(g, true).kShortest(0, 1, 5);
    assertThat(k).extracting(ShortestPaths.Path::length).containsExactly(2.0, 5.0);
  }

  @Test
  void rejectsUnknownNodes() {
    assertThatThrownBy(() -> new ShortestPaths(Fixtures.twoLinked()).between(0, 7))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target node 7");
  }

  @Test
  void egoNetworkOfRadiusZeroOneAndTwo() {
    Network g = Fixtures.path(5);
    assertThat(new EgoNetwork(g, 2, 0).subgraph().nodeCount()).isEqualTo(1);
    Network one = new EgoNetwork(g, 2).subgraph();
    assertThat(one.nodeCount()).isEqualTo(3);
    assertThat(one.edgeCount()).isEqualTo(2);
    assertThat(one.label(0)).isEqualTo("1");
    assertThat(new EgoNetwork(g, 0, 2).members().cardinality()).isEqualTo(3);
    assertThat(new EgoNetwork(Fixtures.single(), 0, 3).subgraph().nodeCount()).isEqualTo(1);
  }

  @Test
  void egoOfMontagnaBoss() {
    Network g = Fixtures.montagnaMeetings();
    int boss = g.node("18").orElseThrow();
    assertThat(new EgoNetwork(g, boss).subgraph().nodeCount()).isEqualTo(25); // degree 24
  }
}
