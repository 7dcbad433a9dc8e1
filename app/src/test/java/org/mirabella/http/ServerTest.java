package org.mirabella.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.TestDatabases;

/** A real server on 127.0.0.1 (random port) over a real H2 store. */
class ServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Database db;
  private static MirabellaServer server;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabases.h2();
    ServerContext ctx = ServerContext.of(db);
    ctx.entities().ensureAgencies(Agencies.get());
    SampleData.load(ctx.entities(), Model.get());
    server = new MirabellaServer(ctx).start("127.0.0.1", 0);
    // Every API route but health, openapi and login needs a session (issue 6).
    new org.mirabella.access.UserStore(db).add("it.analyst", "IT", java.util.Set.of(org.mirabella.access.Role.ANALYST),
        "correct horse battery staple".toCharArray());
    var login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/login"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"it.analyst\",\"password\":\"correct horse battery staple\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    token = JSON.readTree(login.body()).get("token").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthReportsTheStore() throws Exception {
    var r = get("/api/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode h = JSON.readTree(r.body());
    assertThat(h.get("status").asText()).isEqualTo("ok");
    assertThat(h.get("database").asText()).isEqualTo("h2");
    assertThat(h.get("entities").asLong()).isEqualTo(8);
  }

  @Test
  void errorsHaveOneShape() throws Exception {
    var r = get("/api/schemata/NoSuchSchema");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("title").asText()).isEqualTo("Not found");
    assertThat(p.get("status").asInt()).isEqualTo(404);
    assertThat(p.get("detail").asText()).contains("NoSuchSchema");
    assertThat(p.has("errors")).isTrue();

    var unknown = get("/api/no/such/route");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("status").asInt()).isEqualTo(404);
    // A route that exists, with a method it does not take: 405 naming the methods it does, same shape.
    var wrongMethod = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/schemata"))
        .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
    JsonNode m = JSON.readTree(wrongMethod.body());
    assertThat(m.get("status").asInt()).isEqualTo(405);
    assertThat(m.get("title").asText()).isEqualTo("Method not allowed");
    assertThat(m.get("detail").asText()).contains("GET");
  }

  @Test
  void schemaEndpointShowsInheritedAndMirabellaProperties() throws Exception {
    JsonNode s = JSON.readTree(get("/api/schemata/BorderCrossing").body());
    assertThat(s.get("extends").toString()).contains("Event");
    assertThat(s.get("properties").get("person").get("range").asText()).isEqualTo("Person");
    assertThat(s.get("properties").get("date").get("type").asText()).isEqualTo("date");
  }

  @Test
  void theServedOpenApiDocumentDescribesEveryRoute() throws Exception {
    JsonNode doc = JSON.readTree(get("/api/openapi.json").body());
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    var documented = SystemRoutes.documentedPaths();
    for (Api.Route route : server.api().routes()) {
      String path = route.path();
      assertThat(documented).as("OpenAPI documents %s %s", route.method(), path)
          .contains(route.method().name() + " " + path);
    }
    assertThat(documented).hasSize(server.api().routes().size());
    // And the other way round, in the document as served: every operation it names is a route.
    java.util.Set<String> registered = new java.util.HashSet<>();
    server.api().routes().forEach(r -> registered.add(r.method().name() + " " + r.path()));
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m ->
        assertThat(registered).as("%s %s is a registered route", m, p.getKey()).contains(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
  }

  @Test
  void everyRouteBehindTheSignInAnswersAndDocuments401() throws Exception {
    JsonNode doc = JSON.readTree(get("/api/openapi.json").body());
    for (Api.Route route : server.api().routes()) {
      if (org.mirabella.access.AuthRoutes.PUBLIC.contains(route.path())) continue;
      String path = route.path().replaceAll("\\{[^}]+}", "x");
      var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
          .method(route.method().name(), HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("%s %s without a token", route.method(), route.path()).isEqualTo(401);
      assertThat(doc.get("paths").get(route.path()).get(route.method().name().toLowerCase(java.util.Locale.ROOT)).get("responses").has("401"))
          .as("OpenAPI documents 401 for %s %s", route.method(), route.path()).isTrue();
    }
  }

  @Test
  void readinessAndMetricsAreServedWithoutPersonalData() throws Exception {
    assertThat(get("/api/ready").statusCode()).isEqualTo(200);
    get("/api/schemata/Person");
    var m = get("/api/metrics");
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.body()).contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/api/schemata/{name}\"}");
    assertThat(m.body()).doesNotContain("/api/schemata/Person").contains("jvm_memory_used_bytes");
  }

  @Test
  void theStartPageIsServed() throws Exception {
    var r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Mirabella");
  }
}
