package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.hits.Exchange;
import org.mirabella.hits.HitStore;
import org.mirabella.hits.ReleaseDecision;
import org.mirabella.hits.ScoredPair;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/** Accounts, sessions, the audit chain, the SQL filter, hits and erasure on H2 and on PostgreSQL. */
class AccessStoreBothDatabasesTest {

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void everythingWorksTheSameOnBothDatabases(Supplier<Database> open) {
    try (Database db = open.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      store.shareCase("LY", "LY-AIIA-2024-09", "IT");
      store.shareCase("FR", "FR-OLTIM-2025-021", "IT");

      // Accounts and revocable sessions.
      UserStore users = new UserStore(db);
      UserAccount it = users.add("it.analyst", "IT", Set.of(Role.ANALYST), "correct horse battery".toCharArray());
      TokenService tokens = new TokenService(db, Duration.ofMinutes(5));
      var issued = tokens.issue(it);
      assertThat(tokens.verify(issued.token())).isPresent();
      assertThat(new TokenService(db, Duration.ofMinutes(5)).verify(issued.token())).as("the key is kept in the store").isPresent();
      tokens.revoke(issued.jti());
      assertThat(tokens.verify(issued.token())).isEmpty();
      JdbcAuditLog audit = new JdbcAuditLog(db);
      Authenticator auth = new Authenticator(users, tokens, audit, 3, Duration.ofMinutes(1));
      for (int i = 0; i < 3; i++) auth.login("it.analyst", "wrong password!!".toCharArray());
      assertThat(auth.login("it.analyst", "correct horse battery".toCharArray())).isInstanceOf(Authenticator.Login.Locked.class);

      // The SQL filter agrees with the policy.
      AccessControl access = new AccessControl(db, store);
      List<String> all = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity").mapTo(String.class).list());
      for (Viewer v : List.of(Viewer.of("a", "IT", Role.ANALYST), Viewer.of("b", "IT", Role.VICTIM_PROTECTION),
          Viewer.of("c", "UK", Role.ANALYST), Viewer.of("d", "LY", Role.VICTIM_PROTECTION), Viewer.of("e", "IT", Role.ADMIN))) {
        var f = access.filter(v);
        List<String> sql = db.jdbi().withHandle(h -> f.bind(h.createQuery("SELECT e.id FROM entity e WHERE " + f.entities("e")))
            .mapTo(String.class).list());
        assertThat(new TreeSet<String>(sql)).as(v.toString()).isEqualTo(new TreeSet<String>(access.findAll(v, all).keySet()));
      }
      assertThat(access.list(Viewer.of("c", "UK", Role.ANALYST), Model.get().require("Person"), null, 10, 0).total()).isEqualTo(1);

      // Hits, a release, a revocation.
      HitStore hits = new HitStore(db, audit);
      var hit = hits.record(new ScoredPair("uk-nca-5521", "de-bka-7781", 0.9, ScoredPair.Band.HIGH, Set.of("name"), "v1")).orElseThrow();
      Exchange exchange = new Exchange(db, store, hits, access, audit, Duration.ofHours(48));
      Viewer uk = Viewer.of("uk.a", "UK", Role.ANALYST);
      Viewer de = Viewer.of("de.a", "DE", Role.ANALYST);
      long req = exchange.request(uk, hit, "same man");
      exchange.answer(de, hit, req, new ReleaseDecision.ReleaseAll("joint interest"));
      assertThat(access.find(uk, "de-bka-7781")).isPresent();
      exchange.revoke(de, hit, req, "source at risk");
      assertThat(access.find(uk, "de-bka-7781")).isEmpty();
      exchange.judge(uk, hit, org.mirabella.hits.Judgement.CONFIRMED, "same phone");
      exchange.message(de, hit.id(), null, null, "about the victim", org.mirabella.provenance.HandlingCode.H3, "liaison only", true,
          hit.ref(), "UK");
      assertThat(exchange.messages(uk, hit.ref(), "DE", null, "hit_id = :h", java.util.Map.of("h", hit.id()))).isEmpty();
      assertThat(exchange.messages(de, hit.ref(), "UK", null, "hit_id = :h", java.util.Map.of("h", hit.id()))).hasSize(1);
      assertThat(exchange.view(uk, exchange.visibleHit(uk, hit.ref()).orElseThrow(), true).get("judgement")).isEqualTo("confirmed");
      db.jdbi().useHandle(h -> h.execute("UPDATE entity SET review_date = DATE '2020-01-01' WHERE id = 'uk-nca-5522'"));
      assertThat(new Reviews(db, store, audit, ReviewClocks.defaults()).queue(uk, java.time.LocalDate.now()))
          .extracting(Reviews.Due::id).containsExactly("uk-nca-5522");

      // Erasure, and the audit chain holds through all of it; a change is found.
      new Reviews(db, store, audit, ReviewClocks.defaults()).erase(uk, "uk-nca-5521", "failed review");
      assertThat(hits.find(hit.ref())).isEmpty();
      audit.record(AuditEvent.of("x", "IT", "entity.read", "it-sco-0001"));
      var ok = audit.verify();
      assertThat(ok.intact()).as(String.valueOf(ok.problem())).isTrue();
      assertThat(ok.records()).isGreaterThan(8);
      db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET username = 'someone else' WHERE seq = 2"));
      var bad = audit.verify();
      assertThat(bad.intact()).isFalse();
      assertThat(bad.firstBad()).isEqualTo(2);
    }
  }
}
