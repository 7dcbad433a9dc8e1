package org.mirabella.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.matching.Blocker;
import org.mirabella.matching.CandidatePairs;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.fs.FellegiSunter;
import org.mirabella.matching.synth.SyntheticPersons;
import org.mirabella.model.InvalidData;

/** A fitted model as a store keeps it, its text form, and the matcher rebuilt from either. */
class StoredModelTest {
  private static List<MatchKeys> keys;
  private static MatcherV1 fitted;
  private static StoredModel stored;

  @BeforeAll
  static void fit() {
    keys = new SyntheticPersons(11, 3_000).all().stream().map(p -> MatchKeys.of(p.entity())).toList();
    CandidatePairs c = new Blocker().dedupe(keys);
    fitted = MatcherV1.fit(keys, c);
    stored = StoredModel.of(7, fitted, keys, c.size(), c.size(), Instant.parse("2026-11-29T01:02:03.456Z"), "test", 400);
  }

  @Test
  void aFittedModelDiffersFromThePriorsSoTheRoundTripBelowMeansSomething() {
    FellegiSunter priors = new MatcherV1().model();
    assertThat(fitted.model().lambda()).isNotEqualTo(priors.lambda());
    assertThat(stored.frequencies()).isNotEmpty();
    long changed = keys.subList(0, 200).stream()
        .filter(a -> new MatcherV1().score(a, keys.get(200)).score() != fitted.score(a, keys.get(200)).score()).count();
    assertThat(changed).isPositive();
  }

  @Test
  void theRebuiltMatcherScoresAsTheStoredParametersToTheLastBit() {
    FellegiSunter a = fitted.model();
    FellegiSunter b = stored.matcher().model();
    assertThat(b.lambda()).isEqualTo(a.lambda());
    for (int f = 0; f < a.features().size(); f++) {
      for (int l = 0; l < a.features().get(f).levels().length; l++) {
        assertThat(b.m(f, l)).isEqualTo(a.m(f, l));
        assertThat(b.u(f, l)).isEqualTo(a.u(f, l));
      }
      assertThat(b.commonValues(f, 50)).isEqualTo(a.commonValues(f, 50));
    }
  }

  @Test
  void theTextFormReadsBackToTheSameModelAndScores() {
    String text = stored.encode();
    StoredModel back = StoredModel.decode(text, "model.tsv").orElseThrow();
    assertThat(back).isEqualTo(stored);
    MatcherV1 m1 = stored.matcher();
    MatcherV1 m2 = back.matcher();
    for (int i = 0; i + 1 < 400; i += 2) {
      assertThat(m2.score(keys.get(i), keys.get(i + 1))).isEqualTo(m1.score(keys.get(i), keys.get(i + 1)));
    }
    assertThat(back.encode()).isEqualTo(text);
  }

  @Test
  void separatorsInValuesAreEscaped() {
    StoredModel odd = new StoredModel(1, MatcherV1.NAME, 0.02, 10, 5, 5, Instant.EPOCH, null,
        List.of(new StoredModel.Level("name", 0, "exact\tmatch", 0.9, 0.001)),
        List.of(new StoredModel.Frequency("name", "a\tb\nc\\d\re", 0.5)), Map.of("n:x\ty", 401L));
    StoredModel back = StoredModel.decode(odd.encode(), "odd").orElseThrow();
    assertThat(back).isEqualTo(odd);
    assertThat(back.stopKeySet()).containsExactly("n:x\ty");
    // a file saved with Windows line ends reads the same
    assertThat(StoredModel.decode(odd.encode().replace("\n", "\r\n"), "crlf").orElseThrow()).isEqualTo(odd);
  }

  @Test
  void noModelIsItsOwnText() {
    assertThat(StoredModel.decode(StoredModel.encodeNone(), "none.tsv")).isEqualTo(Optional.empty());
  }

  @Test
  void stopKeysAreTheKeysHeldByMoreThanTheCap() {
    Map<String, Long> stop = StoredModel.stopKeys(keys, 30);
    assertThat(stop).isNotEmpty().allSatisfy((k, n) -> assertThat(n).isGreaterThan(30));
    assertThat(StoredModel.stopKeys(keys, keys.size())).isEmpty();
  }

  @Test
  void badFilesNameTheLineAndField() {
    String text = stored.encode();
    assertThatThrownBy(() -> StoredModel.decode("hello\n", "m.tsv")).isInstanceOf(InvalidData.class)
        .satisfies(e -> assertThat(((InvalidData) e).errors().toString()).contains("m.tsv line 1"));
    String cut = text.substring(0, text.indexOf("\nfrequency") + 1);
    assertThatThrownBy(() -> StoredModel.decode(cut, "cut.tsv")).isInstanceOf(InvalidData.class)
        .satisfies(e -> assertThat(((InvalidData) e).errors().toString()).contains("cut.tsv line").contains("end: no end line"));
    String badLambda = text.replaceFirst("lambda\t[^\n]*", "lambda\t1.5");
    assertThatThrownBy(() -> StoredModel.decode(badLambda, "l.tsv")).isInstanceOf(InvalidData.class)
        .satisfies(e -> assertThat(((InvalidData) e).errors().toString()).contains("l.tsv line 4").contains("lambda"));
    String badM = text.replaceFirst("(level\t[^\t]*\t[^\t]*\t[^\t]*\t)[^\t]*", "$1x");
    assertThatThrownBy(() -> StoredModel.decode(badM, "m.tsv")).isInstanceOf(InvalidData.class)
        .satisfies(e -> assertThat(((InvalidData) e).errors().toString()).contains("m.tsv line 10").contains("m: not a finite number"));
    String wrongCount = text.replaceFirst("\nend\t\\d+", "\nend\t1");
    assertThatThrownBy(() -> StoredModel.decode(wrongCount, "n.tsv")).isInstanceOf(InvalidData.class);
  }

  @Test
  void aLevelTheAlgorithmDoesNotHaveIsRefused() {
    StoredModel other = new StoredModel(3, "another", 0.02, 1, 1, 1, Instant.EPOCH, null,
        List.of(new StoredModel.Level("shoeSize", 0, "exact", 0.9, 0.1)), List.of(), Map.of());
    assertThatThrownBy(other::matcher).isInstanceOf(IllegalStateException.class).hasMessageContaining("shoeSize/0");
  }
}
