package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mirabella.access.Disclosures.CaseKey;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.model.Statement;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

class ReadPolicyTest {
  private final ReadPolicy policy = ReadPolicy.standard();

  static Entity person(String id, String agency, SubjectCategory cat, HandlingCode code) {
    Entity e = new Entity(id, Model.get().require("Person"), agency, agency + "-1", cat, LocalDate.of(2030, 1, 1));
    e.add("name", "Name of " + id, Provenance.of(agency, agency + "-1").withHandling(code, code == HandlingCode.H3 ? "no use in court" : null));
    return e;
  }

  static Statement only(Entity e) {
    return e.statements().get(0);
  }

  @Test
  void ownerSeesOwnDataOthersNothing() {
    Entity e = person("it-1", "IT", SubjectCategory.SUSPECT, HandlingCode.H0);
    assertThat(policy.visible(Viewer.of("a", "IT", Role.ANALYST), e, Disclosures.none("IT"))).isPresent();
    var denied = policy.decide(new ReadPolicy.Read(Viewer.of("b", "DE", Role.ANALYST), e, only(e), Disclosures.none("DE")));
    assertThat(denied).isInstanceOf(Decision.Deny.class);
    assertThat(denied.toString()).contains("ownerAgency", "caseSharedWithViewer", "releasedToViewer");
    assertThat(policy.visible(Viewer.of("b", "DE", Role.ANALYST), e, Disclosures.none("DE"))).isEmpty();
  }

  @Test
  void sharedCaseAndReleaseGrantAccess() {
    Entity e = person("it-1", "IT", SubjectCategory.SUSPECT, HandlingCode.H2);
    Viewer de = Viewer.of("b", "DE", Role.ANALYST);
    var shared = new Disclosures("DE", Set.of(new CaseKey("IT", "IT-1")), Map.of());
    assertThat(policy.visible(de, e, shared)).get().extracting(x -> x.statements().size()).isEqualTo(1);
    var released = new Disclosures("DE", Set.of(), Map.of(only(e).id(), Set.of("IT")));
    assertThat(policy.visible(de, e, released)).isPresent();
  }

  @Test
  void h2PassedOnByRecipientIsNotReadableButH0Is() {
    Entity h2 = person("it-1", "IT", SubjectCategory.SUSPECT, HandlingCode.H2);
    Entity h0 = person("it-2", "IT", SubjectCategory.SUSPECT, HandlingCode.H0);
    Viewer fr = Viewer.of("c", "FR", Role.ANALYST);
    var passedOn = new Disclosures("FR", Set.of(), Map.of(only(h2).id(), Set.of("DE"), only(h0).id(), Set.of("DE")));
    Decision d = policy.decide(new ReadPolicy.Read(fr, h2, only(h2), passedOn));
    assertThat(d).isEqualTo(Decision.deny("h2NotPassedOn", "H2 statement of IT passed on by another agency"));
    assertThat(policy.visible(fr, h0, passedOn)).isPresent();
  }

  @Test
  void victimsOnlyForOwnerAndVictimProtectionNeverPartnerTier() {
    Entity v = person("fr-9", "FR", SubjectCategory.VICTIM, HandlingCode.H0);
    var toIt = new Disclosures("IT", Set.of(new CaseKey("FR", "FR-1")), Map.of());
    var toLy = new Disclosures("LY", Set.of(new CaseKey("FR", "FR-1")), Map.of());
    assertThat(policy.visible(Viewer.of("o", "FR", Role.ANALYST), v, Disclosures.none("FR"))).isPresent();
    Decision analyst = policy.decide(new ReadPolicy.Read(Viewer.of("a", "IT", Role.ANALYST), v, only(v), toIt));
    assertThat(analyst).extracting(x -> ((Decision.Deny) x).rule()).isEqualTo("victimShield");
    assertThat(policy.visible(Viewer.of("p", "IT", Role.VICTIM_PROTECTION), v, toIt)).isPresent();
    Decision partner = policy.decide(new ReadPolicy.Read(Viewer.of("l", "LY", Role.VICTIM_PROTECTION), v, only(v), toLy));
    assertThat(partner).extracting(x -> ((Decision.Deny) x).rule()).isEqualTo("partnerTierNoForeignVictims");
  }

