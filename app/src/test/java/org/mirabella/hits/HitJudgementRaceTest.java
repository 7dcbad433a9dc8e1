package org.mirabella.hits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Role;
import org.mirabella.access.Viewer;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * Two analysts judge one hit at the same moment (one on each side): both judgements are recorded,
 * each with exactly one audit record, and the hit's judgement is the one recorded last, in the
 * same order as the audit trail. On H2 and PostgreSQL.
 */
class HitJudgementRaceTest {
  static final int ROUNDS = 40;

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void simultaneousJudgementsOfOneHitAreRecordedInOneOrder(Supplier<Database> open) throws Exception {
    try (Database db = open.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      JdbcAuditLog audit = new JdbcAuditLog(db);
      HitStore hits = new HitStore(db, audit);
      Exchange exchange = new Exchange(db, store, hits, new AccessControl(db, store), audit, Duration.ofHours(48));
      Hit hit = hits.record(new ScoredPair("uk-nca-5521", "de-bka-7781", 0.9, ScoredPair.Band.HIGH, Set.of("name"), "v1")).orElseThrow();
      Viewer uk = Viewer.of("uk.a", "UK", Role.ANALYST);
      Viewer de = Viewer.of("de.a", "DE", Role.ANALYST);

      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        for (int round = 0; round < ROUNDS; round++) {
          CyclicBarrier together = new CyclicBarrier(2);
          String tag = "round " + round;
          List<Future<?>> both = new ArrayList<>();
          both.add(pool.submit(() -> {
            together.await();
            exchange.judge(uk, hit, Judgement.CONFIRMED, tag + " uk");
            return null;
          }));
          both.add(pool.submit(() -> {
            together.await();
            exchange.judge(de, hit, Judgement.REJECTED, tag + " de");
            return null;
          }));
          for (Future<?> f : both) f.get();

          // The hit's judgement is its latest recorded one (by id, as `mirabella check` reads it).
          Map<String, Object> latest = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT judgement, reason FROM hit_judgement WHERE hit_id = :h ORDER BY id DESC LIMIT 1").bind("h", hit.id()).mapToMap().one());
          String current = db.jdbi().withHandle(h -> h.createQuery("SELECT judgement FROM hit WHERE id = :h").bind("h", hit.id())
              .mapTo(String.class).one());
          assertThat(current).as(tag + ": the hit's judgement is its latest").isEqualTo(latest.get("judgement"));
        }
      }

      // Every judgement once in the trail, and the trail's order is the judgements' order.
      List<String> judged = db.jdbi().withHandle(h -> h.createQuery("SELECT reason FROM hit_judgement WHERE hit_id = :h ORDER BY id")
          .bind("h", hit.id()).mapTo(String.class).list());
      List<String> audited = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT justification FROM audit_log WHERE action = 'hit.judge' AND object = :r ORDER BY seq").bind("r", hit.ref())
          .mapTo(String.class).list());
      assertThat(judged).hasSize(2 * ROUNDS);
      assertThat(audited).isEqualTo(judged);
      assertThat(audit.verify().intact()).isTrue();

      // The inbox's SQL filter on this database: the hit is in the filter of its final judgement only.
      String last = db.jdbi().withHandle(h -> h.createQuery("SELECT judgement FROM hit WHERE id = :h").bind("h", hit.id())
          .mapTo(String.class).one());
      for (Exchange.Show show : Exchange.Show.values()) {
        Exchange.Inbox inbox = exchange.inbox(uk, show, 10, 0);
        long expected = show == Exchange.Show.ALL || show.name().equals(last) ? 1 : 0;
        assertThat(inbox.total()).as(show.name()).isEqualTo(expected);
        assertThat(inbox.hits()).as(show.name()).hasSize((int) expected);
      }
      exchange.request(de, hit, "same man?");
      assertThat(exchange.inbox(uk, Exchange.Show.INCOMING, 10, 0).total()).isEqualTo(1);
      assertThat(exchange.inbox(de, Exchange.Show.INCOMING, 10, 0).total()).isZero();
      assertThat(exchange.inbox(uk, Exchange.Show.OVERDUE, 10, 0).total()).isZero();
    }
  }
}
