package org.mirabella.matching.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BirthDateFeatureTest {
  @Test
  void levels() {
    assertThat(BirthDateFeature.level(1987, 3, 2, 1987, 3, 2)).isZero();
    assertThat(BirthDateFeature.level(1987, 0, 0, 1987, 3, 2)).as("year only").isEqualTo(1);
    assertThat(BirthDateFeature.level(1987, 3, 0, 1987, 3, 2)).as("year and month").isEqualTo(1);
    assertThat(BirthDateFeature.level(1987, 3, 2, 1987, 2, 3)).as("day/month swap").isEqualTo(2);
    assertThat(BirthDateFeature.level(1987, 3, 2, 1987, 3, 7)).as("one digit").isEqualTo(2);
    assertThat(BirthDateFeature.level(1989, 3, 2, 1990, 3, 2)).as("a year apart").isEqualTo(3);
    assertThat(BirthDateFeature.level(1987, 3, 2, 1988, 3, 2)).as("a year apart is also one digit").isEqualTo(2);
    assertThat(BirthDateFeature.level(1987, 0, 0, 1988, 0, 0)).as("years one apart").isEqualTo(3);
    assertThat(BirthDateFeature.level(1987, 3, 2, 1965, 8, 9)).isEqualTo(4);
  }
}
