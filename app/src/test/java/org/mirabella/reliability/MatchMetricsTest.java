package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.hits.HitStore;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;
import org.mirabella.xref.CrossMatcher;

/** The pairs a cross-match scores are counted in {@code mirabella_match_pairs_scored_total} (and its candidates beside it). */
class MatchMetricsTest {
  @Test
  void pairsScoredByMatchingAreExported() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new MatchMetrics().bindTo(registry);
    double scored0 = registry.get("mirabella.match.pairs.scored").functionCounter().count();
    double candidates0 = registry.get("mirabella.match.candidates").functionCounter().count();
    try (Database db = TestDatabases.h2()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      List<String> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity").mapTo(String.class).list());
      CrossMatcher.Summary s = new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).match(ids);
      assertThat(s.scored()).as("the sample data has cross-agency candidates").isPositive();
      // Other tests in this JVM may match too: the counter grew by at least this run's figures.
      assertThat(registry.get("mirabella.match.pairs.scored").functionCounter().count() - scored0).isGreaterThanOrEqualTo(s.scored());
      assertThat(registry.get("mirabella.match.candidates").functionCounter().count() - candidates0).isGreaterThanOrEqualTo(s.candidates());
    }
    assertThat(registry.scrape()).contains("mirabella_match_pairs_scored_total").contains("mirabella_match_candidates_total");
  }
}
