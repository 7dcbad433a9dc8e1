package org.mirabella.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.PasswordHasher;
import org.mirabella.access.Role;
import org.mirabella.access.UserStore;
import org.mirabella.agency.Agencies;
import org.mirabella.http.MirabellaServer;
import org.mirabella.http.ServerContext;
import org.mirabella.model.Model;
import org.mirabella.scenario.Scale;
import org.mirabella.scenario.cli.ScenarioDemo;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/**
 * GET /api/map/events over a store holding the synthetic case file as the agencies imported it: the
 * scenario's routes come back as flows with coordinates, the filters narrow them, and a partner
 * agency's analyst gets only what the rules let it see.
 */
class MapRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "correct horse battery staple";
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  private static Database db;
  private static MirabellaServer server;

  @BeforeAll
  static void start() {
    db = TestDatabases.h2();
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    ScenarioDemo.load(db, store, Scale.parse("400"), new PrintWriter(new StringWriter()));
    UserStore users = new UserStore(db, new PasswordHasher(1024, 1, 1));
    for (String a : new String[] {"IT", "LY", "UK", "US"}) users.add(a.toLowerCase() + ".analyst", a, Set.of(Role.ANALYST), PASSWORD.toCharArray());
    server = new MirabellaServer(ServerContext.of(db)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (db != null) db.close();
  }

  private static String token(String user) {
    return TOKENS.computeIfAbsent(user, u -> {
      try {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/login"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + u + "\",\"password\":\"" + PASSWORD + "\"}"))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("token").asText();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static HttpResponse<String> get(String query, String agency) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/map/events" + query));
    if (agency != null) b.header("Authorization", "Bearer " + token(agency.toLowerCase() + ".analyst"));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode map(String query, String agency) throws Exception {
    HttpResponse<String> r = get(query, agency);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void theScenariosRoutesComeBackAsFlowsBetweenPlacesWithCoordinates() throws Exception {
    JsonNode it = map("", "IT");
    assertThat(it.get("legs").size()).isPositive();
    Set<String> routes = new HashSet<>();
    for (JsonNode leg : it.get("legs")) {
      assertThat(leg.at("/from/geo/lat").isNumber()).as(leg.toString()).isTrue();
      assertThat(leg.at("/to/geo/lon").isNumber()).as(leg.toString()).isTrue();
      assertThat(leg.get("count").asLong()).isPositive();
      assertThat(leg.get("persons").asLong()).isGreaterThanOrEqualTo(leg.get("count").asLong());
      assertThat(leg.at("/period/from").asText()).isNotBlank();
      leg.get("routes").forEach(r -> routes.add(r.asText()));
    }
    assertThat(routes).as("Italy's own legs: the Central Mediterranean").contains("cmed");
    assertThat(it.get("legs").toString()).contains("Lampedusa");
    assertThat(it.get("events").toString()).as("landings and interceptions as points").contains("BorderCrossing", "Interception");

    JsonNode uk = map("?route=channel", "UK");
    assertThat(uk.get("legs").size()).as("the Channel as the UK sees it").isPositive();
    assertThat(uk.get("legs").toString()).containsAnyOf("Dungeness", "Dover", "London");
    JsonNode us = map("?route=" + enc("The Darién and Central America"), "US");
    assertThat(us.get("legs").toString()).contains("Necocl");
  }

  @Test
  void filtersNarrowThePicture() throws Exception {
    JsonNode all = map("", "IT");
    JsonNode crossings = map("?kinds=BorderCrossing", "IT");
    assertThat(crossings.get("legs").size()).isZero();
    assertThat(crossings.get("events")).allSatisfy(e -> assertThat(e.get("schema").asText()).isEqualTo("BorderCrossing"));
    assertThat(crossings.get("matched").asLong()).isLessThan(all.get("matched").asLong());
    JsonNode own = map("?agency=IT", "IT");
    assertThat(own.get("events")).allSatisfy(e -> assertThat(e.get("agency").asText()).isEqualTo("IT"));
    JsonNode year = map("?from=2019-01-01&to=2019-12-31", "IT");
    for (JsonNode leg : year.get("legs")) {
      assertThat(leg.at("/period/from").asText()).startsWith("2019");
      assertThat(leg.at("/period/to").asText()).startsWith("2019");
    }
    JsonNode none = map("?route=japan", "IT");
    assertThat(none.get("legs").toString()).doesNotContain("Lampedusa");
  }

  @Test
  void aPartnerSeesOnlyWhatTheRulesGiveIt() throws Exception {
    JsonNode ly = map("", "LY");
    Set<String> owners = new HashSet<>();
    ly.get("events").forEach(e -> owners.add(e.get("agency").asText()));
    // Libya sees its own interceptions but not the G7 units' H2 records (not passed on to partners).
    assertThat(owners).contains("LY").doesNotContain("IT", "DE", "FR", "UK", "US");
    JsonNode itOnly = map("?agency=IT", "LY");
    assertThat(itOnly.get("events").size()).isZero();
    assertThat(itOnly.get("legs").size()).isZero();
    assertThat(itOnly.get("matched").asLong()).isZero();
  }

  private static JsonNode routes(String period, String agency) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/routes?period=" + period))
        .header("Authorization", "Bearer " + token(agency.toLowerCase() + ".analyst"));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void theRouteViewIsBuiltFromTheScenarioAndAPartnerSeesOnlyItsPart() throws Exception {
    JsonNode it = routes("2025-Q3", "IT");
    JsonNode quarterly = it.get("quarterly");
    assertThat(quarterly.size()).as("Italy's legs over time").isPositive();
    String busiest = null;
    long most = -1;
    for (var q = quarterly.fields(); q.hasNext();) {
      var e = q.next();
      long n = e.getValue().path("cmed").asLong();
      if (n > most) {
        most = n;
        busiest = e.getKey();
      }
    }
    assertThat(most).as("persons on the Central Mediterranean").isPositive();
    JsonNode itBusiest = routes(busiest, "IT");
    assertThat(itBusiest.get("flows").size()).isPositive();
    assertThat(itBusiest.get("flows").get(0).at("/prices/0/currency").asText()).isNotBlank();
    // Libya holds no journey records of its own and may not see Italy's (H2): no flows, no series.
    JsonNode ly = routes(busiest, "LY");
    assertThat(ly.get("flows").size()).isZero();
    assertThat(ly.get("quarterly").size()).isZero();
  }

  @Test
  void everyReadOfTheMapIsAuditedWithItsFilterAndCounts() throws Exception {
    String query = "?route=cmed&from=2025-07-01";
    map(query, "UK");
    var records = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT action || ' ' || COALESCE(object, '') || ' | ' || COALESCE(detail, '') FROM audit_log WHERE username = 'uk.analyst' ORDER BY seq")
        .mapTo(String.class).list());
    assertThat(records).anySatisfy(r -> assertThat(r).startsWith("map.read").contains("route=cmed", "from=2025-07-01", "events matched"));
  }

  @Test
  void badFiltersAreAProblemNamingTheParameter() throws Exception {
    HttpResponse<String> date = get("?from=2025-13-01", "IT");
    assertThat(date.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(date.body()).toString()).contains("from");
    HttpResponse<String> kind = get("?kinds=Spaceship", "IT");
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(kind.body()).contains("kinds", "Spaceship");
    HttpResponse<String> order = get("?from=2025-02-01&to=2025-01-01", "IT");
    assertThat(order.statusCode()).isEqualTo(400);
    assertThat(get("", null).statusCode()).isEqualTo(401);
  }
}
