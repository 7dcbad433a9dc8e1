package org.mirabella.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.matching.Match;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.engine.CrossMatchRules;
import org.mirabella.matching.engine.StoredModel;
import org.mirabella.matching.store.MatchModels;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.scenario.Scale;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.xref.CrossMatcher;
import org.mirabella.xref.XrefCommand;

/**
 * The Spark engine against the in-process engine on the same generated store (the synthetic case
 * file at a small scale, imported agency by agency): the same hits pair for pair, with the same
 * scores, bands, kinds and algorithm, recorded through the same hit store; and the explanations
 * Spark computes from the rows it read equal the matcher's on the entities the store reads back.
 */
class SparkXrefTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestStores.spark();
  }

  @AfterAll
  static void stop() {
    if (spark != null) spark.stop();
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.spark.TestStores#both")
  void sparkFindsTheHitsOfTheInProcessEnginePairForPair(String kind, @TempDir Path tmp) throws Exception {
    try (TestStores.Store s = TestStores.open(kind)) {
      long t0 = System.nanoTime();
      long entities = ScenarioStore.load(s.db(), Scale.parse("80"));
      long t1 = System.nanoTime();
      EntityStore store = new EntityStore(s.db(), Model.get());
      HitStore hits = new HitStore(s.db(), new JdbcAuditLog(s.db()));

      new CrossMatcher(s.db(), store, hits).rematchAll();
      Set<String> inProcess = hitRows(s.db());
      long t2 = System.nanoTime();
      assertThat(inProcess).as("in-process hits on %d entities", entities).hasSizeGreaterThan(20);
      s.db().jdbi().useHandle(h -> h.execute("DELETE FROM hit"));

      SparkXref job = new SparkXref(spark, 2);
      assertThat(SparkXref.readModel(s.url(), SparkMain.connection(s.url()))).as("no model fitted yet").isEmpty();
      SparkXref.Result r = job.run(job.readStore(s.url(), SparkMain.connection(s.url())), Optional.empty());
      assertThat(r.modelVersion()).isNull();
      assertThat(r.candidatePairs()).isGreaterThanOrEqualTo(r.hits().size());
      assertThat(r.scored()).isEqualTo(r.candidatePairs());
      System.out.printf(Locale.ROOT, "%s: %d entities loaded in %.1f s, in-process xref %.1f s, Spark %.1f s; %d hits; process CPU so far %.1f s%n",
          kind, entities, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9, inProcess.size(), SparkMain.cpuNanos() / 1e9);
      Path file = tmp.resolve("hits.jsonl");
      SparkMain.writeHits(file, r.hits(), r.modelVersion());
      XrefCommand.record(hits, XrefCommand.readHits(file));

      assertThat(hitRows(s.db())).isEqualTo(inProcess);
      assertThat(r.hits()).hasSize(inProcess.size());

      // explanations: from Spark's rows as from the store's entities
      List<String> ids = new ArrayList<>();
      r.hits().forEach(o -> ids.addAll(List.of(o.leftId(), o.rightId())));
      Map<String, Entity> read = store.findAll(ids);
      MatcherV1 matcher = new MatcherV1();
      for (CrossMatchRules.Outcome o : r.hits()) {
        Match m = matcher.score(MatchKeys.of(read.get(o.leftId())), MatchKeys.of(read.get(o.rightId())));
        assertThat(o.reasons()).as(o.leftId() + "~" + o.rightId()).isEqualTo(m.reasons()).isNotEmpty();
        assertThat(o.score()).isEqualTo(m.score());
      }

      if (kind.equals("h2")) {
        // the same statements through a Parquet export give the same hits
        String parquet = tmp.resolve("statements.parquet").toString();
        job.exportParquet(job.readStore(s.url(), SparkMain.connection(s.url())), Optional.empty(), parquet);
        SparkXref.Result fromFiles = job.run(job.readParquet(parquet), job.readModelFile(parquet));
        assertThat(fromFiles.hits()).isEqualTo(r.hits());
        assertThat(fromFiles.modelVersion()).isNull();
      }
    }
  }

  /**
   * After {@code xref --refit} (in process), both engines score with the fitted model version: the
   * same hits pair for pair (scores to the last bit, bands, kinds, algorithm, model version), the
   * same explanations, from the store and from a Parquet export with its model file. The fitted
   * model changes scores on this data (else the comparison could not tell it from the priors), and
   * a version with stop keys drops the same candidates in both engines.
   */
  @ParameterizedTest
  @MethodSource("org.mirabella.spark.TestStores#both")
  void afterARefitBothEnginesScoreWithTheFittedModelPairForPair(String kind, @TempDir Path tmp) throws Exception {
    try (TestStores.Store s = TestStores.open(kind)) {
      ScenarioStore.load(s.db(), Scale.parse("80"));
      EntityStore store = new EntityStore(s.db(), Model.get());
      HitStore hits = new HitStore(s.db(), new JdbcAuditLog(s.db()));

      // mirabella xref --refit, in process
      CrossMatcher refitted = CrossMatcher.refitted(s.db(), store, hits, "test");
      refitted.rematchAll();
      assertThat(refitted.modelVersion()).isEqualTo(1);
      Set<String> inProcess = hitRows(s.db());
      assertThat(inProcess).hasSizeGreaterThan(20).allMatch(row -> row.endsWith(" v1"));

      // the fitted model scores this data otherwise than the priors (so Spark on the priors would fail below)
      StoredModel v1 = new MatchModels(s.db()).latestModel().orElseThrow();
      MatcherV1 fitted = v1.matcher();
      List<String> hitIds = s.db().jdbi().withHandle(h -> h.createQuery("SELECT left_entity || '~' || right_entity FROM hit").mapTo(String.class).list());
      List<String> ids = new ArrayList<>();
      hitIds.forEach(p -> ids.addAll(List.of(p.split("~"))));
      Map<String, Entity> read = store.findAll(ids);
      long changed = hitIds.stream().map(p -> p.split("~")).filter(p -> {
        MatchKeys a = MatchKeys.of(read.get(p[0]));
        MatchKeys b = MatchKeys.of(read.get(p[1]));
        return fitted.score(a, b).score() != new MatcherV1().score(a, b).score();
      }).count();
      assertThat(changed).as("hits the fitted model scores otherwise than the priors").isGreaterThan(hitIds.size() / 2);

      // the Spark engine reads the same version from the store
      s.db().jdbi().useHandle(h -> h.execute("DELETE FROM hit"));
      SparkXref job = new SparkXref(spark, 2);
      Optional<StoredModel> model = SparkXref.readModel(s.url(), SparkMain.connection(s.url()));
      assertThat(model).contains(v1);
      SparkXref.Result r = job.run(job.readStore(s.url(), SparkMain.connection(s.url())), model);
      assertThat(r.modelVersion()).isEqualTo(1);
      recordThroughTheHitsFile(tmp.resolve("v1.jsonl"), r, hits);
      assertThat(hitRows(s.db())).isEqualTo(inProcess);
      for (CrossMatchRules.Outcome o : r.hits()) {
        Match m = fitted.score(MatchKeys.of(read.get(o.leftId())), MatchKeys.of(read.get(o.rightId())));
        assertThat(o.reasons()).as(o.leftId() + "~" + o.rightId()).isEqualTo(m.reasons());
      }

      if (kind.equals("h2")) {
        // a Parquet export carries the model beside the statements
        String parquet = tmp.resolve("statements.parquet").toString();
        job.exportParquet(job.readStore(s.url(), SparkMain.connection(s.url())), model, parquet);
        SparkXref.Result fromFiles = job.run(job.readParquet(parquet), job.readModelFile(parquet));
        assertThat(fromFiles.hits()).isEqualTo(r.hits());
        assertThat(fromFiles.modelVersion()).isEqualTo(1);
        String elsewhere = tmp.resolve("no-model.parquet").toString();
        job.readParquet(parquet).write().parquet(elsewhere);
        assertThatThrownBy(() -> job.readModelFile(elsewhere)).isInstanceOf(InvalidData.class)
            .satisfies(e -> assertThat(((InvalidData) e).errors().toString()).contains(SparkXref.MODEL_FILE));
      }

      // a version whose stop keys are the keys most entities share: both engines skip the same keys
      List<MatchKeys> keys = store.findAll(store.ids()).values().stream().filter(e -> e.schema().matchable()).map(MatchKeys::of).toList();
      Map<String, Long> stop = StoredModel.stopKeys(keys, 15);
      assertThat(stop).isNotEmpty();
      int v2 = new MatchModels(s.db()).save(v1.withStopKeys(stop));
      s.db().jdbi().useHandle(h -> h.execute("DELETE FROM hit"));
      CrossMatcher latest = new CrossMatcher(s.db(), store, hits);
      assertThat(latest.modelVersion()).isEqualTo(v2);
      latest.rematchAll();
      Set<String> inProcessV2 = hitRows(s.db());
      assertThat(inProcessV2).isNotEmpty().allMatch(row -> row.endsWith(" v" + v2));
      s.db().jdbi().useHandle(h -> h.execute("DELETE FROM hit"));
      SparkXref.Result r2 = job.run(job.readStore(s.url(), SparkMain.connection(s.url())), SparkXref.readModel(s.url(), SparkMain.connection(s.url())));
      assertThat(r2.modelVersion()).isEqualTo(v2);
      assertThat(r2.candidatePairs()).as("candidates without the stop keys").isLessThan(r.candidatePairs());
      recordThroughTheHitsFile(tmp.resolve("v2.jsonl"), r2, hits);
      assertThat(hitRows(s.db())).isEqualTo(inProcessV2);
    }
  }

  /** As {@code mirabella xref --engine spark} does: the job's hits file, read back and handed to the hit store. */
  private static void recordThroughTheHitsFile(Path file, SparkXref.Result r, HitStore hits) throws Exception {
    SparkMain.writeHits(file, r.hits(), r.modelVersion());
    XrefCommand.record(hits, XrefCommand.readHits(file));
  }

  /** Every hit as one comparable line, the score to the last bit, with the model version that scored it. */
  static Set<String> hitRows(Database db) {
    List<String> rows = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT left_entity, left_agency, right_entity, right_agency, score, band, matched_kinds, algorithm, model_version FROM hit")
        .map((rs, c) -> String.format(Locale.ROOT, "%s/%s~%s/%s %s %s [%s] %s v%s", rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), Double.toString(rs.getDouble(5)), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, Integer.class)))
        .list());
    return new TreeSet<>(rows);
  }
}
