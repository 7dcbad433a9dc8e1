package org.mirabella.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
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
}
