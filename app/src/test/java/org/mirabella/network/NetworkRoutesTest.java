package org.mirabella.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.TestServer;
import org.mirabella.model.json.EntityJson;

/**
 * The network routes on a real server over the sample case file: the Italian, Libyan (H2, shared
 * with IT only) and British records of the same man share one phone number.
 */
class NetworkRoutesTest {
  static TestServer s;
  static final String PHONE = "pivot:phone:+218912345678";
  static final String[] WHY = {"X-Justification", "IT-SCO-2024-117: map the pilot's contacts"};

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
  void neighbourhoodShowsThePhoneSharedAcrossWhatItalyMaySee() throws Exception {
    var r = s.getAs("it.analyst", "/api/network/entities/it-sco-0001/neighbourhood?hops=2");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode g = json(r.body());
    assertThat(g.get("truncated").asBoolean()).isFalse();
    assertThat(g.get("nodes").findValuesAsText("id")).contains("it-sco-0001", PHONE, "uk-nca-5521", "ly-aiia-0042");
    assertThat(g.get("edges").findValuesAsText("kind")).contains("pivot");
    String audited = s.db.jdbi().withHandle(h -> h.createQuery(
        "SELECT detail FROM audit_log WHERE action = 'network.neighbourhood' AND username = 'it.analyst'").mapTo(String.class).list().toString());
    assertThat(audited).contains("nodes");
  }

  @Test
  void outsidersNeverReceiveUndisclosedRecordsNorThePivotsTheyHold() throws Exception {
    var uk = s.getAs("uk.analyst", "/api/network/entities/uk-nca-5521/neighbourhood?hops=3");
    assertThat(uk.statusCode()).isEqualTo(200);
    assertThat(uk.body()).doesNotContain("ly-aiia-0042", "it-sco-0001", PHONE, TestServer.LY_H2_NAME);
    for (String user : TestServer.outsiders()) {
      var all = s.getAs(user, "/api/network/all");
      if (all.statusCode() == 403) continue; // a role that reads no case data gets nothing at all
      assertThat(all.statusCode()).as(user).isEqualTo(200);
      assertThat(all.body()).as(user).doesNotContain("ly-aiia-0042", TestServer.LY_H2_NAME, TestServer.DE_H1_NAME);
      if (!user.startsWith("fr.")) assertThat(all.body()).as(user).doesNotContain(TestServer.FR_VICTIM_NAME, "fr-oltim-0310");
      var set = s.postAs(user, "/api/network/graph", "{\"entities\":[\"ly-aiia-0042\",\"uk-nca-5521\",\"" + PHONE + "\"]}");
      if (set.statusCode() == 200) assertThat(set.body()).as(user).doesNotContain("ly-aiia-0042", TestServer.LY_H2_NAME);
    }
    var hidden = s.getAs("uk.analyst", "/api/network/entities/ly-aiia-0042/neighbourhood");
    var absent = s.getAs("uk.analyst", "/api/network/entities/no-such-entity/neighbourhood");
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(json(hidden.body()).get("detail").asText()).isEqualTo("no entity ly-aiia-0042");
    assertThat(absent.statusCode()).isEqualTo(404);
    assertThat(s.get(null, "/api/network/all").statusCode()).isEqualTo(401);
  }

  @Test
  void badParametersAreProblemsNamingTheField() throws Exception {
    var hops = s.getAs("it.analyst", "/api/network/entities/it-sco-0001/neighbourhood?hops=9");
    assertThat(hops.statusCode()).isEqualTo(400);
    assertThat(json(hops.body()).get("errors").get("hops").asText()).contains("from 1 to 3");
    var date = s.getAs("it.analyst", "/api/network/entities/it-sco-0001/neighbourhood?from=last-week");
    assertThat(json(date.body()).get("errors").get("from").asText()).contains("not a date");
    var measure = s.postAs("it.analyst", "/api/network/measures", "{\"entities\":[\"it-sco-0001\"],\"measure\":\"fame\"}");
    assertThat(measure.statusCode()).isEqualTo(400);
    assertThat(json(measure.body()).get("errors").get("measure").asText()).contains("betweenness");
    var noList = s.postAs("it.analyst", "/api/network/communities", "{\"entities\":\"it-sco-0001\"}");
    assertThat(json(noList.body()).get("errors").get("entities").asText()).contains("array");
    var format = s.getAs("it.analyst", "/api/network/export/pdf?entity=it-sco-0001", WHY);
    assertThat(json(format.body()).get("errors").get("format").asText()).contains("graphml");
  }

