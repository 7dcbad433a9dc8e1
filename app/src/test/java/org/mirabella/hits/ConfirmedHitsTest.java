package org.mirabella.hits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

class ConfirmedHitsTest {
  @Test
  void onlyConfirmedHitsJoinRecordsAndTheJoinIsTransitive() {
    try (Database db = TestDatabases.h2()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      HitStore hits = new HitStore(db, new JdbcAuditLog(db));
      var itUk = hits.record(new ScoredPair("it-sco-0001", "uk-nca-5521", 0.99, ScoredPair.Band.HIGH, Set.of("phone"), "v1")).orElseThrow();
      var ukDe = hits.record(new ScoredPair("uk-nca-5521", "de-bka-7781", 0.95, ScoredPair.Band.MEDIUM, Set.of("name"), "v1")).orElseThrow();
      hits.record(new ScoredPair("it-sco-0001", "ly-aiia-0042", 0.97, ScoredPair.Band.HIGH, Set.of("name"), "v1")).orElseThrow();
      ConfirmedHits same = new ConfirmedHits(db);

      assertThat(same.canonical("uk-nca-5521")).isEqualTo("uk-nca-5521");
      confirm(db, itUk.id());
      confirm(db, ukDe.id());
      assertThat(same.canonical("uk-nca-5521")).isEqualTo("de-bka-7781");
      assertThat(same.canonical("it-sco-0001")).isEqualTo("de-bka-7781");
      assertThat(same.canonical("de-bka-7781")).isEqualTo("de-bka-7781");
      // a high score that nobody confirmed merges nothing
      assertThat(same.canonical("ly-aiia-0042")).isEqualTo("ly-aiia-0042");
    }
  }

  private static void confirm(Database db, long hitId) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE hit SET judgement = 'CONFIRMED' WHERE id = :id").bind("id", hitId).execute());
  }
}
