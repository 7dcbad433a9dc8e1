package org.mirabella.hits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

class HitStoreBatchTest {
  private static void person(EntityStore store, String id, String agency) {
    store.ensureCase(agency, "C-" + agency, null, LocalDate.of(2024, 1, 1));
    Entity e = new Entity(id, Model.get().require("Person"), agency, "C-" + agency, null, null);
    e.add("name", "Person " + id, Provenance.of(agency, "C-" + agency));
    store.write(List.of(e));
  }

  private static ScoredPair pair(String a, String b, double score) {
    return new ScoredPair(a, b, score, ScoredPair.Band.LOW, Set.of("name"), "test-v1", 3);
  }

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void aBatchRecordsEachPairOnceWithItsAuditRecordsAndKeepsRejectionsAndUnchangedHits(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      person(store, "it-1", "IT");
      person(store, "it-2", "IT");
      person(store, "uk-1", "UK");
      person(store, "de-1", "DE");
      HitStore hits = new HitStore(db, new JdbcAuditLog(db));

      List<Hit> made = hits.recordAll(List.of(pair("uk-1", "it-1", 0.7), pair("it-1", "uk-1", 0.8), pair("it-1", "it-2", 0.9),
          pair("de-1", "it-2", 0.6), pair("it-1", "nobody", 0.9)));
      // the same pair twice is one hit (the last score), a pair within one agency or with an unknown entity none
      assertThat(made).extracting(Hit::leftEntity, Hit::rightEntity, Hit::score)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("it-1", "uk-1", 0.8), org.assertj.core.groups.Tuple.tuple("de-1", "it-2", 0.6));
      assertThat(made).allSatisfy(h -> assertThat(h.modelVersion()).isEqualTo(3));
      assertThat(count(db, "SELECT COUNT(*) FROM hit")).isEqualTo(2);
      assertThat(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'hit.created'")).isEqualTo(4);
      assertThat(new JdbcAuditLog(db).verify().intact()).isTrue();

      // rejected stays rejected; unchanged is not rewritten; changed is updated; no new audit records
      db.jdbi().useHandle(h -> h.execute("UPDATE hit SET judgement = 'REJECTED' WHERE left_entity = 'de-1'"));
      String before = db.jdbi().withHandle(h -> h.createQuery("SELECT CAST(updated_at AS VARCHAR(64)) FROM hit WHERE left_entity = 'it-1'")
          .mapTo(String.class).one());
      assertThat(hits.recordAll(List.of(pair("it-1", "uk-1", 0.8), pair("de-1", "it-2", 0.99)))).extracting(Hit::leftEntity).containsExactly("it-1");
      String after = db.jdbi().withHandle(h -> h.createQuery("SELECT CAST(updated_at AS VARCHAR(64)) FROM hit WHERE left_entity = 'it-1'")
          .mapTo(String.class).one());
      assertThat(after).isEqualTo(before);
      assertThat(hits.recordAll(List.of(pair("it-1", "uk-1", 0.85)))).singleElement().satisfies(h -> assertThat(h.score()).isEqualTo(0.85));
      assertThat(count(db, "SELECT COUNT(*) FROM hit WHERE judgement = 'REJECTED' AND score = 0.6")).isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'hit.created'")).isEqualTo(4);
      assertThat(hits.recordAll(List.of())).isEmpty();
    }
  }
}
