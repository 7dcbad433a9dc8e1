package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The two pacings of the load benchmark's analysts: uniform 0..2x think-ms, and TPC-W's negative exponential (mean 7 s, cut at 70 s). */
class LoadBenchmarkPacingTest {
  @Test
  void aggressivePausesAreUniformUpToTwiceTheThinkTime() {
    Random rnd = new Random(1);
    double sum = 0;
    for (int i = 0; i < 100_000; i++) {
      long p = LoadBenchmark.pause(LoadBenchmark.Pacing.AGGRESSIVE, 1000, rnd);
      assertThat(p).isBetween(0L, 2000L);
      sum += p;
    }
    assertThat(sum / 100_000).isBetween(990.0, 1010.0);
  }

  @Test
  void interactivePausesFollowTpcWsThinkTime() {
    Random rnd = new Random(2);
    double sum = 0;
    long max = 0;
    int under1s = 0;
    for (int i = 0; i < 100_000; i++) {
      long p = LoadBenchmark.pause(LoadBenchmark.Pacing.INTERACTIVE, 1000, rnd);
      assertThat(p).isBetween(0L, 70_000L);
      sum += p;
      max = Math.max(max, p);
      if (p < 1000) under1s++;
    }
    // Exponential with mean 7 s, cut at 70 s (which takes off e^-10 of the mass): mean ≈ 7 s, P(< 1 s) = 1 - e^(-1/7) ≈ 13.3 %.
    assertThat(sum / 100_000).isBetween(6_900.0, 7_100.0);
    assertThat(under1s / 100_000.0).isBetween(0.125, 0.141);
    assertThat(max).isGreaterThan(50_000L);
  }
}
