package org.mirabella.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.model.types.Cleaned;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

class EntityTest {
  private static final Model MODEL = Model.get();
  private static final Provenance IT = Provenance.of("IT", "op-scirocco");
  private static final Instant AT = Instant.parse("2026-03-02T10:15:00Z");

  private static Entity person(String id) {
    return new Entity(id, MODEL.require("Person"), "IT", "op-scirocco", SubjectCategory.SUSPECT, null);
  }

  @Test
  void addDelegatesCleaningToThePropertyType() {
    Entity p = person("it-p-1");
    assertThat(p.add("name", "  Jose\u0301  Garci\u0301a ", IT)).isEqualTo(Cleaned.valid("José García"));
    assertThat(p.add("birthDate", "1990-05", IT)).isEqualTo(Cleaned.valid("1990-05"));
    assertThat(p.add("nationality", "Eritrea", IT)).isEqualTo(Cleaned.valid("er"));
    assertThat(p.values("name")).containsExactly("José García");
    assertThat(p.values("birthDate")).containsExactly("1990-05");
    assertThat(p.values("nationality")).containsExactly("er");
  }

  @Test
  void keepsTheOriginalValueAndProvenanceOnTheStatement() {
    Entity p = person("it-p-1");
    p.add("nationality", "Eritrea", IT);
    Statement s = p.statements().get(0);
    assertThat(s.entityId()).isEqualTo("it-p-1");
    assertThat(s.schema()).isEqualTo("Person");
    assertThat(s.property()).isEqualTo("nationality");
    assertThat(s.value()).isEqualTo("er");
    assertThat(s.originalValue()).isEqualTo("Eritrea");
    assertThat(s.provenance()).isEqualTo(IT);
    assertThat(s.retracted()).isFalse();
  }

  @Test
  void invalidValueComesBackWithItsReasonAndAddsNoStatement() {
    Entity p = person("it-p-1");
    Cleaned c = p.add("birthDate", "1990-02-30", IT);
    assertThat(c).isInstanceOf(Cleaned.Invalid.class);
    assertThat(((Cleaned.Invalid) c).reason()).startsWith("impossible date '1990-02-30'");
    assertThat(p.statements()).isEmpty();
    assertThat(p.values("birthDate")).isEmpty();
  }

  @Test
  void usesTheEntitysCountriesAsTheHintForPhones() {
    Entity p = person("it-p-1");
    assertThat(p.add("phone", "347 123 4567", IT)).isInstanceOf(Cleaned.Invalid.class);
    p.add("country", "Italy", IT);
    assertThat(p.countries()).containsExactly("it");
    assertThat(p.add("phone", "347 123 4567", IT)).isEqualTo(Cleaned.valid("+393471234567"));
    assertThat(p.values("phone")).containsExactly("+393471234567");
  }

  @Test
  void ambiguousPhoneAmongTheEntitysCountriesIsRejected() {
    Entity p = person("de-p-7");
    p.add("nationality", "ly", IT);
    p.add("country", "de", IT);
    Cleaned c = p.add("phone", "091 234 5678", IT);
    assertThat(((Cleaned.Invalid) c).reason()).startsWith("ambiguous local phone number");
    assertThat(p.values("phone")).isEmpty();
  }

  @Test
  void unknownPropertyIsAMappingErrorNamingTheProperty() {
    Entity p = person("it-p-1");
    assertThatThrownBy(() -> p.add("shoeSize", "44", IT))
        .isInstanceOf(InvalidData.class)
        .satisfies(e -> assertThat(((InvalidData) e).errors()).containsEntry("shoeSize", "no property 'shoeSize' in Person"));
  }

  @Test
  void sameFactTwiceIsOneStatement() {
    Entity p = person("it-p-1");
    p.add("nationality", "Eritrea", IT);
    p.add("nationality", "ER", IT);
    assertThat(p.statements()).hasSize(1);
    assertThat(p.values("nationality")).containsExactly("er");
  }

