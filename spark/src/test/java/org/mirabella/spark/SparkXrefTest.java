package org.mirabella.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    // a few hundred entities: interpreting Spark's plans is cheaper than compiling them
    spark = SparkMain.session("local[2]", null, 2, Map.of("spark.sql.codegen.wholeStage", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN"));
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
      SparkXref.Result r = job.run(job.readStore(s.url(), SparkMain.connection(s.url())));
      assertThat(r.candidatePairs()).isGreaterThanOrEqualTo(r.hits().size());
      assertThat(r.scored()).isEqualTo(r.candidatePairs());
      System.out.printf(Locale.ROOT, "%s: %d entities loaded in %.1f s, in-process xref %.1f s, Spark %.1f s; %d hits; process CPU so far %.1f s%n",
          kind, entities, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9, inProcess.size(), SparkMain.cpuNanos() / 1e9);
      Path file = tmp.resolve("hits.jsonl");
      SparkMain.writeHits(file, r.hits());
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
        job.exportParquet(job.readStore(s.url(), SparkMain.connection(s.url())), parquet);
        assertThat(job.run(job.readParquet(parquet)).hits()).isEqualTo(r.hits());
      }
    }
  }

  /** Every hit as one comparable line, the score to the last bit. */
  static Set<String> hitRows(Database db) {
    List<String> rows = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT left_entity, left_agency, right_entity, right_agency, score, band, matched_kinds, algorithm FROM hit")
        .map((rs, c) -> String.format(Locale.ROOT, "%s/%s~%s/%s %s %s [%s] %s", rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), Double.toString(rs.getDouble(5)), rs.getString(6), rs.getString(7), rs.getString(8)))
        .list());
    return new TreeSet<>(rows);
  }
}
