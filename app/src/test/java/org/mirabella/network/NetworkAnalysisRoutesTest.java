package org.mirabella.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.TestServer;
import org.mirabella.actions.Operation;
import org.mirabella.actions.OperationStore;
import org.mirabella.actions.Viewer;
import org.mirabella.model.json.EntityJson;

/**
 * Role-aware disruption, the disruption chart, brokerage roles, all paths up to k and the network of
 * a joint action day over HTTP, on the sample case file plus: Libya's (shared with Italy only)
 * record that the British man uk-nca-5521 is an organiser, Italy's record that its own man
 * it-sco-0001 is a money handler, and an operation led by Italy with the UK taking part, whose
 * targets are it-sco-0001 and Libya's ly-aiia-0042.
 */
class NetworkAnalysisRoutesTest {
  static TestServer s;
  static final String PHONE = "pivot:phone:+218912345678";
  static final String CHART = "[\"it-sco-0001\",\"uk-nca-5521\",\"ly-aiia-0042\",\"" + PHONE + "\"]";

  @BeforeAll
  static void start() {
    s = TestServer.start();
    s.context.entities().write(List.of(
        NetworkFixture.entity("ly-org", "Organization", "LY", "LY-AIIA-2024-09", "name", "Zuwara network"),
        NetworkFixture.entity("ly-role-1", "NetworkRole", "LY", "LY-AIIA-2024-09", "person", "uk-nca-5521", "role", "organiser",
            "network", "ly-org"),
        NetworkFixture.entity("it-org", "Organization", "IT", "IT-SCO-2024-117", "name", "Lampedusa cell"),
        NetworkFixture.entity("it-role-1", "NetworkRole", "IT", "IT-SCO-2024-117", "person", "it-sco-0001", "role", "money handler",
            "network", "it-org")));
    new OperationStore(s.db).save(new Operation("OP-NET-1", "Action day Zuwara", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2),
        "IT", Set.of("UK"), List.of("arrest the organisers"), List.of("it-sco-0001", "ly-aiia-0042"), null), "it.analyst",
        Viewer.of("IT", "analyst"));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(String body) throws Exception {
    return EntityJson.mapper().readTree(body);
  }

