package org.mirabella.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.model.Entity;
import org.mirabella.provenance.Provenance;
import org.mirabella.reliability.StartupRepair;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

class IndexSyncTest {
  @Test
  void repairsAnIndexThatDisagreesWithTheStore() {
    try (Database db = TestDatabases.h2(); SearchIndex index = SearchIndex.inMemory(n -> List.of())) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());

      var first = IndexSync.sync(store, index);
      assertThat(first.added()).isEqualTo(8);
      assertThat(first.wasConsistent()).isFalse();
      assertThat(IndexSync.sync(store, index).wasConsistent()).isTrue();

      index.delete(List.of("it-sco-0001", "uk-nca-5521"));
      var stranger = SampleData.read(Model.get()).get(0);
      index.index(List.of(new org.mirabella.model.Entity("ghost-1", stranger.schema(), "IT", "IT-X",
          stranger.category(), stranger.reviewDate())));
      var repair = IndexSync.sync(store, index);
      assertThat(repair.added()).isEqualTo(2);
      assertThat(repair.removed()).isEqualTo(1);
      assertThat(index.ids()).hasSize(8).contains("it-sco-0001").doesNotContain("ghost-1");
    }
  }

  private static List<String> found(SearchIndex index, String text) {
    return index.search(SearchRequest.text(text), new Visibility("IT", Set.of(), false)).hits().stream().map(SearchResults.Hit::id).toList();
  }

  @Test
  void writesAreSearchableAtOnceAndDurableOnlyAfterTheCommit(@TempDir Path folder) {
    try (Database db = TestDatabases.h2()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      try (SearchIndex index = SearchIndex.open(folder, n -> List.of())) {
        IndexSync.sync(store, index);
        assertThat(index.hasUncommittedChanges()).as("sync commits what it repaired").isFalse();
        index.index(List.of(person(store, "it-nrt-1", "Ottavio Quintavalle")));
        assertThat(found(index, "Quintavalle")).containsExactly("it-nrt-1");
        assertThat(index.hasUncommittedChanges()).isTrue();
        index.commit();
        assertThat(index.hasUncommittedChanges()).isFalse();
      }
    }
  }

  @Test
  void aCrashBeforeTheIndexCommitIsRepairedOnStart(@TempDir Path folder) {
    try (Database db = TestDatabases.h2()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      SearchIndex before = SearchIndex.open(folder, n -> List.of());
      StartupRepair.repairIndex(db, before);
      // An import commits to the store, then indexes: searchable, not yet committed to disk.
      before.index(List.of(person(store, "it-nrt-2", "Ottavio Quintavalle")));
      // A correction of an entity the committed index already holds (its values change, its id does not).
      Entity amended = store.find("it-sco-0001").orElseThrow();
      store.retract(amended.statements().get(0).id(), "it.analyst", "typing error");
      before.index(List.of(store.find("it-sco-0001").orElseThrow()));
      assertThat(found(before, "Quintavalle")).containsExactly("it-nrt-2");
      before.abandon(); // the process dies: the writes since the last commit are gone

      try (SearchIndex after = SearchIndex.open(folder, n -> List.of())) {
        assertThat(found(after, "Quintavalle")).as("lost with the crash").isEmpty();
        assertThat(IndexSync.diff(store, after)).isEqualTo(new IndexSync.Report(9, 8, 1, 0, 1));
        var repaired = StartupRepair.repairIndex(db, after);
        assertThat(repaired.added()).isEqualTo(1);
        assertThat(repaired.stale()).isEqualTo(1);
        assertThat(found(after, "Quintavalle")).containsExactly("it-nrt-2");
        assertThat(IndexSync.diff(store, after).wasConsistent()).isTrue();
      }
      try (SearchIndex reopened = SearchIndex.open(folder, n -> List.of())) {
        assertThat(IndexSync.diff(store, reopened).wasConsistent()).as("the repair was committed").isTrue();
      }
    }
  }

  private static Entity person(EntityStore store, String id, String name) {
    Entity e = new Entity(id, Model.get().require("Person"), "IT", "IT-SCO-2024-117",
        org.mirabella.provenance.SubjectCategory.SUSPECT, null);
    e.add("name", name, Provenance.of("IT", "IT-SCO-2024-117"));
    store.write(List.of(e));
    return store.find(id).orElseThrow();
  }
}
