package org.mirabella.analysis.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

/** Degree, closeness, PageRank, Katz, eigenvector, k-core and collective influence. */
class ScoringTest {
  private static int node(Network g, String label) {
    return g.node(label).orElseThrow();
  }

  @Test
  void everyMeasureAcceptsTheEmptyNetwork() {
    Network g = Network.empty();
    for (NodeScoring s : new NodeScoring[] {
        new DegreeCentrality(g), new ClosenessCentrality(g), new PageRankCentrality(g), new KatzCentrality(g),
        new EigenvectorCentrality(g), new Coreness(g), new CollectiveInfluence(g)}) {
      assertThat(s.scores().size()).as(s.getClass().getSimpleName()).isZero();
    }
  }

  @Test
  void singleNode() {
    Network g = Fixtures.single();
    assertThat(new DegreeCentrality(g).score(0)).isEqualTo(1.0); // networkx convention for n <= 1
    assertThat(new ClosenessCentrality(g).score(0)).isZero();
    assertThat(new KatzCentrality(g).score(0)).isEqualTo(1.0);
    assertThat(new Coreness(g).score(0)).isZero();
    assertThat(new CollectiveInfluence(g).score(0)).isZero();
    assertThat(new PageRankCentrality(g).score(0)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void twoLinkedNodes() {
    Network g = Fixtures.twoLinked();
    assertThat(new DegreeCentrality(g).score(0)).isEqualTo(1.0);
    assertThat(new ClosenessCentrality(g).score(1)).isEqualTo(1.0);
    assertThat(new Coreness(g).score(0)).isEqualTo(1.0);
    assertThat(new CollectiveInfluence(g).score(0)).isZero();
    assertThat(new KatzCentrality(g).score(0)).isCloseTo(Math.sqrt(0.5), within(1e-15));
  }

  @Test
  void degreeAndStrength() {
    Network g = new NetworkBuilder().addEdge("a", "b", 3).addEdge("a", "c", 1).build();
    assertThat(new DegreeCentrality(g).score(0)).isEqualTo(1.0);
    assertThat(new DegreeCentrality(g, true).score(0)).isEqualTo(2.0);
    assertThat(new DegreeCentrality(g, true, false).score(1)).isEqualTo(3.0);
  }

  @Test
  void collectiveInfluenceOfAStarAndAPath() {
    Network star = Fixtures.star(4);
    assertThat(new CollectiveInfluence(star).score(0)).isZero(); // leaves have k - 1 = 0
    Network path = Fixtures.path(5); // degrees 1 2 2 2 1
    assertThat(new CollectiveInfluence(path).score(2)).isEqualTo(2.0);
    assertThat(new CollectiveInfluence(path, 2).score(2)).isZero(); // frontier: the two ends
    assertThat(new CollectiveInfluence(path, 2).score(1)).isEqualTo(1.0);
    assertThatThrownBy(() -> new CollectiveInfluence(path, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void corenessOfCliqueWithTail() {
    Network g = new NetworkBuilder().addEdge("a", "b").addEdge("b", "c").addEdge("c", "a").addEdge("c", "d").build();
    Coreness c = new Coreness(g);
    assertThat(c.scores().toArray()).containsExactly(2, 2, 2, 1);
    assertThat(c.degeneracy()).isEqualTo(2);
  }

  @Test
  void katzDirectAndIterativeAgree() {
    Network g = Fixtures.path(6);
    double[] direct = new KatzCentrality(g, false, 0.2, 1).scores().toArray();
    assertThat(direct[2]).isGreaterThan(direct[0]);
    // above DIRECT_LIMIT it iterates: check x = alpha A x + beta up to the normalising factor c
    Network longPath = Fixtures.path(KatzCentrality.DIRECT_LIMIT + 1);
    double[] x = new KatzCentrality(longPath, false, 0.2, 1).scores().toArray();
    double c = 1 / (x[0] - 0.2 * x[1]);
    for (int v = 1; v < 10; v++) assertThat(x[v] * c).isCloseTo(0.2 * (x[v - 1] + x[v + 1]) * c + 1, within(1e-9));
  }

  @Test
  void montagnaMatchesNetworkx() {
    Network g = Fixtures.montagnaMeetings();
    assertThat(new KatzCentrality(g).score(node(g, "47"))).isCloseTo(0.3155338307577989, within(1e-12));
    assertThat(new KatzCentrality(g).score(node(g, "18"))).isCloseTo(0.2815808346824583, within(1e-12));
    assertThat(new ClosenessCentrality(g).score(node(g, "18"))).isCloseTo(0.4428342245989305, within(1e-12));
    assertThat(new ClosenessCentrality(g, true).score(node(g, "18"))).isCloseTo(0.3816129032258065, within(1e-12));
    assertThat(new PageRankCentrality(g.unweighted()).score(node(g, "18"))).isCloseTo(0.0416176, within(1e-4));
    assertThat(new CollectiveInfluence(g).score(node(g, "18"))).isEqualTo(3496.0);
    assertThat(new DegreeCentrality(g, true, false).score(node(g, "18"))).isEqualTo(30.0);
    Coreness core = new Coreness(g);
    assertThat(core.degeneracy()).isEqualTo(6);
    assertThat(core.score(node(g, "18"))).isEqualTo(5.0);
    EigenvectorCentrality eig = new EigenvectorCentrality(g.unweighted());
    assertThat(eig.scores().argMax()).isEqualTo(node(g, "47"));
  }
}
