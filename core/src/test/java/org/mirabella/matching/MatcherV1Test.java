package org.mirabella.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;

class MatcherV1Test {
  private static final Provenance P = Provenance.of("it-polizia", "case-1");
  private final MatcherV1 matcher = new MatcherV1();

  private static Entity person(String id, Map<String, List<String>> props) {
    Entity e = new Entity(id, Model.get().require("Person"), "it-polizia", "case-1", null, null);
    props.forEach((k, vs) -> vs.forEach(v -> assertThat(e.add(k, v, P).isValid()).as(k + "=" + v).isTrue()));
    return e;
  }

  @Test
  void emptyRecordsAreNoMatch() {
    Match m = matcher.score(person("a", Map.of()), person("b", Map.of()));
    assertThat(m.band()).isEqualTo(Band.NO_MATCH);
    assertThat(m.version()).isEqualTo(MatcherV1.NAME);
  }

  @Test
  void samePhoneAndNameAcrossScriptsIsAMatchWithReasons() {
    Entity it = person("it-1", Map.of("name", List.of("Mohamed Abdelrahman"), "birthDate", List.of("1987"), "phone", List.of("+218 91 234 5678")));
    Entity ly = person("ly-7", Map.of("name", List.of("محمد عبد الرحمن"), "birthDate", List.of("1987-03-02"), "phone", List.of("+218912345678")));
    Match m = matcher.score(it, ly);
    assertThat(m.band()).isEqualTo(Band.AUTO_MATCH);
    assertThat(String.join("; ", m.reasons())).contains("same phone: +218912345678").contains("names match across scripts")
        .contains("birth dates agree as far as both go: 1987 vs 1987-03-02");
  }

  @Test
  void namesakesBornTheSameDayWithDifferentFamilyNamesAreNotMergedAutomatically() {
    Map<String, List<String>> a = Map.of("firstName", List.of("Suman"), "lastName", List.of("Gaipoukru"), "birthDate", List.of("1972-03-01"),
        "nationality", List.of("np"), "gender", List.of("male"));
    Map<String, List<String>> b = new java.util.HashMap<>(a);
    b.put("lastName", List.of("Dritegraind"));
    Match m = matcher.score(person("a", a), person("b", b));
    assertThat(m.band()).isNotEqualTo(Band.AUTO_MATCH);
    assertThat(String.join("; ", m.reasons())).contains("names conflict: not matched automatically");
    // the same family name is no conflict
    assertThat(String.join("; ", matcher.score(person("a", a), person("c", a)).reasons())).doesNotContain("names conflict");
  }

  @Test
  void emRefusesAFitThatMakesAgreementEvidenceAgainstAMatch() {
    java.util.List<org.mirabella.matching.features.Feature> fs = MatcherV1.features();
    org.mirabella.matching.fs.FellegiSunter prior = org.mirabella.matching.fs.FellegiSunter.priors(fs, 0.01);
    int nf = fs.size();
    byte[] levels = new byte[nf * 600];
    java.util.Arrays.fill(levels, (byte) -1);
    for (int p = 0; p < 600; p++) levels[p * nf + 2] = (byte) (p % 2 == 0 ? 0 : 5);
    assertThat(MatcherV1.plausible(prior, levels, 600)).isTrue();
    double[][] m = new double[nf][];
    double[][] u = new double[nf][];
    for (int f = 0; f < nf; f++) {
      m[f] = fs.get(f).priorM().clone();
      u[f] = fs.get(f).priorU().clone();
    }
    m[2][0] = 0.01; // family names agreeing would count against a match
    u[2][0] = 0.3;
    var inverted = org.mirabella.matching.fs.FellegiSunter.of(fs, m, u, 0.4, null);
    assertThat(MatcherV1.plausible(inverted, levels, 600)).isFalse();
  }

  @Test
  void countryMismatchHoldsBackAutoMatch() {
    Entity a = person("a", Map.of("name", List.of("Youssef Al-Masri"), "birthDate", List.of("1990-01-01"), "nationality", List.of("eg"),
        "phone", List.of("+201001234567")));
    Entity b = person("b", Map.of("name", List.of("Yusuf Almasri"), "birthDate", List.of("1990-01-01"), "nationality", List.of("ly"),
        "phone", List.of("+201001234567")));
    Match m = matcher.score(a, b);
    assertThat(m.band()).isEqualTo(Band.REVIEW);
    assertThat(m.reasons()).anyMatch(r -> r.startsWith("country mismatch: eg vs ly"));
  }

