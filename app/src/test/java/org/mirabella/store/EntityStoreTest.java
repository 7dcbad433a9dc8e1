package org.mirabella.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

class EntityStoreTest {
  private static final Model MODEL = Model.get();

  private static EntityStore store(Database db) {
    EntityStore s = new EntityStore(db, MODEL);
    s.ensureAgencies(Agencies.get());
    s.ensureCase("IT", "IT-1", "Operazione Mare", LocalDate.of(2024, 3, 1));
    return s;
  }

  private static Entity person(String id, String name, String phone) {
    Provenance p = new Provenance("IT", "IT-1", HandlingCode.H3, "Only for the JIT Mare", Grading.parse("B2"),
        "persone.csv", "analyst.it", null);
    Entity e = new Entity(id, MODEL.require("Person"), "IT", "IT-1", SubjectCategory.SUSPECT, LocalDate.of(2027, 3, 1));
    e.add("nationality", "Libya", p);
    e.add("name", name, p);
    e.add("phone", phone, p);
    e.add("birthDate", "1987-03", p);
    return e;
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void writesAndReadsBackEntitiesWithProvenance(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = store(db);
      var summary = store.write(List.of(person("it-1", "Mohamed Abdelrahman", "091 234 5678")));
      assertThat(summary.entitiesAdded()).isEqualTo(1);
      assertThat(summary.statementsAdded()).isEqualTo(4);

      Entity back = store.find("it-1").orElseThrow();
      assertThat(back.schema().name()).isEqualTo("Person");
      assertThat(back.category()).isEqualTo(SubjectCategory.SUSPECT);
      assertThat(back.reviewDate()).isEqualTo(LocalDate.of(2027, 3, 1));
      assertThat(back.values("phone")).containsExactly("+218912345678");
      assertThat(back.values("nationality")).containsExactly("ly");
      assertThat(back.values("birthDate")).containsExactly("1987-03");
      Statement phone = back.statements().stream().filter(s -> s.property().equals("phone")).findFirst().orElseThrow();
      assertThat(phone.originalValue()).isEqualTo("091 234 5678");
      assertThat(phone.provenance().handling()).isEqualTo(HandlingCode.H3);
      assertThat(phone.provenance().handlingCondition()).isEqualTo("Only for the JIT Mare");
      assertThat(phone.provenance().grading()).hasToString("B2");
      assertThat(phone.provenance().source()).isEqualTo("persone.csv");
      assertThat(phone.provenance().recordedBy()).isEqualTo("analyst.it");
    }
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void writingTheSameFactsTwiceAddsNothing(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = store(db);
      store.write(List.of(person("it-1", "Mohamed Abdelrahman", "091 234 5678")));
      var again = store.write(List.of(person("it-1", "Mohamed Abdelrahman", "+218 91 234 5678")));
      assertThat(again.entitiesAdded()).isZero();
      assertThat(again.statementsAdded()).isZero();
      assertThat(again.statementsUnchanged()).isEqualTo(4);
      assertThat(store.counts().statements()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void retractionLeavesATombstoneAndTheNewValueStands(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = store(db);
      store.write(List.of(person("it-1", "Mohamed Abdelrahman", "091 234 5678")));
      String old = store.find("it-1").orElseThrow().statements().stream()
          .filter(s -> s.property().equals("name")).findFirst().orElseThrow().id();
      store.retract(old, "analyst.it", "typo in surname");
      store.write(List.of(person("it-1", "Mohamed Abdel Rahman", "091 234 5678")));

      Entity back = store.find("it-1").orElseThrow();
      assertThat(back.values("name")).containsExactly("Mohamed Abdel Rahman");
      Statement tomb = back.statements().stream().filter(s -> s.id().equals(old)).findFirst().orElseThrow();
      assertThat(tomb.retracted()).isTrue();
      assertThat(tomb.value()).isEqualTo("Mohamed Abdelrahman");
      assertThat(tomb.retraction().by()).isEqualTo("analyst.it");
      assertThat(tomb.retraction().reason()).isEqualTo("typo in surname");
      assertThat(store.counts().retracted()).isEqualTo(1);
      assertThatThrownBy(() -> store.retract(old, "analyst.it", "again")).isInstanceOf(InvalidData.class)
          .hasMessageContaining("no current statement");
    }
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void aFailedTransactionLeavesTheStoreAsItWas(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = store(db);
      store.write(List.of(person("it-1", "Mohamed Abdelrahman", "091 234 5678")));
      var before = store.counts();
      assertThatThrownBy(() -> store.transaction(w -> {
        w.write(List.of(person("it-2", "Youssef Ben Ali", "091 765 4321")));
        throw new InvalidData("Bad file", java.util.Map.of("persone.csv line 3", "truncated"));
      })).isInstanceOf(InvalidData.class);
      assertThat(store.counts()).isEqualTo(before);
      assertThat(store.find("it-2")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void entitiesOfAnUnknownCaseAreRefused(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = store(db);
      Entity e = new Entity("de-1", MODEL.require("Person"), "DE", "DE-404", SubjectCategory.SUSPECT, null);
      e.add("name", "Ali Hassan", Provenance.of("DE", "DE-404"));
      assertThatThrownBy(() -> store.write(List.of(e))).isInstanceOf(RuntimeException.class);
      assertThat(store.counts().entities()).isZero();
    }
  }
}
