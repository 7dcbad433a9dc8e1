package org.mirabella.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mirabella.model.InvalidData;

class ProvenanceTest {
  @Test
  void defaultsToH0UnassessedAndNow() {
    Instant before = Instant.now();
    Provenance p = Provenance.of("IT", "op-scirocco");
    assertThat(p.handling()).isEqualTo(HandlingCode.H0);
    assertThat(p.grading()).isEqualTo(Grading.UNASSESSED);
    assertThat(p.recordedAt()).isBetween(before, Instant.now());
  }

  @Test
  void needsAnAgencyAndACase() {
    assertThatThrownBy(() -> Provenance.of(null, "c")).isInstanceOf(InvalidData.class).hasMessageContaining("agency");
    assertThatThrownBy(() -> Provenance.of(" ", "c")).isInstanceOf(InvalidData.class).hasMessageContaining("agency");
    assertThatThrownBy(() -> Provenance.of("IT", "")).isInstanceOf(InvalidData.class).hasMessageContaining("case");
  }

  @Test
  void h3NeedsAConditionEveryReaderSees() {
    Provenance p = Provenance.of("DE", "c");
    assertThatThrownBy(() -> p.withHandling(HandlingCode.H3, " ")).isInstanceOf(InvalidData.class)
        .satisfies(e -> assertThat(((InvalidData) e).errors()).containsKey("handling"));
    Provenance h3 = p.withHandling(HandlingCode.H3, "Not to be shared with LY");
    assertThat(h3.handlingCondition()).isEqualTo("Not to be shared with LY");
    assertThat(h3.agency()).isEqualTo("DE");
  }

  @Test
  void withersKeepTheOtherFields() {
    Instant at = Instant.parse("2026-03-02T10:15:00Z");
    Provenance p = Provenance.of("FR", "c").withGrading(Grading.parse("B2")).withSource("pv-114.pdf").recordedBy("oltim.4", at)
        .withHandling(HandlingCode.H1, null);
    assertThat(p).isEqualTo(new Provenance("FR", "c", HandlingCode.H1, null, new Grading('B', 2), "pv-114.pdf", "oltim.4", at));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      H0, H0
      h1, H1
      ' H2 ', H2
      H3, H3
      """)
  void parsesHandlingCodes(String raw, HandlingCode code) {
    assertThat(HandlingCode.parse(raw)).isEqualTo(code);
  }

  @Test
  void missingHandlingCodeIsH0AndUnknownIsAnError() {
    assertThat(HandlingCode.parse(null)).isEqualTo(HandlingCode.H0);
    assertThat(HandlingCode.parse(" ")).isEqualTo(HandlingCode.H0);
    assertThatThrownBy(() -> HandlingCode.parse("H4")).isInstanceOf(InvalidData.class)
        .hasMessage("Bad handling code: handling: 'H4' is not one of H0, H1, H2, H3");
    assertThat(HandlingCode.H2.meaning()).isEqualTo("No onward dissemination without permission");
  }

  @ParameterizedTest(name = "{0} -> {1}{2}")
  @CsvSource(textBlock = """
      A1, A, 1
      b2, B, 2
      ' C3 ', C, 3
      X4, X, 4
      B-2, B, 2
      B/2, B, 2
      B 2, B, 2
      """)
  void parsesGrades(String raw, char reliability, int accuracy) {
    Grading g = Grading.parse(raw);
    assertThat(g.reliability()).isEqualTo(reliability);
    assertThat(g.accuracy()).isEqualTo(accuracy);
    assertThat(g.toString()).isEqualTo("" + reliability + accuracy);
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "A12", "2B", "D1", "A0", "A5", "E3"})
  void rejectsImpossibleGrades(String raw) {
    assertThatThrownBy(() -> Grading.parse(raw)).isInstanceOf(InvalidData.class)
        .satisfies(e -> assertThat(((InvalidData) e).errors()).containsKey("grade"));
  }

  @Test
  void missingGradeIsUnassessed() {
    assertThat(Grading.parse(null)).isEqualTo(Grading.UNASSESSED).hasToString("X4");
    assertThat(Grading.parse("")).isEqualTo(Grading.UNASSESSED);
  }

  @Test
  void parsesSubjectCategories() {
    assertThat(SubjectCategory.parse("suspect")).isEqualTo(SubjectCategory.SUSPECT);
    assertThat(SubjectCategory.parse(" Victim ")).isEqualTo(SubjectCategory.VICTIM);
    assertThat(SubjectCategory.parse(null)).isEqualTo(SubjectCategory.OTHER);
    assertThat(SubjectCategory.INFORMANT.code()).isEqualTo("informant");
    assertThatThrownBy(() -> SubjectCategory.parse("smuggler")).isInstanceOf(InvalidData.class)
        .hasMessageContaining("'smuggler' is not one of suspect, victim, witness, contact, informant, other");
  }

  @Test
  void reviewDateFollowsTheCategory() {
    LocalDate stored = LocalDate.of(2024, 2, 29);
    assertThat(SubjectCategory.SUSPECT.reviewDate(stored)).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(SubjectCategory.VICTIM.reviewDate(stored)).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(SubjectCategory.WITNESS.reviewDate(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2027, 5, 1));
  }
}
