package org.mirabella.hits;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
 * The inbox's pages come from each side's first offset + limit hits, merged (Exchange.inbox, with
 * V72's indexes): together they must be exactly the agency's visible hits newest first, ties by id,
 * whichever side the agency is on, at every page size. On H2 and PostgreSQL (the migration too).
 */
class InboxOrderTest {
  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void pagesOfBothSidesMergeIntoTheNewestFirstOrder(Supplier<Database> open) {
    try (Database db = open.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      JdbcAuditLog audit = new JdbcAuditLog(db);
      HitStore hits = new HitStore(db, audit);
      Exchange exchange = new Exchange(db, store, hits, new AccessControl(db, store), audit, Duration.ofHours(48));
      List<String> others = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity WHERE agency <> 'UK' ORDER BY id")
          .mapTo(String.class).list());
      for (String uk : List.of("uk-nca-5521", "uk-nca-5522")) {
        // Victims of other agencies included: the inbox leaves them out.
        for (String other : others) hits.record(new ScoredPair(uk, other, 0.9, ScoredPair.Band.HIGH, Set.of("name"), "v1"));
      }
      // The store orders a pair's sides by id (UK always right here); put UK on the left of every
      // other hit, and spread creation times over a few instants, so that both sides and ties
      // (broken by id) interleave.
      Instant base = Instant.parse("2026-01-01T00:00:00Z");
      db.jdbi().useHandle(h -> {
        List<Long> ids = h.createQuery("SELECT id FROM hit ORDER BY id").mapTo(Long.class).list();
        for (int i = 0; i < ids.size(); i++) {
          h.createUpdate("UPDATE hit SET created_at = :t WHERE id = :id").bind("t", Timestamp.from(base.plusSeconds((i * 7L) % 5)))
              .bind("id", ids.get(i)).execute();
          if (i % 2 == 0) {
            h.createUpdate("UPDATE hit SET left_entity = right_entity, left_agency = right_agency, right_entity = left_entity, "
                + "right_agency = left_agency WHERE id = :id").bind("id", ids.get(i)).execute();
          }
        }
      });
      Viewer uk = Viewer.of("uk.a", "UK", Role.ANALYST);
      List<Hit> visible = new ArrayList<>(exchange.visibleHits(uk));
      assertThat(visible.stream().filter(h -> h.leftAgency().equals("UK")).count()).as("UK on the left").isPositive();
      assertThat(visible.stream().filter(h -> h.rightAgency().equals("UK")).count()).as("UK on the right").isPositive();
      visible.sort(Comparator.comparing(Hit::createdAt).thenComparing(Hit::id).reversed());
      List<String> expected = visible.stream().map(Hit::ref).toList();

      for (int size : List.of(1, 2, 3, 5, 50)) {
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < expected.size() + size; offset += size) {
          Exchange.Inbox page = exchange.inbox(uk, Exchange.Show.ALL, size, offset);
          assertThat(page.total()).isEqualTo(expected.size());
          page.hits().forEach(m -> paged.add((String) m.get("ref")));
        }
        assertThat(paged).as("pages of " + size).isEqualTo(expected);
      }

      // Totals are reused for a few seconds, but never across a new hit or judgement.
      long openTotal = exchange.inbox(uk, Exchange.Show.OPEN, 5, 0).total();
      assertThat(openTotal).isEqualTo(expected.size());
      Hit judged = exchange.visibleHit(uk, expected.get(0)).orElseThrow();
      exchange.judge(uk, judged, Judgement.REJECTED, "different dates of birth");
      assertThat(exchange.inbox(uk, Exchange.Show.OPEN, 5, 0).total()).isEqualTo(openTotal - 1);
      assertThat(exchange.inbox(uk, Exchange.Show.ALL, 5, 0).total()).isEqualTo(expected.size());
      org.mirabella.model.Entity fresh = new org.mirabella.model.Entity("de-bka-9001", Model.get().require("Person"), "DE", "DE-BKA-ST-3312",
          org.mirabella.provenance.SubjectCategory.SUSPECT, null);
      fresh.add("name", "Karim Haddad", org.mirabella.provenance.Provenance.of("DE", "DE-BKA-ST-3312"));
      store.write(List.of(fresh));
      Hit added = hits.record(new ScoredPair("de-bka-9001", "uk-nca-5521", 0.9, ScoredPair.Band.HIGH, Set.of("name"), "v1")).orElseThrow();
      var after = exchange.inbox(uk, Exchange.Show.ALL, 1, 0);
      assertThat(after.total()).isEqualTo(expected.size() + 1);
      assertThat(after.hits().get(0).get("ref")).as("the newest hit first").isEqualTo(added.ref());
    }
  }
}
