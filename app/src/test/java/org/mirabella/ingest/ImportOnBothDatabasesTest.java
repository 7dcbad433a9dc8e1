package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/** The import's store path (look-ups, inserts, retractions, rollback) on H2 and on PostgreSQL. */
class ImportOnBothDatabasesTest {
  @TempDir Path dir;

  static ImportResult run(EntityStore store, Path file, Path mapping, String caseRef) {
    Mapping m = mapping == null ? Mapping.ftm("ftm") : MappingLoader.load(mapping, Model.get());
    return new ImportService(store, Model.get()).run(List.of(InputFile.of(file)), m,
        new ImportSettings("IT", caseRef, null, null, null, "tester", null), false, r -> {}, Ingestor.Progress.NONE);
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void importReImportChangeRollbackAndRoundTrip(Supplier<Database> database) throws Exception {
    try (Database db = database.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      Path csv = ImportFixtures.copy("it-persone.csv", dir);
      Path yaml = ImportFixtures.copy("it-persone.yaml", dir);

      assertThat(run(store, csv, yaml, "C1").statementsAdded()).isEqualTo(23);
      ImportResult again = run(store, csv, yaml, "C1");
      assertThat(again.statementsAdded()).isZero();
      assertThat(again.statementsUnchanged()).isEqualTo(23);

      Charset cp = Charset.forName("windows-1252");
      Files.writeString(csv, Files.readString(csv, cp).replace("Ben Salah", "Ben Salah-Trabelsi"), cp);
      ImportResult changed = run(store, csv, yaml, "C1");
      assertThat(changed.statementsAdded()).isEqualTo(2); // lastName and name
      assertThat(changed.statementsRetracted()).isEqualTo(2);
      String amira = RowMapper.entityId("IT", "C1", "person", List.of("2"));
      assertThat(store.find(amira).orElseThrow().values("lastName")).containsExactly("Ben Salah-Trabelsi");
      assertThat(store.counts()).isEqualTo(new EntityStore.Counts(4, 23, 2));

      Path cut = dir.resolve("cut.csv");
      Files.writeString(cut, Files.readString(csv, cp).replace("Ben Salah-Trabelsi", "Haddad") + "9;\"Cut", cp);
      assertThatThrownBy(() -> run(store, cut, yaml, "C1")).isInstanceOf(InvalidData.class).hasMessageContaining("truncated");
      assertThat(store.counts()).isEqualTo(new EntityStore.Counts(4, 23, 2));

      StringWriter w = new StringWriter();
      FtmExport.write(store, "IT", "C1", w);
      Path ftm = dir.resolve("c1.ftm.json");
      Files.writeString(ftm, w.toString());
      ImportResult back = run(store, ftm, null, "C1");
      assertThat(back.statementsAdded()).isZero();
      assertThat(back.statementsUnchanged()).isEqualTo(23);
      assertThat(back.statementsRetracted()).isZero();
    }
  }

  static final String NOTES_MAPPING = """
      source: {format: csv, delimiter: ";"}
      entities:
        person:
          schema: Person
          keys: [id]
          properties:
            name: {column: name}
            notes: {column: notes}
      """;

  /** Thousands of rows, so that several batches are written (COPY on PostgreSQL) before the file turns out bad. */
  static String manyRows(int n) {
    StringBuilder b = new StringBuilder("id;name;notes\n");
    for (int i = 0; i < n; i++) b.append(i).append(";Person ").append(i).append(";note ").append(i).append('\n');
    return b.toString();
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void aFailureAfterSeveralWrittenBatchesLeavesTheStoreAsItWas(Supplier<Database> database) throws Exception {
    try (Database db = database.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      Path yaml = dir.resolve("notes.yaml");
      Files.writeString(yaml, NOTES_MAPPING);
      Path first = dir.resolve("first.csv");
      Files.writeString(first, "id;name;notes\n1;Ada;first\n");
      assertThat(run(store, first, yaml, "C2").statementsAdded()).isEqualTo(2);
      EntityStore.Counts before = store.counts();

      int rows = 3 * Ingestor.BATCH_STATEMENTS; // two statements a row: six batches or so
      Path cut = dir.resolve("cut.csv");
      Files.writeString(cut, manyRows(rows) + "99999;\"Cut");
      assertThatThrownBy(() -> run(store, cut, yaml, "C2")).isInstanceOf(InvalidData.class).hasMessageContaining("truncated");
      assertThat(store.counts()).isEqualTo(before);
      long runs = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM import_run").mapTo(Long.class).one());
      assertThat(runs).isEqualTo(1L);

      Path whole = dir.resolve("whole.csv");
      Files.writeString(whole, manyRows(rows));
      ImportResult r = run(store, whole, yaml, "C2");
      assertThat(r.entitiesAdded()).isEqualTo(rows - 1); // person 1 was there
      assertThat(r.statementsAdded()).isEqualTo(2L * rows); // person 1: "Person 1" and "note 1" replace "Ada" and "first"
      assertThat(r.statementsRetracted()).isEqualTo(2); // "Ada" and "first"
      ImportResult again = run(store, whole, yaml, "C2");
      assertThat(again.statementsAdded()).isZero();
      assertThat(again.statementsUnchanged()).isEqualTo(2L * rows);
    }
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void valuesWithQuotesSeparatorsLineBreaksAndOtherScriptsArriveUnchanged(Supplier<Database> database) throws Exception {
    try (Database db = database.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      Path yaml = dir.resolve("notes.yaml");
      Files.writeString(yaml, NOTES_MAPPING);
      String notes = "said \"\"yes\"\", then; left,\nback\\N at 5 \\. 李 محمد";
      Path csv = dir.resolve("odd.csv");
      Files.writeString(csv, "id;name;notes\n1;O'Brien;\"" + notes + "\"\n");
      assertThat(run(store, csv, yaml, "C3").statementsAdded()).isEqualTo(2);
      var person = store.find(RowMapper.entityId("IT", "C3", "person", List.of("1"))).orElseThrow();
      assertThat(person.values("notes")).containsExactly("said \"yes\", then; left,\nback\\N at 5 \\. 李 محمد");
      assertThat(person.values("name")).containsExactly("O'Brien");
      assertThat(person.statements()).allSatisfy(s -> assertThat(s.provenance().source()).isEqualTo("notes.yaml:odd.csv"));
    }
  }
}
