package org.mirabella.htcds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

class HtcdsRoundTripTest {
  private final Model model = Model.get();
  private final Provenance p = Provenance.of("FR", "FR-OLTIM-2025-021").withSource("htcds");
  private final HtcdsMapping.Referral referral =
      new HtcdsMapping.Referral("OLTIM", "Comité contre l'esclavage moderne", LocalDate.of(2025, 9, 30));

  @Test
  void fieldListIsTheStandard() {
    assertThat(HtcdsFields.get().field("prs_Gender").values()).contains("Feminine", "NonSpecifiedUnknown");
    assertThat(HtcdsFields.get().field("vic_TypeOfExploitation").multiselect()).isTrue();
    assertThat(HtcdsFields.get().names()).doesNotContain("N/A").contains("con_Consent", "hte_Date");
  }

  @Test
  void aRecordSurvivesImportAndExportUnchanged() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("prs_FirstName", "Selam");
    f.put("prs_SecondName", "Tesfaye");
    f.put("prs_Birthdate", "2004-02-11");
    f.put("prs_Gender", "Feminine");
    f.put("prs_Citizenship", "ER;ET");
    f.put("prs_MobilePhone", "+33612345678");
    f.put("prs_PrimaryLanguage", "tir");
    f.put("vic_TraffickingStatus", "ActualVictimOfTrafficking");
    f.put("vic_TypeOfExploitation", "SexualExploitation;ForcedBegging;Surrogacy");
    f.put("vic_MethodsOfControl", "DebtBondage;WithholdsDocuments");
    f.put("vic_AgeWhenTrafficked", "17");
    f.put("hte_Date", "2021-06");
    f.put("hte_Type", "Exploitation");
    f.put("hte_City", "Tripoli, \"old town\"");
    f.put("con_Consent", "true");
    f.put("cas_ReferringOrganisation", referral.referringOrganisation());
    f.put("cas_ReferredOrganisation", referral.referredOrganisation());
    f.put("cas_OutgoingReferralDate", referral.date().toString());
    HtcdsRecord original = new HtcdsRecord(f);

    String csv = HtcdsCsv.write(List.of(original));
    List<HtcdsRecord> read = HtcdsCsv.read(new BufferedReader(new StringReader(csv)), "referral.csv");
    assertThat(read).containsExactly(original);

    List<Entity> entities = HtcdsMapping.fromRecord(read.get(0), model, p);
    Entity person = entities.get(0);
    Entity report = entities.get(1);
    assertThat(person.category()).isEqualTo(SubjectCategory.VICTIM);
    assertThat(person.values("nationality")).containsExactly("er", "et");
    assertThat(person.first("gender")).isEqualTo("female");
    assertThat(report.values("exploitationType")).containsExactly("sexual", "begging", "Surrogacy");
    assertThat(report.first("minor")).isEqualTo("true");
    assertThat(report.first("startDate")).isEqualTo("2021-06");

    HtcdsRecord again = HtcdsMapping.toRecord(person, List.of(report), referral);
    assertThat(again.fields()).isEqualTo(original.fields());
    // Importing the same record twice gives the same entities (ids from the record).
    assertThat(HtcdsMapping.fromRecord(original, model, p).get(0).id()).isEqualTo(person.id());
  }

  @Test
  void aVictimRecordedInMirabellaSurvivesExportAndImport() {
    Provenance own = Provenance.of("FR", "FR-OLTIM-2025-021");
    Entity v = new Entity("fr-oltim-0310", model.require("Person"), "FR", "FR-OLTIM-2025-021", SubjectCategory.VICTIM, null);
    v.add("nationality", "er", own);
    v.add("name", "Selam Tesfaye", own);
    v.add("birthDate", "2004-02-11", own);
    v.add("gender", "f", own);
    v.add("phone", "+33 6 12 34 56 78", own);
    Entity r = new Entity("fr-oltim-0311", model.require("VictimReport"), "FR", "FR-OLTIM-2025-021", SubjectCategory.VICTIM, null);
    r.add("victim", v.id(), own);
    r.add("exploitationType", "sexual", own);
    r.add("exploitationType", "forced criminality", own);
    r.add("startDate", "2021-06-20", own);
    r.add("safeguarded", "Shelter in Lyon; legal aid", own);

    HtcdsRecord out = HtcdsMapping.toRecord(v, List.of(r), referral);
    assertThat(out.get("prs_FirstName")).isEqualTo("Selam");
    assertThat(out.get("prs_SecondName")).isEqualTo("Tesfaye");
    assertThat(out.get("prs_MobilePhone")).isEqualTo("+33612345678");
    assertThat(out.get("vic_TypeOfExploitation")).isEqualTo("SexualExploitation;ForcedCriminality");
    assertThat(out.get("vic_AgeWhenTrafficked")).isEqualTo("17");
    assertThat(out.get("vic_TraffickingStatus")).isEqualTo("PossibleVictimOfTrafficking");

    List<Entity> back = HtcdsMapping.fromRecord(out, model, p);
    assertThat(back.get(0).values("phone")).isEqualTo(v.values("phone"));
    assertThat(back.get(0).first("birthDate")).isEqualTo("2004-02-11");
    assertThat(HtcdsMapping.toRecord(back.get(0), List.of(back.get(1)), referral)).isEqualTo(out);
  }

  @Test
  void unknownColumnsAndPicklistValuesAreRejectedNamingLineAndField() {
    assertThatThrownBy(() -> HtcdsCsv.read(new BufferedReader(new StringReader("prs_FirstName,prs_Shoe\r\nA,B\r\n")), "in.csv"))
        .isInstanceOf(InvalidData.class).hasMessageContaining("in.csv line 1").hasMessageContaining("prs_Shoe");
    assertThatThrownBy(() -> HtcdsCsv.read(new BufferedReader(new StringReader("prs_Gender\r\nFemale\r\n")), "in.csv"))
        .isInstanceOf(InvalidData.class).hasMessageContaining("in.csv line 2 prs_Gender");
    for (String empty : new String[] {"", "\r\n", "\uFEFF"}) { // an empty upload is a mistake, not zero referrals
      assertThatThrownBy(() -> HtcdsCsv.read(new BufferedReader(new StringReader(empty)), "in.csv"))
          .isInstanceOf(InvalidData.class).hasMessageContaining("in.csv line 1").hasMessageContaining("empty");
    }
  }
}
