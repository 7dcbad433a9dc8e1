package org.mirabella.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;

class BlockerTest {
  private static MatchKeys person(String id, String name, String born) {
    Entity e = new Entity(id, Model.get().require("Person"), "x", "c", null, null);
    e.add("name", name, Provenance.of("x", "c"));
    if (born != null) e.add("birthDate", born, Provenance.of("x", "c"));
    return MatchKeys.of(e);
  }

  @Test
  void noRecordsNoPairs() {
    assertThat(new Blocker().dedupe(List.of()).size()).isZero();
  }

  @Test
  void rejectsTinyBlocks() {
    assertThatThrownBy(() -> new Blocker(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBlock");
  }

  @Test
  void pairsRecordsSharingAnyKeyOnce() {
    List<MatchKeys> rs = List.of(person("a", "Mohamed Abdelrahman", null), person("b", "محمد عبد الرحمن", null),
        person("c", "Olaf Scholz", "1958-06-14"), person("d", "Someone Else", "1958-06-14"));
    CandidatePairs c = new Blocker().dedupe(rs);
    assertThat(c.contains(0, 1)).isTrue();
    assertThat(c.contains(2, 3)).isTrue();
    assertThat(c.contains(0, 2)).isFalse();
    assertThat(c.size()).isEqualTo(2);
  }

  @Test
  void linksOnlyAcrossSources() {
    List<MatchKeys> rs = List.of(person("a", "Anna Rossi", null), person("b", "Anna Rossi", null), person("c", "Anna Rossi", null));
    CandidatePairs c = new Blocker().link(rs, 1);
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.contains(1, 2)).isFalse();
  }

  @Test
  void oneToOneKeepsTheBestPairPerRecord() {
    List<Linker.ScoredPair> kept = OneToOne.resolve(List.of(new Linker.ScoredPair(0, 2, 0.9), new Linker.ScoredPair(0, 3, 0.95),
        new Linker.ScoredPair(1, 3, 0.8), new Linker.ScoredPair(1, 2, 0.7)));
    assertThat(kept).containsExactlyInAnyOrder(new Linker.ScoredPair(0, 3, 0.95), new Linker.ScoredPair(1, 2, 0.7));
  }
}
