package org.mirabella.matching.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.hits.HitStore;
import org.mirabella.matching.Blocker;
import org.mirabella.matching.CandidatePairs;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.fs.FellegiSunter;
import org.mirabella.matching.synth.SyntheticPersons;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;
import org.mirabella.xref.CrossMatcher;

class MatchModelsTest {
  static List<MatchKeys> synthetic(int n) {
    SyntheticPersons sp = new SyntheticPersons(11, n);
    return sp.all().stream().map(p -> MatchKeys.of(p.entity())).toList();
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void aStoredModelReadsBackWithTheSameParametersAndVersionsCount(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      MatchModels models = new MatchModels(db);
      assertThat(models.latest()).isEmpty();
      List<MatchKeys> keys = synthetic(3_000);
      CandidatePairs c = new Blocker().dedupe(keys);
      MatcherV1 fitted = MatcherV1.fit(keys, c);
      int v1 = models.save(fitted, keys, c.size(), "test");
      int v2 = models.save(new MatcherV1(), keys, c.size(), "test");
      assertThat(v2).isEqualTo(v1 + 1);
      MatchModels.Stored back = models.load(v1);
      FellegiSunter a = fitted.model();
      FellegiSunter b = back.matcher().model();
      assertThat(b.lambda()).isCloseTo(a.lambda(), within(1e-12));
      for (int f = 0; f < a.features().size(); f++) {
        for (int l = 0; l < a.features().get(f).levels().length; l++) {
          assertThat(b.m(f, l)).as(a.features().get(f).name() + " m " + l).isCloseTo(a.m(f, l), within(1e-12));
          assertThat(b.u(f, l)).as(a.features().get(f).name() + " u " + l).isCloseTo(a.u(f, l), within(1e-12));
        }
        assertThat(b.commonValues(f, 100)).isEqualTo(a.commonValues(f, 100));
      }
      assertThat(back.records()).isEqualTo(3_000);
      assertThat(back.pairs()).isEqualTo(c.size());
      assertThat(models.latest().orElseThrow().version()).isEqualTo(v2);
      // a pair whose agreed values are common scores the same with the stored model as with the fitted one
      MatchKeys x = keys.get(0);
      MatchKeys y = keys.get(1);
      assertThat(back.matcher().probability(x, y)).isCloseTo(fitted.probability(x, y), within(0.05));
    }
  }

  @Test
  void keysHeldByMoreThanTheCapAreStopKeys() {
    List<MatchKeys> keys = new ArrayList<>();
    for (int i = 0; i <= MatchModels.STOP_KEY_HOLDERS; i++) {
      Entity e = new Entity("x" + i, Model.get().require("Person"), "IT", "C", null, null);
      e.add("name", "Mohamed Q" + i + "z", Provenance.of("IT", "C"));
      keys.add(MatchKeys.of(e));
    }
    var stop = MatchModels.stopKeys(keys);
    assertThat(stop).containsKey("n:s:mhmt").doesNotContainKey("n:s:q1z");
    assertThat(stop.get("n:s:mhmt")).isEqualTo(MatchModels.STOP_KEY_HOLDERS + 1L);
    assertThat(MatchModels.stopKeys(keys.subList(0, MatchModels.STOP_KEY_HOLDERS))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void incrementalMatchingUsesTheLatestVersionAndHitsRecordIt(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      HitStore hits = new HitStore(db, new JdbcAuditLog(db));
      CrossMatcher priors = new CrossMatcher(db, store, hits);
      assertThat(priors.modelVersion()).isNull();
      priors.rematchAll();
      assertThat(versions(db)).isNotEmpty().containsOnlyNulls();

      CrossMatcher refitted = CrossMatcher.refitted(db, store, hits, "test");
      assertThat(refitted.modelVersion()).isEqualTo(1);
      MatchModels.Stored stored = new MatchModels(db).latest().orElseThrow();
      assertThat(stored.records()).as("the matchable entities held").isEqualTo(
          store.findAll(store.ids()).values().stream().filter(e -> e.schema().matchable()).count());
      refitted.rematchAll();
      assertThat(versions(db)).isNotEmpty().containsOnly(1);
      // a matcher made after the refit (as after an import) picks the stored version up by itself
      assertThat(new CrossMatcher(db, store, hits).modelVersion()).isEqualTo(1);
      assertThat(CrossMatcher.refitted(db, store, hits, "test").modelVersion()).isEqualTo(2);
      assertThat(new CrossMatcher(db, store, hits).modelVersion()).isEqualTo(2);
    }
  }

  private static List<Integer> versions(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT model_version FROM hit").map((rs, c) -> (Integer) rs.getObject(1, Integer.class)).list());
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void aHitNoHitQueryFindsTheHeldPersonAndStoresNothing(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      HitStore hits = new HitStore(db, new JdbcAuditLog(db));
      new CrossMatcher(db, store, hits).rematchAll();
      long hitsBefore = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM hit").mapTo(Long.class).one());
      Entity probe = new Entity("probe-1", Model.get().require("Person"), "LY", "Q", null, null);
      probe.add("name", "Muhammad Abdul Rahman", Provenance.of("LY", "Q"));
      probe.add("phone", "+218912345678", Provenance.of("LY", "Q"));
      var answer = new CrossMatcher(db, store, hits).probe("LY", probe);
      assertThat(answer).extracting(CrossMatcher.ProbeHit::agency).contains("UK").doesNotContain("LY");
      assertThat(answer.get(0).kinds()).contains("phone");
      Entity nobody = new Entity("probe-2", Model.get().require("Person"), "LY", "Q", null, null);
      nobody.add("name", "Zebulon Quartermaine", Provenance.of("LY", "Q"));
      assertThat(new CrossMatcher(db, store, hits).probe("LY", nobody)).isEmpty();
      long hitsAfter = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM hit").mapTo(Long.class).one());
      assertThat(hitsAfter).isEqualTo(hitsBefore);
    }
  }
}
