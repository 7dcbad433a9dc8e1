package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.hits.HitStore;
import org.mirabella.model.Model;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.xref.CrossMatcher;

class StoreCheckTest {
  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static StoreCheck.Part part(StoreCheck.Report r, String name) {
    return r.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void findsEachKindOfDisagreementAndRepairsWhatCanBeDerived(Supplier<Database> database) {
    try (Database db = database.get(); SearchIndex index = SearchIndex.inMemory(SearchIndex::matchingNameKeys)) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).rematchAll();
      index.index(store.findAll(store.ids()).values());
      StoreCheck check = new StoreCheck(db, store, index);

      StoreCheck.Report clean = check.check();
      assertThat(clean.consistent()).as(clean.toString()).isTrue();
      assertThat(clean.auditHead()).hasSize(64).isNotEqualTo("0".repeat(64));
      long hits = count(db, "SELECT COUNT(*) FROM hit");
      assertThat(hits).isPositive();

      // What a killed import leaves: an entity neither indexed nor keyed, and its hits never recorded.
      String hitEntity = db.jdbi().withHandle(h -> h.createQuery("SELECT left_entity FROM hit ORDER BY ref").mapTo(String.class).first());
      index.delete(java.util.List.of(hitEntity));
      db.jdbi().useHandle(h -> {
        h.createUpdate("DELETE FROM hit WHERE left_entity = :e OR right_entity = :e").bind("e", hitEntity).execute();
        h.createUpdate("DELETE FROM match_key WHERE entity_id = :e").bind("e", hitEntity).execute();
      });
      StoreCheck.Report broken = check.check();
      assertThat(broken.consistent()).isFalse();
      assertThat(part(broken, "index").consistent()).isFalse();
      assertThat(part(broken, "match keys").consistent()).isFalse();
      assertThat(part(broken, "match keys").examples()).containsExactly(hitEntity);
      assertThat(part(broken, "audit").consistent()).isTrue();

      StoreCheck.Report repaired = check.repair();
      assertThat(repaired.consistent()).as(repaired.toString()).isTrue();
      assertThat(check.check().consistent()).isTrue();
      assertThat(count(db, "SELECT COUNT(*) FROM hit")).as("the hits re-matching found again").isEqualTo(hits);

      // A judgement row without the hit's own judgement following it, and a tampered audit record: reported, not repaired.
      db.jdbi().useHandle(h -> {
        long hitId = h.createQuery("SELECT MIN(id) FROM hit").mapTo(Long.class).one();
        h.createUpdate("INSERT INTO hit_judgement(hit_id, judgement, reason, judged_by, agency, judged_at) "
            + "VALUES (:h, 'CONFIRMED', 'same passport', 'analyst.it', 'IT', CURRENT_TIMESTAMP)").bind("h", hitId).execute();
        h.execute("UPDATE audit_log SET detail = 'rewritten' WHERE seq = 1");
      });
      StoreCheck.Report tampered = check.repair();
      assertThat(tampered.consistent()).isFalse();
      assertThat(part(tampered, "hits").consistent()).isFalse();
      assertThat(part(tampered, "hits").summary()).contains("1 with a judgement other than their latest");
      assertThat(part(tampered, "audit").consistent()).isFalse();
      assertThat(part(tampered, "audit").summary()).contains("record 1");
    }
  }
}