  @Test
  void retractionKeepsTheTombstoneAndValuesExcludeIt() {
    Entity p = person("it-p-1");
    p.add("name", "Mario Rosi", IT);
    String wrong = p.statements().get(0).id();
    Statement tomb = p.retract(wrong, "analyst.it", AT, "typo in surname");
    p.add("name", "Mario Rossi", IT);

    assertThat(p.values("name")).containsExactly("Mario Rossi");
    assertThat(p.properties()).containsEntry("name", List.of("Mario Rossi"));
    assertThat(p.caption()).isEqualTo("Mario Rossi");
    assertThat(p.statements()).hasSize(2);
    assertThat(p.statement(wrong)).isEqualTo(tomb);
    assertThat(tomb.retracted()).isTrue();
    assertThat(tomb.value()).isEqualTo("Mario Rosi");
    assertThat(tomb.retraction()).isEqualTo(new Statement.Retraction("analyst.it", AT, "typo in surname"));
  }

  @Test
  void retractionViaStatementRetractReadBackFromAStore() {
    Entity source = person("it-p-1");
    source.add("name", "Mario Rosi", IT);
    Statement tomb = source.statements().get(0).retract("analyst.it", AT, "typo in surname");

    Entity readBack = person("it-p-1");
    readBack.addStatement(tomb);
    assertThat(readBack.statements()).containsExactly(tomb);
    assertThat(readBack.values("name")).isEmpty();
    assertThat(readBack.caption()).isEqualTo("it-p-1");
  }

  @Test
  void factStatedAgainAfterRetractionIsANewStatementBesideTheTombstone() {
    Entity p = person("it-p-1");
    p.add("nationality", "Eritrea", IT);
    String first = p.statements().get(0).id();
    p.retract(first, "analyst.it", AT, "he is Ethiopian");
    assertThat(p.add("nationality", "Eritrea", IT)).isEqualTo(Cleaned.valid("er"));

    assertThat(p.values("nationality")).containsExactly("er");
    assertThat(p.statements()).hasSize(2);
    assertThat(p.statement(first).retraction().reason()).isEqualTo("he is Ethiopian");
    Statement again = p.statements().get(1);
    assertThat(again.id()).isEqualTo(Statement.restatedId(first, AT)).isNotEqualTo(first);
    assertThat(again.retracted()).isFalse();
    // stating it once more changes nothing
    p.add("nationality", "ER", IT);
    assertThat(p.statements()).hasSize(2);
  }

  @Test
  void factRetractedTwiceAndStatedAgainGetsAThirdId() {
    Entity p = person("it-p-1");
    p.add("nationality", "er", IT);
    String first = p.statements().get(0).id();
    p.retract(first, "analyst.it", AT, "wrong");
    p.add("nationality", "er", IT);
    String second = Statement.restatedId(first, AT);
    Instant later = AT.plusSeconds(60);
    p.retract(second, "analyst.it", later, "wrong again");
    p.add("nationality", "er", IT);
    assertThat(p.statements()).extracting(Statement::id).containsExactly(first, second, Statement.restatedId(second, later));
    assertThat(p.values("nationality")).containsExactly("er");
  }

  @Test
  void retractingTwiceOrAnUnknownStatementIsAnError() {
    Entity p = person("it-p-1");
    p.add("name", "Mario Rossi", IT);
    String id = p.statements().get(0).id();
    p.retract(id, "analyst.it", AT, "wrong person");
    assertThatThrownBy(() -> p.retract(id, "analyst.it", AT, "again")).isInstanceOf(InvalidData.class)
        .hasMessageContaining("Already retracted");
    assertThatThrownBy(() -> p.retract("nope", "analyst.it", AT, "x")).isInstanceOf(InvalidData.class)
        .hasMessageContaining("no statement nope");
  }

  @Test
  void retractedCountriesNoLongerHintPhones() {
    Entity p = person("it-p-1");
    p.add("country", "it", IT);
    p.retract(p.statements().get(0).id(), "analyst.it", AT, "lives in France");
    assertThat(p.countries()).isEmpty();
    assertThat(p.add("phone", "347 123 4567", IT).isValid()).isFalse();
  }