  static JsonNode disrupt(String user, String extra) throws Exception {
    var r = s.postAs(user, "/api/network/disruption", "{\"entities\":" + CHART + ",\"strategy\":\"role\"" + extra + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  @Test
  void roleStrategyRemovesTheOrganiserAndReportsEfficiencyAndComponentsPerStep() throws Exception {
    JsonNode d = disrupt("it.analyst", ",\"role\":\"Organiser\",\"order\":\"degree\",\"mode\":\"sequential\"");
    assertThat(d.get("strategy").asText()).isEqualTo("role");
    assertThat(d.get("roles").get(0).asText()).isEqualTo("organiser");
    assertThat(d.get("order").asText()).isEqualTo("degree");
    assertThat(d.get("removed").get(0).asText()).isEqualTo("uk-nca-5521");
    assertThat(d.get("removed").size()).isEqualTo(1);
    JsonNode before = d.get("curve").get(0);
    JsonNode after = d.get("curve").get(1);
    assertThat(before.get("lcc_ratio").asDouble()).isEqualTo(1.0);
    assertThat(before.get("components").asInt()).isEqualTo(1);
    // A star of three holders around the phone: efficiency (6·1 + 6·½) / 12 ordered pairs = 0.75; without one
    // holder, among the three nodes left, (4·1 + 2·½) / 6 = 5/6.
    assertThat(before.get("efficiency").asDouble()).isEqualTo(0.75);
    assertThat(after.get("lcc_ratio").asDouble()).isEqualTo(0.75);
    assertThat(after.get("components").asInt()).isEqualTo(1);
    assertThat(after.get("efficiency").asDouble()).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
    JsonNode money = disrupt("it.analyst", ",\"role\":[\"MoneyHandler\"]");
    assertThat(money.get("removed").get(0).asText()).isEqualTo("it-sco-0001");
  }

  @Test
  void aRoleTheViewerMayNotSeeIsNeverUsed() throws Exception {
    // The UK sees its own man, but not Libya's record calling him an organiser.
    JsonNode uk = disrupt("uk.analyst", ",\"role\":\"organiser\"");
    assertThat(uk.get("removed").size()).isZero();
    assertThat(uk.get("curve").size()).isEqualTo(1);
    var graph = s.postAs("uk.analyst", "/api/network/graph", "{\"entities\":" + CHART + "}");
    assertThat(graph.body()).doesNotContain("organiser", "ly-role-1", "ly-org");
    var it = s.postAs("it.analyst", "/api/network/graph", "{\"entities\":" + CHART + "}");
    assertThat(it.body()).contains("organiser");
  }

  @Test
  void badRolesAndOrdersAreProblemsNamingTheField() throws Exception {
    var unknown = s.postAs("it.analyst", "/api/network/disruption", "{\"entities\":" + CHART + ",\"strategy\":\"role\",\"role\":\"pope\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown.body()).get("errors").get("role").asText()).contains("pope", "moneyHandler");
    var missing = s.postAs("it.analyst", "/api/network/disruption", "{\"entities\":" + CHART + ",\"strategy\":\"role\"}");
    assertThat(json(missing.body()).get("errors").get("role").asText()).contains("organiser");
    var order = s.postAs("it.analyst", "/api/network/disruption",
        "{\"entities\":" + CHART + ",\"strategy\":\"role\",\"role\":\"organiser\",\"order\":\"luck\"}");
    assertThat(json(order.body()).get("errors").get("order").asText()).contains("luck");
    var strategy = s.postAs("it.analyst", "/api/network/disruption", "{\"entities\":" + CHART + ",\"strategy\":\"luck\"}");
    assertThat(json(strategy.body()).get("errors").get("strategy").asText()).contains("role");
    var format = s.postAs("it.analyst", "/api/network/disruption?format=gif", "{\"entities\":" + CHART + "}");
    assertThat(json(format.body()).get("errors").get("format").asText()).contains("png");
  }

  static HttpResponse<byte[]> bytes(String user, HttpRequest.Builder b) throws Exception {
    return HttpClient.newHttpClient().send(b.header("Authorization", "Bearer " + s.token(user)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static void assertPng(HttpResponse<byte[]> r) {
    assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    assertThat(r.body()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(r.body().length).isGreaterThan(1000);
  }

  @Test
  void theCurveComesAsAPngChartByPostOrGet() throws Exception {
    assertPng(bytes("it.analyst", HttpRequest.newBuilder(s.uri("/api/network/disruption?format=png")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"entities\":" + CHART + ",\"strategy\":\"role\",\"role\":\"organiser\"}"))));
    String q = "?entity=it-sco-0001&entity=uk-nca-5521&entity=ly-aiia-0042&entity=" + TestServer.q(PHONE)
        + "&strategy=role&role=moneyHandler&role=organiser&mode=block";
    assertPng(bytes("it.analyst", HttpRequest.newBuilder(s.uri("/api/network/disruption.png" + q)).GET()));
    // Betweenness on four nodes records no row (the run stops at a block of five): nothing to plot, said as a Problem.
    var none = s.getAs("it.analyst", "/api/network/disruption.png?entity=it-sco-0001&entity=uk-nca-5521&strategy=betweenness");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(json(none.body()).get("errors").get("entities").asText()).contains("no row");
    assertThat(s.getAs("it.analyst", "/api/network/disruption.png").statusCode()).isEqualTo(400);
    assertThat(s.get(null, "/api/network/disruption.png?entity=it-sco-0001").statusCode()).isEqualTo(401);
  }

  @Test
  void brokerageCountsTheOpenPairsEachNodeBrokersByGroup() throws Exception {
    JsonNode c = json(s.postAs("it.analyst", "/api/network/measures",
        "{\"entities\":" + CHART + ",\"measure\":\"brokerage\",\"groups\":\"community\"}").body());
    assertThat(c.get("groups").asText()).isEqualTo("community");
    // The phone joins three holders who share no other tie: 3 pairs, each counted both ways.
    assertThat(c.get("scores").get(PHONE).asDouble()).isEqualTo(6.0);
    assertThat(c.get("scores").get("it-sco-0001").asDouble()).isZero();
    assertThat(c.get("keyPlayers").get(0).asText()).isEqualTo(PHONE);
    // By agency a pivot value belongs to none, so it brokers nothing.
    JsonNode a = json(s.postAs("it.analyst", "/api/network/measures", "{\"entities\":" + CHART + ",\"measure\":\"brokerage\"}").body());
    assertThat(a.get("groups").asText()).isEqualTo("agency");
    assertThat(a.get("scores").get(PHONE).asDouble()).isZero();
    assertThat(a.get("groupOf").get("ly-aiia-0042").asText()).isEqualTo("LY");
    var bad = s.postAs("it.analyst", "/api/network/measures", "{\"entities\":" + CHART + ",\"measure\":\"brokerage\",\"groups\":\"shoe size\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad.body()).get("errors").get("groups").asText()).contains("community");
  }

  @Test
  void allPathsUpToKBetweenTwoRecords() throws Exception {
    JsonNode p = json(s.getAs("it.analyst", "/api/network/path?from=it-sco-0001&to=uk-nca-5521&all=true&k=4").body());
    assertThat(p.get("found").asBoolean()).isTrue();
    assertThat(p.get("maxLength").asInt()).isEqualTo(4);
    List<String> first = new ArrayList<>();
    p.get("paths").get(0).forEach(n -> first.add(n.asText()));
    assertThat(first).containsExactly("it-sco-0001", PHONE, "uk-nca-5521");
    for (JsonNode path : p.get("paths")) assertThat(path.size()).isBetween(2, 5);
    assertThat(p.get("edges").size()).isGreaterThanOrEqualTo(2);
    JsonNode one = json(s.getAs("it.analyst", "/api/network/path?from=it-sco-0001&to=uk-nca-5521&all=true&k=1").body());
    assertThat(one.get("found").asBoolean()).isFalse();
    var tooLong = s.getAs("it.analyst", "/api/network/path?from=it-sco-0001&to=uk-nca-5521&all=true&k=7");
    assertThat(json(tooLong.body()).get("errors").get("k").asText()).contains("from 1 to 6");
    var flag = s.getAs("it.analyst", "/api/network/path?from=it-sco-0001&to=uk-nca-5521&all=perhaps");
    assertThat(json(flag.body()).get("errors").get("all").asText()).contains("true or false");
    assertThat(s.getAs("uk.analyst", "/api/network/path?from=uk-nca-5521&to=ly-aiia-0042&all=true").statusCode()).isEqualTo(404);
  }

  @Test
  void anOperationsNetworkHoldsItsTargetsTheViewerMaySeeAndTheirNeighbourhood() throws Exception {
    var it = s.getAs("it.analyst", "/api/network/operations/OP-NET-1?hops=1");
    assertThat(it.statusCode()).isEqualTo(200);
    JsonNode g = json(it.body());
    assertThat(g.get("operation").get("name").asText()).isEqualTo("Action day Zuwara");
    List<String> targets = new ArrayList<>();
    g.get("targets").forEach(t -> targets.add(t.asText()));
    assertThat(targets).containsExactlyInAnyOrder("it-sco-0001", "ly-aiia-0042");
    assertThat(g.get("nodes").findValuesAsText("id")).contains("it-sco-0001", "ly-aiia-0042", PHONE);

    // The UK takes part but may not see Libya's record: not as a target, a node, nor through its links.
    var uk = s.getAs("uk.analyst", "/api/network/operations/OP-NET-1?hops=2");
    assertThat(uk.statusCode()).isEqualTo(200);
    assertThat(uk.body()).doesNotContain("ly-aiia-0042", TestServer.LY_H2_NAME, "ly-role-1");
    assertThat(json(uk.body()).get("targets").size()).isZero();

    JsonNode targetsOnly = json(s.getAs("it.analyst", "/api/network/operations/OP-NET-1?hops=0").body());
    assertThat(targetsOnly.get("nodes").findValuesAsText("id")).doesNotContain("uk-nca-5521");

    assertThat(s.getAs("de.analyst", "/api/network/operations/OP-NET-1").statusCode()).isEqualTo(404);
    assertThat(s.getAs("it.analyst", "/api/network/operations/NO-SUCH-OP").statusCode()).isEqualTo(404);
    var hops = s.getAs("it.analyst", "/api/network/operations/OP-NET-1?hops=4");
    assertThat(json(hops.body()).get("errors").get("hops").asText()).contains("from 0 to 3");
    long audited = s.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'network.operation'")
        .mapTo(Long.class).one());
    assertThat(audited).isGreaterThanOrEqualTo(3);
  }
}
