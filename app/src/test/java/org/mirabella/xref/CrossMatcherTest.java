package org.mirabella.xref;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.hits.HitStore;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

class CrossMatcherTest {
  /** Loads the sample one entity at a time in the given order, matching each as it arrives. */
  private static Set<String> incremental(Database db, List<Entity> order) {
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    for (Entity e : order) store.ensureCase(e.agency(), e.caseRef(), null, LocalDate.of(2024, 1, 1));
    HitStore hits = new HitStore(db, new JdbcAuditLog(db));
    CrossMatcher xm = new CrossMatcher(db, store, hits);
    for (Entity e : order) {
      store.write(List.of(e));
      xm.match(List.of(e.id()));
    }
    return hitSet(db);
  }

  private static Set<String> hitSet(Database db) {
    List<String> rows = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT left_entity, right_entity, band, matched_kinds, score FROM hit")
        .map((rs, c) -> rs.getString(1) + "~" + rs.getString(2) + " " + rs.getString(3) + " [" + rs.getString(4) + "] "
            + String.format(java.util.Locale.ROOT, "%.6f", rs.getDouble(5)))
        .list());
    return new TreeSet<>(rows);
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void theSameManHeldByFourAgenciesMakesHitsBetweenThem(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      Set<String> hits = incremental(db, SampleData.read(Model.get()));
      assertThat(hits).anySatisfy(h -> assertThat(h).startsWith("it-sco-0001~uk-nca-5521").contains("phone", "name"));
      assertThat(hits).anySatisfy(h -> assertThat(h).startsWith("it-sco-0001~ly-aiia-0042").contains("name"));
      assertThat(hits).anySatisfy(h -> assertThat(h).startsWith("de-bka-7781~it-sco-0001").contains("birthDate"));
      // Nothing pairs the man with the vessel, the bank account or the Eritrean victim.
      assertThat(hits).noneMatch(h -> h.contains("it-sco-0002") || h.contains("uk-nca-5522") || h.contains("fr-oltim-0310"));
    }
  }

  @Test
  void loadOrderDoesNotChangeTheHits() {
    List<Entity> forward = SampleData.read(Model.get());
    List<Entity> backward = new ArrayList<>(SampleData.read(Model.get()));
    Collections.reverse(backward);
    List<Entity> shuffled = new ArrayList<>(SampleData.read(Model.get()));
    Collections.shuffle(shuffled, new java.util.Random(7));
    try (Database a = TestDatabases.h2(); Database b = TestDatabases.h2(); Database c = TestDatabases.h2()) {
      Set<String> first = incremental(a, forward);
      assertThat(first).isNotEmpty();
      assertThat(incremental(b, backward)).isEqualTo(first);
      assertThat(incremental(c, shuffled)).isEqualTo(first);
    }
  }

  @Test
  void batchRematchFindsWhatIncrementalFoundAndAddsNothingTwice() {
    try (Database a = TestDatabases.h2(); Database b = TestDatabases.h2()) {
      Set<String> incremental = incremental(a, SampleData.read(Model.get()));
      EntityStore store = new EntityStore(b, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      CrossMatcher xm = new CrossMatcher(b, store, new HitStore(b, new JdbcAuditLog(b)));
      xm.rematchAll();
      assertThat(hitSet(b)).isEqualTo(incremental);
      xm.rematchAll();
      assertThat(hitSet(b)).isEqualTo(incremental);
    }
  }

  /** Loads the whole sample, then matches all of it in one call (one batch: one candidate read, one hit transaction). */
  private static Set<String> oneBatch(Database db) {
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    List<Entity> all = SampleData.read(Model.get());
    for (Entity e : all) store.ensureCase(e.agency(), e.caseRef(), null, LocalDate.of(2024, 1, 1));
    store.write(all);
    new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).match(all.stream().map(Entity::id).toList());
    return hitSet(db);
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void oneBatchFindsWhatOneEntityAtATimeFinds(Supplier<Database> dbs) {
    try (Database a = dbs.get()) {
      Set<String> batch = oneBatch(a);
      try (Database b = TestDatabases.h2()) {
        assertThat(batch).isNotEmpty().isEqualTo(incremental(b, SampleData.read(Model.get())));
      }
      // each new hit is audited once per agency, within the batch's one transaction
      long audits = a.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'hit.created'")
          .mapTo(Long.class).one());
      assertThat(audits).isEqualTo(2L * batch.size());
    }
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void candidatesKeysAreRemadeFromTheirStoredValues(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      Set<String> hits = oneBatch(db);
      EntityStore store = new EntityStore(db, Model.get());
      List<String[]> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT entity_id, schema_name, vals FROM match_values")
          .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list());
      long matchable = SampleData.read(Model.get()).stream().filter(e -> e.schema().matchable()).count();
      assertThat(rows).hasSize((int) matchable);
      for (String[] r : rows) {
        var stored = org.mirabella.matching.MatchValues.keys(r[0], Model.get().require(r[1]), r[2]);
        var fromStatements = org.mirabella.matching.MatchKeys.of(store.find(r[0]).orElseThrow());
        assertThat(stored.blockingKeys()).as(r[0]).isEqualTo(fromStatements.blockingKeys());
      }
      // a store from before V70 (no stored values): candidates are read from their statements, same hits
      db.jdbi().useHandle(h -> {
        h.execute("DELETE FROM match_values");
        h.execute("DELETE FROM hit");
      });
      List<String> ids = SampleData.read(Model.get()).stream().map(Entity::id).toList();
      new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).match(ids.subList(0, ids.size() / 2));
      new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).match(ids.subList(ids.size() / 2, ids.size()));
      assertThat(hitSet(db)).isEqualTo(hits);
    }
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void namesWithQuotesAreLookedUpAsValues(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      org.mirabella.provenance.Provenance it = org.mirabella.provenance.Provenance.of("IT", "C1");
      org.mirabella.provenance.Provenance uk = org.mirabella.provenance.Provenance.of("UK", "C2");
      store.ensureCase("IT", "C1", null, LocalDate.of(2024, 1, 1));
      store.ensureCase("UK", "C2", null, LocalDate.of(2024, 1, 1));
      Entity a = new Entity("it-q1", Model.get().require("Person"), "IT", "C1", null, null);
      a.add("name", "Seán O'Brien'); DROP TABLE hit; --", it);
      a.add("birthDate", "1979-04-01", it);
      assertThat(a.add("email", "sean.o'brien@example.ie", it).isValid()).isTrue();
      Entity b = new Entity("uk-q2", Model.get().require("Person"), "UK", "C2", null, null);
      b.add("name", "Sean O'Brien'); DROP TABLE hit; --", uk);
      b.add("birthDate", "1979-04-01", uk);
      b.add("email", "sean.o'brien@example.ie", uk);
      store.write(List.of(a, b));
      new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).match(List.of(a.id(), b.id()));
      assertThat(hitSet(db)).singleElement().satisfies(h -> assertThat(h).startsWith("it-q1~uk-q2").contains("email"));
      assertThat(CrossMatcher.literals(List.of("o'b", "x"))).isEqualTo("'o''b', 'x'");
    }
  }
}
