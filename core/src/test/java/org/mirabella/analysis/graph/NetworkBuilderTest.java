package org.mirabella.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class NetworkBuilderTest {
  @Test
  void emptyNetwork() {
    Network g = new NetworkBuilder().build();
    assertThat(g.nodeCount()).isZero();
    assertThat(g.edgeCount()).isZero();
    assertThat(Network.empty().nodeCount()).isZero();
  }

  @Test
  void singleIsolatedNode() {
    NetworkBuilder b = new NetworkBuilder();
    b.node("x");
    Network g = b.build();
    assertThat(g.nodeCount()).isEqualTo(1);
    assertThat(g.degree(0)).isZero();
    assertThat(g.node("x")).hasValue(0);
    assertThat(g.node("y")).isEmpty();
  }

  @Test
  void twoLinkedNodes() {
    Network g = new NetworkBuilder().addEdge("a", "b").build();
    assertThat(g.edgeCount()).isEqualTo(1);
    assertThat(g.degree(0)).isEqualTo(1);
    assertThat(g.target(g.offset(0))).isEqualTo(1);
    assertThat(g.target(g.offset(1))).isZero();
    assertThat(g.isWeighted()).isFalse();
  }

  @Test
  void repeatedPairKeepsLastWeightInFirstPosition() {
    Network g = new NetworkBuilder().addEdge("a", "b", 3).addEdge("a", "c", 1).addEdge("b", "a", 2).build();
    assertThat(g.edgeCount()).isEqualTo(2);
    assertThat(g.edgeWeight(0, 1)).isEqualTo(2.0);
    assertThat(g.strength(0)).isEqualTo(3.0);
    assertThat(g.target(g.offset(0))).isEqualTo(1); // b stays before c in a's neighbours
  }

  @Test
  void selfLoopCountsTwiceTowardsDegree() {
    Network g = new NetworkBuilder().addEdge("a", "a", 2).addEdge("a", "b", 1).build();
    assertThat(g.edgeCount()).isEqualTo(2);
    assertThat(g.degree(0)).isEqualTo(3);
    assertThat(g.strength(0)).isEqualTo(5.0);
    assertThat(g.neighbourCount(0)).isEqualTo(2);
  }

  @Test
  void removingNodesKeepsOrder() {
    Network g = new NetworkBuilder().addEdge("a", "b").addEdge("b", "c").addEdge("c", "d").addEdge("d", "a").build();
    BitSet gone = new BitSet();
    gone.set(1);
    Network h = g.without(gone);
    assertThat(h.nodeCount()).isEqualTo(3);
    assertThat(h.edgeCount()).isEqualTo(2);
    assertThat(h.label(0)).isEqualTo("a");
    assertThat(h.label(1)).isEqualTo("c");
    assertThat(h.node("d")).hasValue(2);
  }

  @Test
  void intIdsAreTheirOwnLabels() {
    Network g = new NetworkBuilder(4).addEdge(0, 3, 1.5).build();
    assertThat(g.nodeCount()).isEqualTo(4);
    assertThat(g.label(3)).isEqualTo("3");
    assertThat(g.isWeighted()).isTrue();
  }

  @Test
  void rejectsNegativeWeight() {
    assertThatThrownBy(() -> new NetworkBuilder().addEdge("a", "b", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
  }
}
