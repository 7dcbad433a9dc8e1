package org.mirabella.xref;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.matching.synth.SyntheticPersons;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/** Matching on several threads gives exactly what it gives on one: the same pairs, hits, in the same order, audited alike. */
class CrossMatcherThreadsTest {
  /** What a run leaves: its summaries, then the hits in the order they were made, then their audit records in order. */
  private static List<String> run(Database db, int threads) {
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    for (String a : List.of("IT", "DE", "FR", "UK", "US", "CA", "JP")) store.ensureCase(a, "BENCH", null, LocalDate.of(2026, 1, 1));
    // 1,600 synthetic records (duplicates held by different agencies, typos, transliterations):
    // the first 1,000 held and matched, then the rest in two imports, one smaller and one larger than a batch (500)
    SyntheticPersons layout = new SyntheticPersons(11, 1_600);
    List<Entity> all = new ArrayList<>();
    for (int i = 0; i < layout.size(); i++) all.add(layout.person(i).entity());
    List<String> out = new ArrayList<>();
    int[] cuts = {0, 1_000, 1_200, 1_600};
    for (int c = 0; c + 1 < cuts.length; c++) {
      List<Entity> part = all.subList(cuts[c], cuts[c + 1]);
      store.write(part);
      CrossMatcher xm = new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).threads(threads);
      out.add(xm.match(part.stream().map(Entity::id).toList()).toString());
    }
    out.addAll(db.jdbi().withHandle(h -> h.createQuery(
            "SELECT left_entity, right_entity, left_agency, right_agency, band, matched_kinds, score, algorithm FROM hit ORDER BY id")
        .map((rs, x) -> rs.getString(1) + "~" + rs.getString(2) + " " + rs.getString(3) + "/" + rs.getString(4) + " " + rs.getString(5)
            + " [" + rs.getString(6) + "] " + rs.getDouble(7) + " " + rs.getString(8))
        .list()));
    out.addAll(db.jdbi().withHandle(h -> h.createQuery(
            "SELECT a.action, a.agency, a.object_agency, h.left_entity, h.right_entity FROM audit_log a "
                + "JOIN hit h ON h.ref = a.object ORDER BY a.seq")
        .map((rs, x) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + "~" + rs.getString(5))
        .list()));
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void fourThreadsGiveWhatOneGives(Supplier<Database> dbs) {
    List<String> one;
    try (Database db = dbs.get()) {
      one = run(db, 1);
    }
    List<String> four;
    try (Database db = dbs.get()) {
      four = run(db, 4);
    }
    // a non-trivial run: hits in every import, the new records finding each other and the held ones
    assertThat(one.subList(0, 3)).allSatisfy(s -> assertThat(s).doesNotContain("hits=0"));
    assertThat(one.stream().filter(s -> s.contains(" [")).count())
        .isGreaterThan(50);
    assertThat(one.stream().filter(s -> s.startsWith("hit.created")).count()).isGreaterThan(100);
    assertThat(four).isEqualTo(one);
  }

  @org.junit.jupiter.api.Test
  void aProbeWithoutKeysFindsNothing() {
    try (Database db = org.mirabella.store.TestDatabases.h2()) {
      EntityStore store = new EntityStore(db, Model.get());
      Entity nobody = new Entity("q-empty", Model.get().require("Person"), "IT", "Q", null, null);
      assertThat(new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).threads(2).probe("IT", nobody)).isEmpty();
    }
  }
}
