package org.mirabella.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;

class StatementTest {
  private static final Provenance IT = Provenance.of("IT", "op-scirocco");

  @Test
  void idIsStableAcrossRunsAndVersions() {
    // SHA-1 of "IT\0op-scirocco\0it-p-1\0phone\0+393471234567\0": changing it orphans every stored statement
    assertThat(Statement.makeId("it-p-1", "phone", "+393471234567", IT)).isEqualTo("8104abb83d8454137492fd10d3a566272a29f918");
  }

  @Test
  void restatedIdIsStableAndDistinct() {
    String id = "8104abb83d8454137492fd10d3a566272a29f918";
    assertThat(Statement.restatedId(id, Instant.parse("2026-03-02T10:15:00Z"))).isEqualTo("0b667e8e8230da891e71b7ca0c2fbd4fc6d877f2");
    assertThat(Statement.restatedId(id, Instant.parse("2026-03-02T10:15:01Z"))).isNotEqualTo("0b667e8e8230da891e71b7ca0c2fbd4fc6d877f2");
  }

  @Test
  void idDependsOnTheFactNotOnHowOrWhenItWasRecorded() {
    Statement a = Statement.of("it-p-1", "Person", "phone", "+393471234567", "347 123 4567", IT);
    Provenance later = IT.withGrading(Grading.parse("B2")).withHandling(HandlingCode.H2, null).withSource("sms.csv")
        .recordedBy("analyst.it", Instant.parse("2027-01-01T00:00:00Z"));
    Statement b = Statement.of("it-p-1", "Person", "phone", "+393471234567", "+39 347 1234567", later);
    assertThat(a.id()).isEqualTo(b.id()).hasSize(40).matches("[0-9a-f]{40}");
  }

  @Test
  void idDiffersForEachPartOfTheFact() {
    String base = Statement.makeId("it-p-1", "phone", "+393471234567", IT);
    assertThat(Statement.makeId("it-p-2", "phone", "+393471234567", IT)).isNotEqualTo(base);
    assertThat(Statement.makeId("it-p-1", "email", "+393471234567", IT)).isNotEqualTo(base);
    assertThat(Statement.makeId("it-p-1", "phone", "+393471234568", IT)).isNotEqualTo(base);
    assertThat(Statement.makeId("it-p-1", "phone", "+393471234567", Provenance.of("DE", "op-scirocco"))).isNotEqualTo(base);
    assertThat(Statement.makeId("it-p-1", "phone", "+393471234567", Provenance.of("IT", "op-other"))).isNotEqualTo(base);
  }

  @Test
  void partsCannotBleedIntoEachOther() {
    // without a separator "ab"+"c" and "a"+"bc" would hash alike
    assertThat(Statement.makeId("p", "ab", "c", IT)).isNotEqualTo(Statement.makeId("p", "a", "bc", IT));
  }

  @Test
  void retractionLeavesTheFactAndAddsWhoWhenWhy() {
    Statement s = Statement.of("it-p-1", "Person", "name", "Mario Rosi", "Mario Rosi", IT);
    Instant at = Instant.parse("2026-03-02T10:15:00Z");
    Statement t = s.retract(" analyst.it ", at, " typo ");
    assertThat(t.id()).isEqualTo(s.id());
    assertThat(t.value()).isEqualTo("Mario Rosi");
    assertThat(t.retraction()).isEqualTo(new Statement.Retraction("analyst.it", at, "typo"));
    assertThat(s.retracted()).isFalse();
  }

  @Test
  void retractionNeedsAPersonAndAReasonAndHappensOnce() {
    Statement s = Statement.of("it-p-1", "Person", "name", "Mario Rosi", "Mario Rosi", IT);
    assertThatThrownBy(() -> s.retract("analyst.it", null, " ")).isInstanceOf(InvalidData.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> s.retract(null, null, "typo")).isInstanceOf(InvalidData.class).hasMessageContaining("by");
    Statement t = s.retract("analyst.it", null, "typo");
    assertThat(t.retraction().at()).isNotNull();
    assertThatThrownBy(() -> t.retract("other", null, "again")).isInstanceOf(InvalidData.class).hasMessageContaining("Already retracted");
  }
}
