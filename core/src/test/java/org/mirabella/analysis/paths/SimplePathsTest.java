package org.mirabella.analysis.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class SimplePathsTest {
  @Test
  void singleNodeAndPair() {
    assertThat(new SimplePaths(Fixtures.single()).between(0, 0, 3, 10).paths())
        .extracting(ShortestPaths.Path::nodes).containsExactly(List.of(0));
    SimplePaths.Result r = new SimplePaths(Fixtures.twoLinked()).between(0, 1, 3, 10);
    assertThat(r.paths()).extracting(ShortestPaths.Path::nodes).containsExactly(List.of(0, 1));
    assertThat(r.truncated()).isFalse();
    assertThat(new SimplePaths(Fixtures.twoLinked()).between(0, 1, 0, 10).paths()).isEmpty();
  }

  @Test
  void disconnectedHasNone() {
    Network g = new NetworkBuilder().addEdge("a", "b").addEdge("c", "d").build();
    assertThat(new SimplePaths(g).between(0, 3, 5, 10).paths()).isEmpty();
  }

  @Test
  void squareWithDiagonalShortestFirst() {
    // a-b-c-d-a and a-c: from a to c: a-c, a-b-c, a-d-c
    Network g = new NetworkBuilder().addEdge("a", "b").addEdge("b", "c").addEdge("c", "d").addEdge("d", "a")
        .addEdge("a", "c").build();
    SimplePaths.Result r = new SimplePaths(g).between(0, 2, 3, 10);
    assertThat(r.paths()).extracting(ShortestPaths.Path::nodes)
        .containsExactly(List.of(0, 2), List.of(0, 1, 2), List.of(0, 3, 2));
    assertThat(new SimplePaths(g).between(0, 2, 1, 10).paths()).hasSize(1);
  }

  @Test
  void capTruncates() {
    Network g = Fixtures.montagnaMeetings();
    int a = g.node("18").orElseThrow();
    int b = g.node("47").orElseThrow();
    SimplePaths.Result r = new SimplePaths(g).between(a, b, 3, 10);
    assertThat(r.paths()).hasSize(10);
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void montagnaCountsMatchNetworkx() {
    // networkx 3.6.1: len(list(all_simple_paths(G, '18', '47', cutoff=k))) = 4, 29, 205 for k = 2, 3, 4
    Network g = Fixtures.montagnaMeetings();
    int a = g.node("18").orElseThrow();
    int b = g.node("47").orElseThrow();
    int[] expected = {4, 29, 205};
    for (int k = 2; k <= 4; k++) {
      SimplePaths.Result r = new SimplePaths(g).between(a, b, k, 100_000);
      assertThat(r.paths()).as("k = %d", k).hasSize(expected[k - 2]);
      assertThat(r.truncated()).isFalse();
      Set<List<Integer>> distinct = new HashSet<>();
      for (ShortestPaths.Path p : r.paths()) {
        assertThat(new HashSet<>(p.nodes())).hasSameSizeAs(p.nodes()); // simple
        assertThat(p.nodes().get(0)).isEqualTo(a);
        assertThat(p.nodes().get(p.nodes().size() - 1)).isEqualTo(b);
        for (int i = 0; i + 1 < p.nodes().size(); i++) {
          assertThat(g.edgeWeight(p.nodes().get(i), p.nodes().get(i + 1))).isNotNaN();
        }
        distinct.add(p.nodes());
      }
      assertThat(distinct).hasSize(r.paths().size());
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new SimplePaths(Fixtures.twoLinked()).between(0, 5, 2, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target node 5");
    assertThatThrownBy(() -> new SimplePaths(Fixtures.twoLinked()).between(0, 1, -1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLength");
  }
}
