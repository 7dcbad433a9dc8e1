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
}
