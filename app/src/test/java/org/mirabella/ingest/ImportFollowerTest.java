package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Model;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * A server's index follows imports made by another process into the same store (the command line,
 * on PostgreSQL): they were searchable only after a restart.
 */
class ImportFollowerTest {
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void anImportByAnotherProcessIsIndexedAtTheNextPollAndOnlyOnce(Supplier<Database> database) throws Exception {
    try (Database db = database.get(); SearchIndex index = SearchIndex.inMemory(SearchIndex::matchingNameKeys)) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      Path csv = ImportFixtures.copy("it-persone.csv", dir);
      Path yaml = ImportFixtures.copy("it-persone.yaml", dir);
      ImportSettings settings = new ImportSettings("IT", "IT-FOLLOW-1", HandlingCode.H0, null, Grading.UNASSESSED, "script", null);
      // An import before the server started is the start-up sync's (IndexSync), not the follower's.
      new ImportService(store, Model.get()).run(List.of(InputFile.of(csv)), MappingLoader.load(yaml, Model.get()),
          settings, true, r -> {}, Ingestor.Progress.NONE);
      ImportFollower follower = new ImportFollower(db, store, index);
      assertThat(follower.poll()).isZero();
      assertThat(index.ids()).isEmpty();

      // Another process imports a case while the server runs: the import writes no index of this server's.
      ImportResult r = new ImportService(store, Model.get()).run(List.of(InputFile.of(csv)), MappingLoader.load(yaml, Model.get()),
          new ImportSettings("IT", "IT-FOLLOW-2", HandlingCode.H0, null, Grading.UNASSESSED, "script", null), true, x -> {},
          Ingestor.Progress.NONE);
      assertThat(r.entitiesAdded()).isPositive();
      assertThat(follower.poll()).isEqualTo(1);
      String person = RowMapper.entityId("IT", "IT-FOLLOW-2", "person", List.of("1"));
      assertThat(index.ids()).contains(person).hasSize((int) r.entitiesAdded())
          .doesNotContain(RowMapper.entityId("IT", "IT-FOLLOW-1", "person", List.of("1")));
      assertThat(follower.poll()).as("a run is indexed once").isZero();

      // An upload this server indexed as it landed is marked so, and not indexed again.
      ImportResult upload = new ImportService(store, Model.get()).run(List.of(InputFile.of(csv)), MappingLoader.load(yaml, Model.get()),
          new ImportSettings("IT", "IT-FOLLOW-3", HandlingCode.H0, null, Grading.UNASSESSED, "upload", null), true, x -> {},
          Ingestor.Progress.NONE);
      follower.indexed(upload.run());
      assertThat(follower.poll()).isZero();
      assertThat(index.ids()).doesNotContain(RowMapper.entityId("IT", "IT-FOLLOW-3", "person", List.of("1")));
    }
  }
}
