package org.mirabella.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.TestServer;
import org.mirabella.model.json.EntityJson;

/** Search over HTTP as users of different agencies: cross-script finds, nothing beyond the rules. */
class SearchRoutesTest {
  private static TestServer t;

  @BeforeAll
  static void start() {
    t = TestServer.start();
    IndexSync.sync(t.context.entities(), t.context.search());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static JsonNode search(String user, String query) throws Exception {
    var r = t.getAs(user, "/api/search?" + query, "X-Justification", "Case IT-SCO-2024-117: identify the organiser");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return EntityJson.mapper().readTree(r.body());
  }

  private static List<String> ids(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.get("results").forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void findsTheSameManAcrossScriptsAndSpellingsInWhatIsShared() throws Exception {
    // IT sees its own record, DE's shared case and LY's shared H2 case: three spellings, two scripts.
    JsonNode r = search("it.analyst", "q=" + TestServer.q("Mohamed Abdelrahman") + "&schema=Person");
    assertThat(ids(r)).contains("it-sco-0001", "ly-aiia-0042", "de-bka-7781");
    JsonNode arabic = search("it.analyst", "q=" + TestServer.q("محمد عبد الرحمن"));
    assertThat(ids(arabic)).contains("it-sco-0001", "ly-aiia-0042");
  }

  @Test
  void outsidersFindNothingOfOthersEvenInTotalsAndFacets() throws Exception {
    for (String user : TestServer.outsiders()) {
      if (user.equals("it.admin") || user.equals("fr.dpo")) continue;
      JsonNode r = search(user, "q=" + TestServer.q("Mohamed Abdelrahman"));
      String agency = user.substring(0, user.indexOf('.')).toUpperCase();
      for (JsonNode hit : r.get("results")) assertThat(hit.get("agency").asText()).as(user).isEqualTo(agency);
      r.get("facets").get("agency").fieldNames().forEachRemaining(a -> assertThat(a).as(user).isEqualTo(agency));
      assertThat(r.toString()).as(user).doesNotContain(TestServer.LY_H2_NAME).doesNotContain(TestServer.FR_VICTIM_NAME);
    }
  }

  @Test
  void victimsOfOtherAgenciesStayHiddenFromAnalystsButNotFromVictimProtection() throws Exception {
    assertThat(ids(search("it.analyst", "q=" + TestServer.q(TestServer.FR_VICTIM_NAME)))).isEmpty();
    assertThat(ids(search("it.victims", "q=" + TestServer.q(TestServer.FR_VICTIM_NAME)))).containsExactly("fr-oltim-0310");
  }

  @Test
  void rolesThatReadNoCaseDataFindNothing() throws Exception {
    var r = t.getAs("it.admin", "/api/search?q=Mohamed", "X-Justification", "checking");
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void searchNeedsAJustificationAndIsAudited() throws Exception {
    var r = t.getAs("it.analyst", "/api/search?q=Mohamed");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("X-Justification");
    search("de.analyst", "q=Youssef");
    long audited = t.db.jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND username = 'de.analyst'").mapTo(Long.class).one());
    assertThat(audited).isGreaterThanOrEqualTo(1);
  }

  @Test
  void badParametersAreNamed() throws Exception {
    var r = t.getAs("it.analyst", "/api/search?q=x&limit=5000", "X-Justification", "j");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(EntityJson.mapper().readTree(r.body()).get("errors").get("limit").asText()).contains("1 to 200");
    var d = t.getAs("it.analyst", "/api/search?q=x&from=" + TestServer.q("2024'; DROP TABLE entity;--"), "X-Justification", "j");
    assertThat(d.statusCode()).isEqualTo(400);
    assertThat(EntityJson.mapper().readTree(d.body()).get("errors").has("from")).isTrue();
    for (String q : new String[] {"from=2025-13-45", "to=2025-02-30", "from=2025-13"}) {
      var c = t.getAs("it.analyst", "/api/search?q=x&" + q, "X-Justification", "j");
      assertThat(c.statusCode()).as(q + " " + c.body()).isEqualTo(400);
      assertThat(EntityJson.mapper().readTree(c.body()).get("errors").has(q.substring(0, q.indexOf('=')))).as(q).isTrue();
    }
  }
}
