package org.mirabella.matching.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;

class SyntheticPersonsTest {
  @Test
  void recordsDependOnlyOnSeedAndIndexAndTruthPairsAreCounted() {
    SyntheticPersons a = new SyntheticPersons(3, 2_000);
    SyntheticPersons b = new SyntheticPersons(3, 2_000);
    for (int i : new int[] {0, 1, 999, 1_999}) {
      assertThat(a.person(i).entity().properties()).isEqualTo(b.person(i).entity().properties());
      assertThat(a.cluster(i)).isEqualTo(b.cluster(i));
    }
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int i = 0; i < a.size(); i++) sizes.merge(a.cluster(i), 1, Integer::sum);
    long pairs = sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    assertThat(a.truePairs()).isEqualTo(pairs).isPositive();
    assertThat(a.clusters()).isEqualTo(sizes.size());
    assertThat(new SyntheticPersons(4, 2_000).person(5).entity().properties()).isNotEqualTo(a.person(5).entity().properties());
  }

  @Test
  void duplicatesAreCorruptedCopiesOfTheSamePerson() {
    SyntheticPersons sp = new SyntheticPersons(5, 5_000);
    int differing = 0;
    int dups = 0;
    for (int i = 1; i < sp.size(); i++) {
      if (sp.cluster(i) != sp.cluster(i - 1)) continue;
      dups++;
      Entity original = sp.variant(sp.cluster(i), 0, "IT", "x");
      if (!original.properties().equals(sp.person(i).entity().properties())) differing++;
    }
    assertThat(dups).isGreaterThan(1_000);
    assertThat(differing).isGreaterThan(dups * 8 / 10);
    assertThat(sp.variant(sp.clusters() + 10, 0, "LY", "probe").agency()).isEqualTo("LY");
    assertThatThrownBy(() -> new SyntheticPersons(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