  @Test
  void differentPassportsOfTheSameKindHoldBack() {
    Entity a = person("a", Map.of("name", List.of("Tesfaye Gebre"), "birthDate", List.of("1985-05-05"), "passportNumber", List.of("ER1234567"),
        "phone", List.of("+291 7 123456")));
    Entity b = person("b", Map.of("name", List.of("Tesfay Ghebre"), "birthDate", List.of("1985-05-05"), "passportNumber", List.of("ER7654321"),
        "phone", List.of("+291 7 123456")));
    Match m = matcher.score(a, b);
    assertThat(m.band()).isNotEqualTo(Band.AUTO_MATCH);
    assertThat(m.reasons()).anyMatch(r -> r.startsWith("different identifiers of the same kind"));
  }

  @Test
  void birthYearsDisjointIsAReason() {
    Entity a = person("a", Map.of("name", List.of("Hafez al-Assad"), "birthDate", List.of("1930")));
    Entity b = person("b", Map.of("name", List.of("Hafez al-Assad"), "birthDate", List.of("1965")));
    Match m = matcher.score(a, b);
    assertThat(m.band()).isNotEqualTo(Band.AUTO_MATCH);
    assertThat(m.reasons()).anyMatch(r -> r.startsWith("birth years disjoint"));
  }

  @Test
  void scoreIsSymmetricEnoughAndInRange() {
    Entity a = person("a", Map.of("name", List.of("Vladimir Putin"), "birthDate", List.of("1952-10-07")));
    Entity b = person("b", Map.of("name", List.of("ПУТИН Владимир Владимирович"), "birthDate", List.of("1952-07-10")));
    double ab = matcher.score(a, b).score();
    double ba = matcher.score(b, a).score();
    assertThat(ab).isBetween(0.0, 1.0);
    assertThat(Math.abs(ab - ba)).isLessThan(1e-9);
    assertThat(matcher.score(a, b).reasons()).anyMatch(r -> r.contains("swap or one digit"));
  }

  @Test
  void blockingKeysAreStorableStrings() {
    MatchKeys k = MatchKeys.of(person("a", Map.of("name", List.of("Mohamed Abdelrahman"), "birthDate", List.of("1987-03-02"),
        "phone", List.of("+218912345678"))));
    assertThat(k.blockingKeys()).contains("b:1987-03-02", "b:1987-02-03", "i:phone:+218912345678").anyMatch(s -> s.startsWith("n:s:"));
  }

  /**
   * Synthetic persons from a small name bank: the two-class EM over all candidates splits along
   * "same given name and nationality" (refused as degenerate); the fit by blocking key must then
   * find the persons: birth-date agreement as evidence for a match, λ as the share of matches
   * among all pairs, and far fewer namesakes in the review band than the priors put there.
   */
  @Test
  void aDegenerateFitIsReplacedByTheFitPerBlockingKey() {
    org.mirabella.matching.synth.SyntheticPersons sp = new org.mirabella.matching.synth.SyntheticPersons(7, 8_000);
    List<MatchKeys> keys = sp.all().stream().map(p -> MatchKeys.of(p.entity())).toList();
    CandidatePairs c = new Blocker().dedupe(keys);
    MatcherV1 fitted = MatcherV1.fit(keys, c);
    var fs = fitted.model();
    int birth = 3;
    assertThat(fs.features().get(birth).name()).isEqualTo("birthDate");
    assertThat(fs.m(birth, 0)).as("m of the same birth date").isGreaterThan(0.3).isGreaterThan(fs.u(birth, 0) * 100);
    assertThat(fs.lambda()).as("share of matches among all pairs").isLessThan(0.001);
    long truePairs = 0;
    long[] predicted = new long[2];
    long[] correct = new long[2];
    MatcherV1 priors = new MatcherV1();
    for (int i = 0; i < c.size(); i++) {
      boolean same = sp.cluster(c.left(i)) == sp.cluster(c.right(i));
      if (same) truePairs++;
      MatcherV1[] ms = {priors, fitted};
      for (int k = 0; k < 2; k++) {
        if (ms[k].probability(keys.get(c.left(i)), keys.get(c.right(i))) >= MatcherV1.REVIEW) {
          predicted[k]++;
          if (same) correct[k]++;
        }
      }
    }
    double precisionPriors = correct[0] / (double) predicted[0];
    double precisionFitted = correct[1] / (double) predicted[1];
    assertThat(precisionFitted).as("precision fitted vs priors %.3f", precisionPriors).isGreaterThan(0.7).isGreaterThan(precisionPriors + 0.08);
    assertThat(correct[1] / (double) truePairs).as("recall").isGreaterThan(0.95);
  }
}
