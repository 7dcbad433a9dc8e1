package org.mirabella.hits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Role;
import org.mirabella.access.TestServer;
import org.mirabella.access.Viewer;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.hits.ScoredPair.Band;
import org.mirabella.model.Model;
import org.mirabella.model.Statement;
import org.mirabella.model.json.EntityJson;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/**
 * The person across agencies: a confirmed hit shows the other agency's record beside one's own,
 * with exactly what that agency released and nothing else; unconfirmed hits, unreleased records
 * and records joined through a third agency's hit stay invisible.
 */
class MergedProfileTest {
  static TestServer s;
  static final String[] WHY = {"X-Justification", "IT-SCO-2024-117: identify the boat pilot"};

  @BeforeAll
  static void start() {
    s = TestServer.start();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(String body) throws Exception {
    return EntityJson.mapper().readTree(body);
  }

  @Test
  void aConfirmedHitShowsOnlyWhatTheOtherAgencyReleasedWithItsProvenance() throws Exception {
    // In the test server Italy's case is shared with Germany only: the UK sees nothing of Italy's, Germany's or Libya's.
    HitStore hits = new HitStore(s.db, new JdbcAuditLog(s.db));
    Hit itUk = hits.record(new ScoredPair("it-sco-0001", "uk-nca-5521", 0.99, Band.HIGH, Set.of("phone", "name"), "v1")).orElseThrow();
    Hit itDe = hits.record(new ScoredPair("it-sco-0001", "de-bka-7781", 0.95, Band.MEDIUM, Set.of("name"), "v1")).orElseThrow();
    hits.record(new ScoredPair("uk-nca-5521", "ly-aiia-0042", 0.97, Band.HIGH, Set.of("phone"), "v1")).orElseThrow();

    // a hit nobody confirmed joins nothing
    JsonNode before = json(s.getAs("uk.analyst", "/api/entities/uk-nca-5521/merged", WHY).body());
    assertThat(before.get("entity").get("id").asText()).isEqualTo("uk-nca-5521");
    assertThat(before.get("alsoHeldBy")).isEmpty();

    assertThat(s.postAs("uk.analyst", "/api/hits/" + itUk.ref() + "/judgements", "{\"judgement\":\"confirmed\",\"reason\":\"same phone, same man\"}")
        .statusCode()).isEqualTo(201);
    assertThat(s.postAs("it.analyst", "/api/hits/" + itDe.ref() + "/judgements", "{\"judgement\":\"confirmed\",\"reason\":\"photo match\"}")
        .statusCode()).isEqualTo(201);

    // confirmed, but Italy released nothing yet: nothing of Italy's (nor Germany's, joined through Italy) shows
    String unreleased = s.getAs("uk.analyst", "/api/entities/uk-nca-5521/merged", WHY).body();
    assertThat(json(unreleased).get("alsoHeldBy")).isEmpty();
    assertThat(unreleased).doesNotContain("it-sco-0001", TestServer.IT_NAME, "de-bka-7781", TestServer.DE_H1_NAME, "ly-aiia-0042",
        TestServer.LY_H2_NAME);

    // the UK asks, Italy releases the birth date only
    long request = json(s.postAs("uk.analyst", "/api/hits/" + itUk.ref() + "/requests", "{\"justification\":\"same phone\"}").body())
        .get("id").asLong();
    assertThat(s.postAs("it.analyst", "/api/hits/" + itUk.ref() + "/requests/" + request + "/answer",
        "{\"decision\":\"part\",\"properties\":[\"birthDate\"],\"reason\":\"birth date only\"}").statusCode()).isEqualTo(200);

    String released = s.getAs("uk.analyst", "/api/entities/uk-nca-5521/merged", WHY).body();
    JsonNode also = json(released).get("alsoHeldBy");
    assertThat(also).hasSize(1);
    assertThat(also.get(0).get("agency").asText()).isEqualTo("IT");
    assertThat(also.get(0).get("hit").asText()).isEqualTo(itUk.ref());
    JsonNode it = also.get(0).get("entity");
    assertThat(it.get("id").asText()).isEqualTo("it-sco-0001");
    List<String> properties = new ArrayList<>();
    it.get("statements").forEach(st -> {
      properties.add(st.get("property").asText());
      assertThat(st.get("agency").asText()).as("each statement keeps its owner").isEqualTo("IT");
      assertThat(st.get("case").asText()).isEqualTo("IT-SCO-2024-117");
    });
    assertThat(properties).containsOnly("birthDate");
    assertThat(released).doesNotContain(TestServer.IT_NAME, "de-bka-7781", TestServer.DE_H1_NAME, "ly-aiia-0042", TestServer.LY_H2_NAME);

    // Italy sees the UK's and Germany's records through the cases they share with it, each with the hit that joins it
    JsonNode fromIt = json(s.getAs("it.analyst", "/api/entities/it-sco-0001/merged", WHY).body()).get("alsoHeldBy");
    List<String> agencies = new ArrayList<>();
    fromIt.forEach(o -> agencies.add(o.get("agency").asText() + " " + o.get("hit").asText()));
    assertThat(agencies).containsExactlyInAnyOrder("UK " + itUk.ref(), "DE " + itDe.ref());

    // the same rules as the record itself: 404 for an agency that may not see it, a person needs a reason
    assertThat(s.getAs("ca.analyst", "/api/entities/uk-nca-5521/merged", WHY).statusCode()).isEqualTo(404);
    assertThat(s.getAs("uk.analyst", "/api/entities/uk-nca-5521/merged").statusCode()).isEqualTo(400);
    List<String> audited = s.db.jdbi().withHandle(h -> h.createQuery(
            "SELECT detail FROM audit_log WHERE action = 'entity.read' AND object = 'it-sco-0001' AND username = 'uk.analyst'")
        .mapTo(String.class).list());
    assertThat(audited).anySatisfy(d -> assertThat(d).contains("confirmed hit"));
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void theGroupIsTransitiveButEachRecordIsFilteredForTheViewer(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      HitStore hits = new HitStore(db, new JdbcAuditLog(db));
      AccessControl access = new AccessControl(db, store);
      Exchange exchange = new Exchange(db, store, hits, access, new JdbcAuditLog(db), java.time.Duration.ofHours(48));
      Viewer it = Viewer.of("it.analyst", "IT", Role.ANALYST);
      Viewer uk = Viewer.of("uk.analyst", "UK", Role.ANALYST);
      Viewer de = Viewer.of("de.analyst", "DE", Role.ANALYST);
      Hit itUk = hits.record(new ScoredPair("it-sco-0001", "uk-nca-5521", 0.99, Band.HIGH, Set.of("phone"), "v1")).orElseThrow();
      Hit ukDe = hits.record(new ScoredPair("uk-nca-5521", "de-bka-7781", 0.95, Band.MEDIUM, Set.of("name"), "v1")).orElseThrow();
      exchange.judge(it, itUk, Judgement.CONFIRMED, "same phone");
      exchange.judge(uk, ukDe, Judgement.CONFIRMED, "same man");
      MergedProfile profiles = new MergedProfile(db, access);

      assertThat(new ConfirmedHits(db).group("it-sco-0001")).containsExactly("de-bka-7781", "it-sco-0001", "uk-nca-5521");
      assertThat(profiles.of(it, "it-sco-0001").orElseThrow().alsoHeldBy()).isEmpty();

      // the UK releases everything it may to Italy; Germany, joined through the UK, releases nothing
      long req = exchange.request(it, itUk, "check");
      exchange.answer(uk, itUk, req, new ReleaseDecision.ReleaseAll("ok"));
      var view = profiles.of(it, "it-sco-0001").orElseThrow();
      assertThat(view.alsoHeldBy()).extracting(h -> h.visible().id()).containsExactly("uk-nca-5521");
      assertThat(view.alsoHeldBy().get(0).hitRef()).isEqualTo(itUk.ref());
      // the UK's record shows only the statements released to Italy
      Set<String> releasedIds = Set.copyOf(db.jdbi().withHandle(h -> h.createQuery(
          "SELECT statement_id FROM dissemination WHERE to_agency = 'IT' AND revoked_at IS NULL").mapTo(String.class).list()).stream()
          .map(String::strip).collect(java.util.stream.Collectors.toSet()));
      assertThat(view.alsoHeldBy().get(0).visible().statements()).isNotEmpty().extracting(Statement::id).allMatch(releasedIds::contains);

      // Germany sees its own record and the UK's only if released to it: nothing was
      assertThat(profiles.of(de, "de-bka-7781").orElseThrow().alsoHeldBy()).isEmpty();
      // a viewer who may not see the record gets nothing at all
      assertThat(profiles.of(Viewer.of("ca.analyst", "CA", Role.ANALYST), "it-sco-0001")).isEmpty();
      // a revoked release takes the record out again
      exchange.revoke(uk, itUk, req, "withdrawn");
      assertThat(profiles.of(it, "it-sco-0001").orElseThrow().alsoHeldBy()).isEmpty();
    }
  }
}
