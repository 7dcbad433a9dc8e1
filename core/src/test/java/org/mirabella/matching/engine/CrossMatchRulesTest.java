package org.mirabella.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.hits.ScoredPair;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.model.InvalidData;

/** The rules every engine shares, and the keys built from stored rows. */
class CrossMatchRulesTest {
  private static MatchKeys person(String id, String agency, String... propertyValues) {
    List<MatchInput.Row> rows = new ArrayList<>();
    for (int i = 0; i < propertyValues.length; i += 2) rows.add(new MatchInput.Row("s" + id + i, propertyValues[i], propertyValues[i + 1]));
    return MatchInput.keys(id, "Person", agency, "case-1", rows);
  }

  @Test
  void candidatesShareAnIdentifierOrTwoKeys() {
    assertThat(CrossMatchRules.isCandidate(1, true)).isTrue();
    assertThat(CrossMatchRules.isCandidate(2, false)).isTrue();
    assertThat(CrossMatchRules.isCandidate(1, false)).isFalse();
    assertThat(CrossMatchRules.isIdentifierKey("i:passportNumber:X1")).isTrue();
    assertThat(CrossMatchRules.isIdentifierKey("n:mhmd")).isFalse();
    List<CrossMatchRules.Candidate> c = new ArrayList<>(List.of(new CrossMatchRules.Candidate("b", 2),
        new CrossMatchRules.Candidate("a", 2), new CrossMatchRules.Candidate("c", 5)));
    c.sort(CrossMatchRules.CANDIDATE_ORDER);
    assertThat(c).extracting(CrossMatchRules.Candidate::id).containsExactly("c", "a", "b");
  }

  @Test
  void keysLongerThanTheStoredColumnAreNotUsed() {
    MatchKeys k = person("it-1", "IT", "name", "Mohammed Ali", "passportNumber", "P" + "1".repeat(300));
    assertThat(k.blockingKeys()).anyMatch(key -> key.length() > CrossMatchRules.MAX_KEY_LENGTH);
    assertThat(CrossMatchRules.keys(k)).isNotEmpty().allMatch(key -> key.length() <= CrossMatchRules.MAX_KEY_LENGTH);
  }

  @Test
  void aPairIsScoredInOneOrientationWithItsKindsAndReasons() {
    MatchKeys a = person("uk-9", "UK", "name", "Mohammed Ali Hassan", "birthDate", "1987-03-02", "phone", "+447700900123");
    MatchKeys b = person("it-1", "IT", "name", "Mohamed Ali Hasan", "birthDate", "1987-03-02", "phone", "+447700900123");
    MatcherV1 m = new MatcherV1();
    CrossMatchRules.Outcome ab = CrossMatchRules.score(m, a, b);
    CrossMatchRules.Outcome ba = CrossMatchRules.score(m, b, a);
    assertThat(ab).isEqualTo(ba);
    assertThat(ab.leftId()).isEqualTo("it-1");
    assertThat(ab.kinds()).contains("name", "phone", "birthDate");
    assertThat(ab.reasons()).isNotEmpty();
    assertThat(ab.pair().band()).isEqualTo(CrossMatchRules.hitBand(m.score(b, a)));
    assertThat(ab.band()).isIn(ScoredPair.Band.HIGH, ScoredPair.Band.MEDIUM);
    MatchKeys other = person("fr-3", "FR", "name", "Wang Xiaoming", "birthDate", "1960-11-30");
    assertThat(CrossMatchRules.score(m, a, other)).isNull();
  }

  /**
   * The fast path (probability first) settles exactly the pairs the explained score calls no match,
   * on the synthetic persons' namesakes, variants and strangers around the review threshold.
   */
  @Test
  void theFastPathDropsExactlyThePairsTheExplainedScoreCallsNoMatch() {
    org.mirabella.matching.synth.SyntheticPersons layout = new org.mirabella.matching.synth.SyntheticPersons(11, 600);
    List<MatchKeys> keys = new ArrayList<>();
    for (int i = 0; i < 600; i++) keys.add(MatchKeys.of(layout.person(i).entity()));
    MatcherV1 m = new MatcherV1();
    int hits = 0;
    int misses = 0;
    for (int i = 0; i < keys.size(); i++) {
      for (int j = i + 1; j < Math.min(keys.size(), i + 40); j++) {
        MatchKeys a = keys.get(i);
        MatchKeys b = keys.get(j);
        MatchKeys left = a.id().compareTo(b.id()) <= 0 ? a : b;
        MatchKeys right = left == a ? b : a;
        org.mirabella.matching.Match full = m.score(left, right);
        CrossMatchRules.Outcome o = CrossMatchRules.score(m, a, b);
        if (full.band() == org.mirabella.matching.Band.NO_MATCH) {
          assertThat(o).as(a.id() + " ~ " + b.id()).isNull();
          misses++;
        } else {
          assertThat(o).as(a.id() + " ~ " + b.id()).isNotNull();
          assertThat(o.score()).isEqualTo(full.score());
          assertThat(o.reasons()).isEqualTo(full.reasons());
          hits++;
        }
      }
    }
    assertThat(hits).as("pairs in the review band or above").isGreaterThan(20);
    assertThat(misses).isGreaterThan(1000);
  }

  @Test
  void unknownSchemaOrPropertyIsNamed() {
    assertThatThrownBy(() -> MatchInput.keys("x-1", "Nope", "IT", "c", List.of())).isInstanceOf(InvalidData.class)
        .hasMessageContaining("x-1").hasMessageContaining("Nope");
    assertThatThrownBy(() -> MatchInput.keys("x-1", "Person", "IT", "c", List.of(new MatchInput.Row("s", "colour", "red"))))
        .isInstanceOf(InvalidData.class).hasMessageContaining("colour");
    assertThat(MatchInput.keys("v-1", "Vessel", "IT", "c", List.of())).isNotNull();
    assertThat(MatchInput.keys("n-1", "Note", "IT", "c", List.of())).isNull();
  }
}