  @Test
  void daysThatAreNotInTheCalendarAreProblemsNamingTheField() throws Exception {
    for (String q : new String[] {"asOf=2025-02-31", "from=2025-13", "to=2025-00-10"}) {
      var r = s.getAs("it.analyst", "/api/network/entities/it-sco-0001/neighbourhood?" + q);
      assertThat(r.statusCode()).as(q + " " + r.body()).isEqualTo(400);
      String field = q.substring(0, q.indexOf('=')); // asOf is named as asOf, not as the to it stands for
      assertThat(json(r.body()).get("errors").get(field).asText()).as(q).contains("not a date");
    }
    var graph = s.postAs("it.analyst", "/api/network/graph", "{\"entities\":[\"it-sco-0001\"],\"from\":\"2025-99-99\"}");
    assertThat(graph.statusCode()).as(graph.body()).isEqualTo(400);
    assertThat(json(graph.body()).get("errors").has("from")).isTrue();
  }

  @Test
  void measuresCommunitiesDisruptionAndPathOverTheChart() throws Exception {
    String ids = "[\"it-sco-0001\",\"uk-nca-5521\",\"ly-aiia-0042\",\"" + PHONE + "\"]";
    JsonNode m = json(s.postAs("it.analyst", "/api/network/measures", "{\"entities\":" + ids + ",\"measure\":\"degree\"}").body());
    assertThat(m.get("scores").get(PHONE).asDouble()).isGreaterThan(m.get("scores").get("it-sco-0001").asDouble());
    assertThat(m.get("keyPlayers").get(0).asText()).isEqualTo(PHONE);
    JsonNode c = json(s.postAs("it.analyst", "/api/network/communities", "{\"entities\":" + ids + "}").body());
    assertThat(c.get("communities").size()).isEqualTo(4);
    assertThat(c.get("algorithm").asText()).isEqualTo("leiden");
    JsonNode louvain = json(s.postAs("it.analyst", "/api/network/communities", "{\"entities\":" + ids + ",\"algorithm\":\"Louvain\"}").body());
    assertThat(louvain.get("algorithm").asText()).isEqualTo("louvain");
    assertThat(louvain.get("communities").size()).isEqualTo(4);
    var unknown = s.postAs("it.analyst", "/api/network/communities", "{\"entities\":" + ids + ",\"algorithm\":\"girvan-newman\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown.body()).get("errors").get("algorithm").asText()).contains("expected one of leiden, louvain");
    JsonNode d = json(s.postAs("it.analyst", "/api/network/disruption",
        "{\"entities\":" + ids + ",\"strategy\":\"betweenness\",\"mode\":\"sequential\"}").body());
    // Four nodes: the published procedure stops once no more than a block (5) is left, so no rows.
    assertThat(d.get("curve").isArray()).isTrue();
    assertThat(d.get("strategy").asText()).isEqualTo("betweenness");
    JsonNode p = json(s.getAs("it.analyst", "/api/network/path?from=it-sco-0001&to=uk-nca-5521").body());
    assertThat(p.get("found").asBoolean()).isTrue();
    assertThat(p.get("length").asInt()).isEqualTo(2);
    assertThat(p.get("nodes").findValuesAsText("id")).containsExactly("it-sco-0001", PHONE, "uk-nca-5521");
  }

  @Test
  void exportsNeedAJustificationAndAreAudited() throws Exception {
    String q = "?entity=it-sco-0001&entity=uk-nca-5521&entity=" + TestServer.q(PHONE);
    assertThat(s.getAs("it.analyst", "/api/network/export/graphml" + q).statusCode()).isEqualTo(400);
    var graphml = s.getAs("it.analyst", "/api/network/export/graphml" + q, WHY);
    assertThat(graphml.statusCode()).isEqualTo(200);
    assertThat(graphml.body()).contains("<graphml", "uk-nca-5521");
    assertThat(s.getAs("it.analyst", "/api/network/export/gexf" + q, WHY).body()).contains("<gexf");
    assertThat(s.getAs("it.analyst", "/api/network/export/anx" + q, WHY).body()).contains("<Chart", "IconStyle Type=\"Phone\"");
    assertThat(s.getAs("it.analyst", "/api/network/export/csv" + q, WHY).body()).startsWith("source,target");
    assertThat(s.getAs("it.analyst", "/api/network/export/ftm" + q, WHY).body()).contains("\"it-sco-0001\"");
    var c = s.getAs("it.analyst", "/api/network/cases/IT/IT-SCO-2024-117");
    assertThat(c.statusCode()).isEqualTo(200);
    assertThat(s.getAs("uk.analyst", "/api/network/cases/LY/LY-AIIA-2024-09").statusCode()).isEqualTo(404);
    long exports = s.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'network.export'")
        .mapTo(Long.class).one());
    assertThat(exports).isGreaterThanOrEqualTo(5);
  }
}
