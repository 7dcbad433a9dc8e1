package org.mirabella.analysis.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class PathSampledBetweennessTest {
  @Test
  void emptySingleAndPairHaveNoBetweenness() {
    assertThat(new PathSampledBetweenness(Network.empty(), 0.1, 0.1, 1).scores().size()).isZero();
    assertThat(new PathSampledBetweenness(Fixtures.single(), 0.1, 0.1, 1).score(0)).isZero();
    PathSampledBetweenness pair = new PathSampledBetweenness(Fixtures.twoLinked(), 0.1, 0.1, 1);
    assertThat(pair.scores().toArray()).containsExactly(0.0, 0.0);
    assertThat(pair.errorBound()).isZero();
  }

  @Test
  void sampleSizeFollowsRiondatoKornaropoulos() {
    // VD = 10: floor(log2 8) + 1 = 4; 0.5 / 0.01 * (4 + ln 10) = 315.13
    assertThat(PathSampledBetweenness.sampleSize(10, 0.1, 0.1)).isEqualTo(316);
    // VD = 3: VC dimension bound 1
    assertThat(PathSampledBetweenness.sampleSize(3, 0.1, 0.1)).isEqualTo((int) Math.ceil(50 * (1 + Math.log(10))));
    assertThatThrownBy(() -> new PathSampledBetweenness(Fixtures.single(), 0, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> new PathSampledBetweenness(Fixtures.single(), 0.1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta");
  }

  @Test
  void vertexDiameterBoundCoversEveryComponent() {
    assertThat(PathSampledBetweenness.vertexDiameterBound(Fixtures.path(10))).isEqualTo(10); // 2*9+1 capped by size
    assertThat(PathSampledBetweenness.vertexDiameterBound(Fixtures.star(6))).isEqualTo(3);
    NetworkBuilder b = new NetworkBuilder().addEdge("a", "b");
    for (int i = 0; i < 6; i++) b.addEdge("p" + i, "p" + (i + 1)); // a path of 7 nodes, from its end: ecc 6
    assertThat(PathSampledBetweenness.vertexDiameterBound(b.build())).isEqualTo(7);
  }

  @Test
  void middleOfAPathCarriesEveryPair() {
    // only pairs (0, 2) and (2, 0) pass through 1: a third of the ordered pairs, times n/(n-2) = 3 -> 1
    PathSampledBetweenness s = new PathSampledBetweenness(Fixtures.path(3), 0.02, 0.01, 5, 1);
    assertThat(s.score(0)).isZero();
    assertThat(s.score(2)).isZero();
    assertThat(Math.abs(s.score(1) - 1.0)).isLessThanOrEqualTo(s.errorBound()).isGreaterThan(0.0);
  }

  @Test
  void everyNodeWithinTheStatedBoundOnMontagna() {
    Network g = Fixtures.montagnaMeetings();
    double[] exact = new BetweennessCentrality(g).scores().toArray();
    for (long seed = 1; seed <= 3; seed++) {
      PathSampledBetweenness s = new PathSampledBetweenness(g, 0.03, 0.1, seed, 2);
      double worst = 0;
      for (int v = 0; v < exact.length; v++) worst = Math.max(worst, Math.abs(s.score(v) - exact[v]));
      assertThat(worst).isLessThanOrEqualTo(s.errorBound()).isGreaterThan(0.0);
      // the top broker is found
      assertThat(s.scores().toArray()[g.node("18").orElseThrow()]).isGreaterThan(0.3);
    }
  }

  @Test
  void unreachablePairsCountAsSamplesWithoutPaths() {
    // two triangles-with-a-tail: betweenness only at the tail joints
    Network g = new NetworkBuilder().addEdge("a", "b").addEdge("b", "c").addEdge("x", "y").addEdge("y", "z").build();
    double[] exact = new BetweennessCentrality(g).scores().toArray();
    PathSampledBetweenness s = new PathSampledBetweenness(g, 0.02, 0.05, 3, 1);
    for (int v = 0; v < exact.length; v++) assertThat(Math.abs(s.score(v) - exact[v])).isLessThanOrEqualTo(s.errorBound());
  }

  @Test
  void sameSeedSameScores() {
    Network g = Fixtures.montagnaMeetings();
    assertThat(new PathSampledBetweenness(g, 0.05, 0.1, 9, 2).scores().toArray())
        .containsExactly(new PathSampledBetweenness(g, 0.05, 0.1, 9, 2).scores().toArray());
  }
}
