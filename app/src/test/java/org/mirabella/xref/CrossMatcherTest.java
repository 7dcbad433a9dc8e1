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
}
