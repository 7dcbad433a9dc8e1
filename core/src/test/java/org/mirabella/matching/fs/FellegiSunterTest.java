package org.mirabella.matching.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.features.Feature;

class FellegiSunterTest {
  @Test
  void probabilityOfZeroWeightIsHalf() {
    assertThat(FellegiSunter.probability(0)).isEqualTo(0.5);
  }

  /** Synthetic pairs from a known mixture: EM finds the share of matches and that agreement means match, without labels. */
  @Test
  void emRecoversAKnownMixture() {
    List<Feature> fs = MatcherV1.features();
    int nf = fs.size();
    int pairs = 20_000;
    byte[] levels = new byte[pairs * nf];
    SplittableRandom rnd = new SplittableRandom(7);
    int matches = 0;
    for (int p = 0; p < pairs; p++) {
      boolean match = rnd.nextDouble() < 0.2;
      if (match) matches++;
      for (int f = 0; f < nf; f++) {
        int last = fs.get(f).levels().length - 1;
        // matches agree (level 0) 90% of the time, non-matches 5%
        boolean agree = rnd.nextDouble() < (match ? 0.9 : 0.05);
        levels[p * nf + f] = (byte) (f > 3 ? -1 : agree ? 0 : last);
      }
    }
    FellegiSunter fitted = FellegiSunter.priors(fs, 0.01).withEm(levels, pairs, 30);
    assertThat(fitted.lambda()).isCloseTo(matches / (double) pairs, org.assertj.core.data.Offset.offset(0.02));
    assertThat(fitted.m(3, 0)).isGreaterThan(0.8);
    assertThat(fitted.u(3, 0)).isLessThan(0.1);
    assertThat(fitted.weight(3, 0)).isPositive();
    assertThat(fitted.weight(3, Feature.MISSING)).isZero();
  }
}
