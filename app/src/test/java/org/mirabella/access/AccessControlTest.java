package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;

/** The read policy in Java and its SQL mirror give the same answers, for every viewer and entity. */
class AccessControlTest {
  static TestServer s;
  static AccessControl access;

  @BeforeAll
  static void start() {
    s = TestServer.start();
    access = AccessControl.of(s.db);
    // An IT user passes LY's H2 statement and an UK H0 statement on to FR (as a faulty import would):
    // the H0 one is readable by FR, the H2 one never.
    Entity ly = s.context.entities().find("ly-aiia-0042").orElseThrow();
    Entity uk = s.context.entities().find("uk-nca-5521").orElseThrow();
    s.db.jdbi().useHandle(h -> {
      for (Entity e : List.of(ly, uk)) {
        h.createUpdate("INSERT INTO dissemination(statement_id, entity_id, from_agency, to_agency, granted_by, granted_at) "
                + "VALUES (:s, :e, 'IT', 'FR', 'it.analyst', :t)")
            .bind("s", e.statements().get(0).id()).bind("e", e.id()).bind("t", Timestamp.from(Instant.now())).execute();
      }
    });
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static List<Viewer> viewers() {
    List<Viewer> out = new ArrayList<>();
    for (String a : List.of("IT", "DE", "UK", "FR", "LY", "TN", "EMSC", "CA")) {
      out.add(Viewer.of(a.toLowerCase() + ".a", a, Role.ANALYST));
      out.add(Viewer.of(a.toLowerCase() + ".v", a, Role.VICTIM_PROTECTION));
      out.add(Viewer.of(a.toLowerCase() + ".x", a, Role.ADMIN));
    }
    return out;
  }

  @Test
  void sqlFilterAgreesWithThePolicyForEveryViewer() {
    List<String> all = s.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity").mapTo(String.class).list());
    for (Viewer v : viewers()) {
      Set<String> byPolicy = new TreeSet<>(access.findAll(v, all).keySet());
      var f = access.filter(v);
      List<String> sqlIds = s.db.jdbi().withHandle(h -> f.bind(h.createQuery(
          "SELECT e.id FROM entity e WHERE " + f.entities("e"))).mapTo(String.class).list());
      Set<String> bySql = new TreeSet<String>(sqlIds);
      assertThat(bySql).as(v.toString()).isEqualTo(byPolicy);
      long statementsBySql = s.db.jdbi().withHandle(h -> f.bind(h.createQuery(
          "SELECT COUNT(*) FROM statement s JOIN entity e ON e.id = s.entity_id WHERE " + f.statements("s", "e")))
          .mapTo(Long.class).one());
      long statementsByPolicy = access.findAll(v, all).values().stream().mapToLong(e -> e.statements().size()).sum();
      assertThat(statementsBySql).as(v.toString()).isEqualTo(statementsByPolicy);
    }
  }

  @Test
  void h2PassedOnByARecipientStaysInvisibleH0DoesNot() {
    Viewer fr = Viewer.of("fr.a", "FR", Role.ANALYST);
    assertThat(access.find(fr, "ly-aiia-0042")).isEmpty();
    assertThat(access.find(fr, "uk-nca-5521")).isPresent();
  }

  @Test
  void theVisibleCopyHasOnlyVisibleStatementsAndTheStoreIsUntouched() {
    Viewer it = Viewer.of("it.a", "IT", Role.ANALYST);
    Entity seen = access.find(it, "ly-aiia-0042").orElseThrow();
    assertThat(seen.statements()).isNotEmpty();
    assertThat(access.find(Viewer.of("x", "IT", Role.ADMIN), "it-sco-0001")).isEmpty();
    assertThat(s.context.entities().find("ly-aiia-0042").orElseThrow().statements()).hasSameSizeAs(seen.statements());
  }
}