  @Test
  void adminAloneReadsNoCaseDataRetractionsOnlyForOwner() {
    Entity e = person("it-1", "IT", SubjectCategory.SUSPECT, HandlingCode.H0);
    assertThat(policy.visible(Viewer.of("root", "IT", Role.ADMIN), e, Disclosures.none("IT"))).isEmpty();
    Entity r = new Entity("it-3", e.schema(), "IT", "IT-1", SubjectCategory.SUSPECT, null);
    r.addStatement(new Statement(only(e).id(), "it-3", "Person", "name", "old", "old", only(e).provenance(), null)
        .retract("a", java.time.Instant.now(), "typo"));
    var shared = new Disclosures("DE", Set.of(new CaseKey("IT", "IT-1")), Map.of());
    assertThat(policy.visible(Viewer.of("b", "DE", Role.ANALYST), r, shared)).isEmpty();
    assertThat(policy.visible(Viewer.of("a", "IT", Role.ANALYST), r, Disclosures.none("IT")).orElseThrow().statements()).hasSize(1);
  }

  @Test
  void onlyVisibleStatementsOfAMixedEntityAreShown() {
    Entity e = person("it-1", "IT", SubjectCategory.SUSPECT, HandlingCode.H0);
    e.add("phone", "+218912345678", Provenance.of("IT", "IT-2"));
    var shared = new Disclosures("DE", Set.of(new CaseKey("IT", "IT-2")), Map.of());
    Entity seen = policy.visible(Viewer.of("b", "DE", Role.ANALYST), e, shared).orElseThrow();
    assertThat(seen.properties()).containsOnlyKeys("phone");
  }

  @Test
  void markingsNameTheOwnerAndTheCondition() {
    Entity h1 = person("de-1", "DE", SubjectCategory.SUSPECT, HandlingCode.H1);
    Entity h3 = person("uk-1", "UK", SubjectCategory.SUSPECT, HandlingCode.H3);
    assertThat(Markings.of(only(h1))).isEqualTo("H1: NOT FOR JUDICIAL USE WITHOUT PERMISSION of DE");
    assertThat(Markings.of(only(h3))).isEqualTo("H3: condition of UK: no use in court");
  }

  @Test
  void disseminationOfH2ByRecipientIsRefused() {
    Entity e = person("it-1", "IT", SubjectCategory.SUSPECT, HandlingCode.H2);
    var policy = DisseminationPolicy.standard();
    assertThat(policy.decide(new DisseminationPolicy.Disseminate(Viewer.of("a", "IT", Role.ANALYST), e, only(e), "DE",
        org.mirabella.agency.Tier.G7)).allowed()).isTrue();
    Decision byDe = policy.decide(new DisseminationPolicy.Disseminate(Viewer.of("b", "DE", Role.ANALYST), e, only(e), "FR",
        org.mirabella.agency.Tier.G7));
    assertThat(byDe.allowed()).isFalse();
    Entity v = person("it-v", "IT", SubjectCategory.VICTIM, HandlingCode.H0);
    assertThat(policy.decide(new DisseminationPolicy.Disseminate(Viewer.of("a", "IT", Role.ANALYST), v, only(v), "LY",
        org.mirabella.agency.Tier.PARTNER))).extracting(x -> ((Decision.Deny) x).rule()).isEqualTo("noVictimDataToPartnerTier");
  }

  @Test
  void reviewClocksDefaultAndOverride() {
    assertThat(ReviewClocks.defaults().next(SubjectCategory.SUSPECT, LocalDate.of(2024, 1, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(ReviewClocks.defaults().next(SubjectCategory.WITNESS, LocalDate.of(2024, 1, 1))).isEqualTo(LocalDate.of(2025, 1, 1));
    var c = ReviewClocks.from(Map.of("MIRABELLA_REVIEW_CONTACT", "P6M")::get);
    assertThat(c.next(SubjectCategory.CONTACT, LocalDate.of(2024, 1, 1))).isEqualTo(LocalDate.of(2024, 7, 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReviewClocks.from(Map.of("MIRABELLA_REVIEW_SUSPECT", "3 years")::get))
        .hasMessageContaining("MIRABELLA_REVIEW_SUSPECT");
  }
}
