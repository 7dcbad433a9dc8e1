package org.mirabella.hits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Role;
import org.mirabella.access.TestServer;
import org.mirabella.access.Viewer;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.ScoredPair.Band;
import org.mirabella.model.json.EntityJson;

/** The hit/no-hit view and the release workflow over a real server and H2 store. */
class HitsTest {
  static TestServer s;
  static HitStore hits;
  static final String[] WHY = {"X-Justification", "UK-NCA-OIC-884: same phone as our boat pilot"};

  @BeforeAll
  static void start() {
    s = TestServer.start();
    hits = new HitStore(s.db, new JdbcAuditLog(s.db));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(String body) throws Exception {
    return EntityJson.mapper().readTree(body);
  }

  static Hit hit(String a, String b, Band band, String... kinds) {
    return hits.record(new ScoredPair(a, b, 0.93, band, Set.of(kinds), "logic-v1")).orElseThrow();
  }

  @Test
  void onlyPairsOfTwoAgenciesBecomeHitsAndTheyAreStable() {
    assertThat(hits.record(new ScoredPair("it-sco-0001", "it-sco-0002", 0.9, Band.HIGH, Set.of("name"), "logic-v1"))).isEmpty();
    assertThat(hits.record(new ScoredPair("it-sco-0001", "nobody", 0.9, Band.HIGH, Set.of("name"), "logic-v1"))).isEmpty();
    Hit h = hit("uk-nca-5522", "it-sco-0002", Band.LOW, "name");
    Hit again = hits.record(new ScoredPair("it-sco-0002", "uk-nca-5522", 0.5, Band.MEDIUM, Set.of("name", "iban"), "logic-v2")).orElseThrow();
    assertThat(again.ref()).isEqualTo(h.ref());
    assertThat(again.band()).isEqualTo(Band.MEDIUM);
    assertThat(again.algorithm()).isEqualTo("logic-v2");
  }

  @Test
  void theQueryingSideSeesOnlyAgencyRefBandAndKindsUntilTheOwnerReleases() throws Exception {
    Hit h = hit("uk-nca-5521", "ly-aiia-0042", Band.HIGH, "phone", "name");
    JsonNode view = json(s.getAs("uk.analyst", "/api/hits/" + h.ref()).body());
    assertThat(view.get("otherAgency").asText()).isEqualTo("LY");
    assertThat(view.get("band").asText()).isEqualTo("HIGH");
    assertThat(view.get("matchedKinds").toString()).isEqualTo("[\"name\",\"phone\"]");
    assertThat(view.get("otherEntity").isNull()).isTrue();
    assertThat(view.toString()).doesNotContain("ly-aiia-0042", TestServer.LY_H2_NAME, "0.93", "+218");
    assertThat(s.getAs("uk.analyst", "/api/entities/ly-aiia-0042", WHY).statusCode()).isEqualTo(404);
    // The owner sees the hit from its side, and a third agency does not know it exists.
    assertThat(json(s.getAs("ly.analyst", "/api/hits/" + h.ref()).body()).get("ownEntity").asText()).isEqualTo("ly-aiia-0042");
    assertThat(s.getAs("ca.analyst", "/api/hits/" + h.ref()).statusCode()).isEqualTo(404);
    assertThat(s.getAs("it.analyst", "/api/hits/" + h.ref()).statusCode()).isEqualTo(404);
    assertThat(s.getAs("it.admin", "/api/hits").statusCode()).isEqualTo(403);

    // UK asks, LY releases the name only; UK then reads the name and nothing else of LY's.
    var asked = s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/requests", "{\"justification\":\"same phone as our boat pilot\"}");
    assertThat(asked.statusCode()).isEqualTo(201);
    long id = json(asked.body()).get("id").asLong();
    JsonNode incoming = json(s.getAs("ly.analyst", "/api/hits/" + h.ref()).body());
    assertThat(incoming.get("pendingIncoming").asInt()).isEqualTo(1);
    assertThat(incoming.get("requests").get(0).get("justification").asText()).isEqualTo("same phone as our boat pilot");
    assertThat(incoming.get("requests").get(0).get("overdue").asBoolean()).isFalse();
    assertThat(s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/requests/" + id + "/answer", "{\"decision\":\"all\"}").statusCode())
        .as("the requester cannot answer its own request").isEqualTo(403);
    var answer = s.postAs("ly.analyst", "/api/hits/" + h.ref() + "/requests/" + id + "/answer",
        "{\"decision\":\"part\",\"properties\":[\"name\"],\"reason\":\"joint interest\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(json(answer.body()).get("status").asText()).isEqualTo("partly_released");
    assertThat(s.postAs("ly.analyst", "/api/hits/" + h.ref() + "/requests/" + id + "/answer", "{\"decision\":\"all\"}").statusCode())
        .as("answered twice").isEqualTo(409);
    JsonNode released = json(s.getAs("uk.analyst", "/api/entities/ly-aiia-0042", WHY).body());
    assertThat(released.get("properties").fieldNames()).toIterable().containsExactly("name");
    assertThat(released.get("properties").get("name").get(0).asText()).isEqualTo(TestServer.LY_H2_NAME);
    assertThat(released.get("markings").toString()).contains("H2: no onward dissemination without permission of LY");
    assertThat(json(s.getAs("uk.analyst", "/api/hits/" + h.ref()).body()).get("otherEntity").asText()).isEqualTo("ly-aiia-0042");
    assertThat(s.getAs("uk.analyst", "/api/hits").body()).contains("\"otherEntity\":\"ly-aiia-0042\"");
    // Nobody else gained anything.
    assertThat(s.getAs("ca.analyst", "/api/entities/ly-aiia-0042", WHY).statusCode()).isEqualTo(404);

    // LY revokes: from now on UK reads nothing of it.
    assertThat(s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/requests/" + id + "/revoke", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
    var revoked = s.postAs("ly.analyst", "/api/hits/" + h.ref() + "/requests/" + id + "/revoke", "{\"reason\":\"source at risk\"}");
    assertThat(json(revoked.body()).get("revoked").asInt()).isEqualTo(1);
    assertThat(s.getAs("uk.analyst", "/api/entities/ly-aiia-0042", WHY).statusCode()).isEqualTo(404);
    assertThat(s.getAs("uk.analyst", "/api/hits").body()).doesNotContain("ly-aiia-0042");
    String actions = s.db.jdbi().withHandle(x -> x.createQuery("SELECT action FROM audit_log WHERE object IN (:r, 'ly-aiia-0042') ORDER BY seq")
        .bind("r", h.ref()).mapTo(String.class).list().toString());
    assertThat(actions).contains("hit.created", "hit.request", "release", "release.revoke");
  }

  @Test
  void refusalNeedsAReasonAndReleasesNothing() throws Exception {
    Hit h = hit("uk-nca-5521", "de-bka-7781", Band.MEDIUM, "name");
    long id = json(s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/requests", "", WHY).body()).get("id").asLong();
    assertThat(s.postAs("de.analyst", "/api/hits/" + h.ref() + "/requests/" + id + "/answer", "{\"decision\":\"refuse\"}").statusCode())
        .isEqualTo(400);
    var r = s.postAs("de.analyst", "/api/hits/" + h.ref() + "/requests/" + id + "/answer",
        "{\"decision\":\"refuse\",\"reason\":\"ongoing covert operation\"}");
    assertThat(json(r.body()).get("released").asInt()).isZero();
    assertThat(s.getAs("uk.analyst", "/api/entities/de-bka-7781", WHY).statusCode()).isEqualTo(404);
    JsonNode view = json(s.getAs("uk.analyst", "/api/hits/" + h.ref()).body());
    assertThat(view.get("requests").get(0).get("status").asText()).isEqualTo("refused");
    assertThat(view.get("requests").get(0).get("reason").asText()).isEqualTo("ongoing covert operation");
    assertThat(s.postAs("de.analyst", "/api/hits/" + h.ref() + "/requests/" + id + "/answer",
        "{\"decision\":\"part\",\"properties\":[\"noSuchProperty\"]}").statusCode()).isEqualTo(409);
  }

  @Test
  void overdueRequestsAreFlagged() {
    Hit h = hit("uk-nca-5522", "de-bka-7781", Band.LOW, "name");
    AccessControl access = AccessControl.of(s.db);
    Exchange late = new Exchange(s.db, s.context.entities(), hits, access, new JdbcAuditLog(s.db), Duration.ofSeconds(-1));
    Viewer uk = Viewer.of("uk.analyst", "UK", Role.ANALYST);
    late.request(uk, h, "check");
    var view = late.view(Viewer.of("de.analyst", "DE", Role.ANALYST), h, true);
    assertThat(view.get("overdue")).isEqualTo(true);
    assertThat(Exchange.deadlineFrom(k -> null)).isEqualTo(Duration.ofHours(48));
    assertThat(Exchange.deadlineFrom(java.util.Map.of("MIRABELLA_RELEASE_DEADLINE", "PT24H")::get)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void judgementsKeepWhoWhenWhyAndARejectionStopsThePair() throws Exception {
    Hit h = hit("uk-nca-5522", "ly-aiia-0042", Band.LOW, "name");
    assertThat(s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/judgements", "{\"judgement\":\"maybe\",\"reason\":\"x\"}")
        .statusCode()).isEqualTo(400);
    assertThat(s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/judgements", "{\"judgement\":\"unsure\"}").statusCode()).isEqualTo(400);
    assertThat(s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/judgements", "{\"judgement\":\"unsure\",\"reason\":\"common name\"}")
        .statusCode()).isEqualTo(201);
    var r = s.postAs("ly.analyst", "/api/hits/" + h.ref() + "/judgements", "{\"judgement\":\"rejected\",\"reason\":\"a bank account is not a person\"}");
    JsonNode view = json(r.body());
    assertThat(view.get("judgement").asText()).isEqualTo("rejected");
    assertThat(view.get("judgements").get(0).get("by").asText()).isEqualTo("uk.analyst");
    assertThat(view.get("judgements").get(1).get("agency").asText()).isEqualTo("LY");
    assertThat(view.get("judgements").get(1).get("reason").asText()).isEqualTo("a bank account is not a person");
    assertThat(view.get("judgements").get(1).get("at").asText()).isNotBlank();
    assertThat(hits.record(new ScoredPair("uk-nca-5522", "ly-aiia-0042", 0.99, Band.HIGH, Set.of("name"), "logic-v3"))).isEmpty();
  }

  @Test
  void victimHitsAreHiddenFromOtherAgenciesButVictimProtection() throws Exception {
    Hit h = hit("it-sco-0001", "fr-oltim-0310", Band.MEDIUM, "name");
    assertThat(s.getAs("it.analyst", "/api/hits/" + h.ref()).statusCode()).isEqualTo(404);
    assertThat(s.getAs("it.analyst", "/api/hits").body()).doesNotContain(h.ref());
    assertThat(s.getAs("it.victims", "/api/hits/" + h.ref()).statusCode()).isEqualTo(200);
    assertThat(s.getAs("fr.analyst", "/api/hits/" + h.ref()).statusCode()).isEqualTo(200);
  }

  @Test
  void messagesCarryHandlingCodesAndStayWithTheParties() throws Exception {
    Hit h = hit("uk-nca-5521", "it-sco-0001", Band.HIGH, "phone");
    assertThat(s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/messages", "{\"body\":\"Call us\",\"handling\":\"H3\"}").statusCode())
        .isEqualTo(400);
    assertThat(s.postAs("uk.analyst", "/api/hits/" + h.ref() + "/messages",
        "{\"body\":\"Call us\",\"handling\":\"H3\",\"handlingCondition\":\"liaison officers only\"}").statusCode()).isEqualTo(201);
    JsonNode it = json(s.getAs("it.analyst", "/api/hits/" + h.ref()).body());
    assertThat(it.get("messages").get(0).get("marking").asText()).isEqualTo("H3: condition of UK: liaison officers only");
    assertThat(s.postAs("it.analyst", "/api/cases/IT/IT-SCO-2024-117/messages", "{\"body\":\"Boat seized\",\"handling\":\"H1\"}")
        .statusCode()).isEqualTo(201);
    JsonNode de = json(s.getAs("de.analyst", "/api/cases/IT/IT-SCO-2024-117/messages").body());
    assertThat(de.get(0).get("marking").asText()).contains("NOT FOR JUDICIAL USE WITHOUT PERMISSION of IT");
    assertThat(s.getAs("uk.analyst", "/api/cases/IT/IT-SCO-2024-117/messages").statusCode()).isEqualTo(404);
    assertThat(s.postAs("uk.analyst", "/api/cases/IT/IT-SCO-2024-117/messages", "{\"body\":\"hello\"}").statusCode()).isEqualTo(404);
    assertThat(s.getAs("uk.analyst", "/api/cases/IT/NO-SUCH-CASE/messages").statusCode()).isEqualTo(404);
    // Messages are case content: each read that returns any is audited, by id, never by text.
    var reads = s.db.jdbi().withHandle(x -> x.createQuery("SELECT username || ' ' || object || ' ' || detail FROM audit_log "
        + "WHERE action = 'message.read' ORDER BY seq").mapTo(String.class).list());
    assertThat(reads).hasSize(2);
    assertThat(reads.get(0)).startsWith("it.analyst " + h.ref() + " 1 message: ");
    assertThat(reads.get(1)).startsWith("de.analyst IT/IT-SCO-2024-117 1 message: ");
    assertThat(String.join(" ", reads)).doesNotContain("Boat seized").doesNotContain("Call us");
  }
}
