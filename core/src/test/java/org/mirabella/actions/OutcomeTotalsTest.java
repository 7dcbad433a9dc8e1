package org.mirabella.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.actions.Outcome.Kind;
import org.mirabella.model.InvalidData;

class OutcomeTotalsTest {
  private static final LocalDate DAY = LocalDate.of(2025, 9, 17);

  @Test
  void noOutcomesSumToZero() {
    var t = OutcomeTotals.of(List.of());
    assertThat(t.arrests()).isZero();
    assertThat(t.seized()).isEmpty();
    assertThat(t.duplicatesRemoved()).isZero();
  }

  @Test
  void unnamedCountsAdd() {
    var t = OutcomeTotals.of(List.of(
        Outcome.counted("op", "IT", Kind.ARREST, 3, "it", DAY),
        Outcome.counted("op", "FR", Kind.ARREST, 2, "fr", DAY),
        Outcome.counted("op", "FR", Kind.DOCUMENT_SEIZED, 14, "fr", DAY)));
    assertThat(t.arrests()).isEqualTo(5);
    assertThat(t.documentsSeized()).isEqualTo(14);
  }

  @Test
  void aPersonReportedByTwoAgenciesCountsOnceInTheTotalButForEachAgency() {
    List<Outcome> os = List.of(
        Outcome.person("op", "IT", Kind.ARREST, "it-sco-0001", false, "it", DAY),
        Outcome.person("op", "EMSC", Kind.ARREST, "it-sco-0001", false, "it", DAY),
        Outcome.person("op", "DE", Kind.ARREST, "de-bka-7781", false, "de", DAY));
    var total = OutcomeTotals.of(os);
    assertThat(total.arrests()).isEqualTo(2);
    assertThat(total.duplicatesRemoved()).isEqualTo(1);
    Map<String, OutcomeTotals.Totals> byAgency = OutcomeTotals.by(os, Outcome::agency, SamePerson.ID);
    assertThat(byAgency.get("IT").arrests()).isEqualTo(1);
    assertThat(byAgency.get("EMSC").arrests()).isEqualTo(1);
    assertThat(byAgency.get("DE").arrests()).isEqualTo(1);
    Map<String, OutcomeTotals.Totals> byCountry = OutcomeTotals.by(os, Outcome::country, SamePerson.ID);
    assertThat(byCountry.get("it").arrests()).isEqualTo(1);
  }

  @Test
  void twoRecordsResolvedAsTheSamePersonCountOnce() {
    SamePerson resolver = id -> id.equals("uk-nca-5521") ? "it-sco-0001" : id;
    List<Outcome> os = List.of(
        Outcome.person("op", "IT", Kind.SUSPECT_IDENTIFIED, "it-sco-0001", false, "it", DAY),
        Outcome.person("op", "UK", Kind.SUSPECT_IDENTIFIED, "uk-nca-5521", false, "gb", DAY));
    assertThat(OutcomeTotals.of(os).suspectsIdentified()).isEqualTo(2);
    assertThat(OutcomeTotals.of(os, resolver).suspectsIdentified()).isEqualTo(1);
  }

  @Test
  void childVictimsAreCountedApartAndOnce() {
    List<Outcome> os = List.of(
        Outcome.person("op", "IT", Kind.VICTIM_IDENTIFIED, "v1", true, "it", DAY),
        Outcome.person("op", "FR", Kind.VICTIM_IDENTIFIED, "v1", false, "fr", DAY),
        Outcome.person("op", "FR", Kind.VICTIM_IDENTIFIED, "v2", false, "fr", DAY),
        new Outcome(null, "op", "TN", Kind.VICTIM_IDENTIFIED, null, 4, true, null, null, "tn", DAY, null, null, null),
        Outcome.person("op", "FR", Kind.VICTIM_SAFEGUARDED, "v1", true, "fr", DAY));
    var t = OutcomeTotals.of(os);
    assertThat(t.victimsIdentified()).isEqualTo(6);
    assertThat(t.childVictimsIdentified()).isEqualTo(5);
    assertThat(t.victimsSafeguarded()).isEqualTo(1);
    assertThat(t.childVictimsSafeguarded()).isEqualTo(1);
  }

  @Test
  void seizedAssetsSumPerCurrencyAndANamedAssetCountsOnceAtItsFirstValue() {
    Instant t0 = Instant.parse("2025-09-17T08:00:00Z");
    List<Outcome> os = List.of(
        new Outcome(null, "op", "IT", Kind.ASSET_SEIZED, "vessel-1", 1, false, new BigDecimal("250000"), "EUR", "it", DAY, null, null, t0),
        new Outcome(null, "op", "EMSC", Kind.ASSET_SEIZED, "vessel-1", 1, false, new BigDecimal("300000"), "EUR", "it", DAY, null, null, t0.plusSeconds(60)),
        Outcome.asset("op", "FR", null, new BigDecimal("12500.50"), "eur", "fr", DAY),
        Outcome.asset("op", "TR", null, new BigDecimal("40000"), "USD", "tr", DAY));
    var t = OutcomeTotals.of(os);
    assertThat(t.assetsSeized()).isEqualTo(3);
    assertThat(t.seized()).containsEntry("EUR", new BigDecimal("262500.50")).containsEntry("USD", new BigDecimal("40000"));
  }

  @Test
  void badOutcomesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> Outcome.asset("op", "IT", null, BigDecimal.TEN, "XYZ", "it", DAY))
        .isInstanceOf(InvalidData.class).hasMessageContaining("currency");
    assertThatThrownBy(() -> new Outcome(null, "op", "IT", Kind.ARREST, "p1", 3, false, null, null, null, DAY, null, null, null))
        .isInstanceOf(InvalidData.class).hasMessageContaining("count");
    assertThatThrownBy(() -> Outcome.person("op", "IT", Kind.ARREST, "p1", true, null, DAY))
        .isInstanceOf(InvalidData.class).hasMessageContaining("minor");
    assertThatThrownBy(() -> Outcome.counted("op", "XX", Kind.ARREST, 1, null, DAY))
        .isInstanceOf(InvalidData.class).hasMessageContaining("agency");
  }
}