  @Test
  void rejectsStatementsOfAnotherEntityAndDuplicates() {
    Entity p = person("it-p-1");
    p.add("name", "Mario Rossi", IT);
    Statement s = p.statements().get(0);
    assertThatThrownBy(() -> person("it-p-2").addStatement(s)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.addStatement(s)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsBadIdsAndAbstractSchemata() {
    assertThatThrownBy(() -> person("bad id")).isInstanceOf(InvalidData.class).hasMessageContaining("id");
    assertThatThrownBy(() -> new Entity("x", MODEL.require("Thing"), "IT", "c", null, null))
        .isInstanceOf(InvalidData.class).hasMessageContaining("Thing is abstract");
  }

  @Test
  void derivesTheReviewDateFromTheCategory() {
    Entity suspect = person("it-p-1");
    assertThat(suspect.reviewDate()).isEqualTo(LocalDate.now().plusYears(3));
    Entity victim = new Entity("it-p-2", MODEL.require("Person"), "IT", "op-scirocco", SubjectCategory.VICTIM, null);
    assertThat(victim.reviewDate()).isEqualTo(LocalDate.now().plusYears(1));
    Entity unknown = new Entity("it-p-3", MODEL.require("Person"), "IT", "op-scirocco", null, LocalDate.of(2030, 1, 1));
    assertThat(unknown.category()).isEqualTo(SubjectCategory.OTHER);
    assertThat(unknown.reviewDate()).isEqualTo(LocalDate.of(2030, 1, 1));
  }

  @Test
  void usesThePropertysFormatForIdentifiers() {
    Entity vessel = new Entity("it-v-1", MODEL.require("Vessel"), "IT", "op-scirocco", null, null);
    assertThat(vessel.add("imoNumber", "9074729", IT)).isEqualTo(Cleaned.valid("IMO9074729"));
    assertThat(((Cleaned.Invalid) vessel.add("imoNumber", "9074728", IT)).reason()).startsWith("IMO check digit wrong");
  }

  @Test
  void acceptsTheLongestTopics() {
    Entity p = person("it-p-1");
    assertThat(p.add("topics", "crime.traffick.human", IT)).isEqualTo(Cleaned.valid("crime.traffick.human"));
    assertThat(p.values("topics")).containsExactly("crime.traffick.human");
  }

  @Test
  void keepsCryptoWalletAddressesCaseSensitive() {
    Entity wallet = new Entity("it-w-1", MODEL.require("CryptoWallet"), "IT", "op-scirocco", null, null);
    assertThat(wallet.add("publicKey", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", IT)).isEqualTo(Cleaned.valid("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"));
  }

  @Test
  void cleansAPriceAndItsCurrency() {
    Entity leg = new Entity("it-s-1", MODEL.require("SmugglingService"), "IT", "op-scirocco", null, null);
    assertThat(leg.add("price", "2.500,00", IT)).isEqualTo(Cleaned.valid("2500"));
    assertThat(leg.add("currency", "€", IT)).isEqualTo(Cleaned.valid("EUR"));
    assertThat(leg.add("currency", "euro", IT)).isEqualTo(Cleaned.valid("EUR"));
    assertThat(leg.values("currency")).containsExactly("EUR");
    assertThat(((Cleaned.Invalid) leg.add("price", "2.500", IT)).reason()).startsWith("ambiguous number");
    assertThat(((Cleaned.Invalid) leg.add("currency", "dinar", IT)).reason()).startsWith("ambiguous currency");
    assertThat(((Cleaned.Invalid) leg.add("currency", "bitcoin", IT)).reason()).isEqualTo("unknown currency: 'bitcoin'");
    assertThat(leg.values("price")).containsExactly("2500");
  }

  @Test
  void reportsMissingRequiredProperties() {
    Entity arrest = new Entity("it-a-1", MODEL.require("Arrest"), "IT", "op-scirocco", null, null);
    assertThat(arrest.missingRequired()).contains("person", "date");
    arrest.add("date", "2026-03-02", IT);
    assertThat(arrest.missingRequired()).doesNotContain("date").contains("person");
  }
}
