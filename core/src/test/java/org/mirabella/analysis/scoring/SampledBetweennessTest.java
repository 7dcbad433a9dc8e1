package org.mirabella.analysis.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;

class SampledBetweennessTest {
  @Test
  void emptyAndSingle() {
    assertThat(new SampledBetweenness(Network.empty(), 10, 1).scores().size()).isZero();
    assertThat(new SampledBetweenness(Fixtures.single(), 10, 1).score(0)).isZero();
  }

  @Test
  void allSourcesIsExact() {
    Network g = Fixtures.montagnaMeetings();
    SampledBetweenness s = new SampledBetweenness(g, g.nodeCount(), 7);
    assertThat(s.errorBound(0.1)).isZero();
    assertThat(s.scores().toArray()).containsExactly(new BetweennessCentrality(g).scores().toArray(), within(1e-12));
  }

  @Test
  void errorStaysWithinStatedBound() {
    Network g = Fixtures.montagnaMeetings();
    double[] exact = new BetweennessCentrality(g).scores().toArray();
    for (long seed = 1; seed <= 5; seed++) {
      SampledBetweenness s = new SampledBetweenness(g, 30, seed);
      double bound = s.errorBound(0.05);
      double worst = 0;
      for (int v = 0; v < exact.length; v++) worst = Math.max(worst, Math.abs(s.score(v) - exact[v]));
      assertThat(worst).isLessThanOrEqualTo(bound);
      assertThat(worst).isGreaterThan(0.0);
    }
  }

  @Test
  void samplesForInvertsTheBound() {
    int k = SampledBetweenness.samplesFor(1_000_000, 0.05, 0.1);
    assertThat(SampledBetweenness.errorBound(1_000_000, k, 0.1)).isLessThanOrEqualTo(0.05);
    assertThat(SampledBetweenness.errorBound(1_000_000, k - 1, 0.1)).isGreaterThan(0.05);
    assertThatThrownBy(() -> SampledBetweenness.samplesFor(10, 0, 0.1)).isInstanceOf(IllegalArgumentException.class);
  }
}
