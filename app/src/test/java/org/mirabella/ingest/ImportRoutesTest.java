package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.agency.Agencies;
import org.mirabella.http.MirabellaServer;
import org.mirabella.http.ServerContext;
import org.mirabella.store.Database;
import org.mirabella.store.TestDatabases;

/** POST /api/imports on a real server over a real H2 store. */
class ImportRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Database db;
  private static MirabellaServer server;
  private static ServerContext context;

  @BeforeAll
  static void start() {
    db = TestDatabases.h2();
    context = ServerContext.of(db);
    context.entities().ensureAgencies(Agencies.get());
    var users = new org.mirabella.access.UserStore(db, new org.mirabella.access.PasswordHasher(1024, 1, 1));
    users.add("it.analyst", "IT", java.util.Set.of(org.mirabella.access.Role.ANALYST), PASSWORD.toCharArray());
    users.add("it.dpo", "IT", java.util.Set.of(org.mirabella.access.Role.DPO), PASSWORD.toCharArray());
    server = new MirabellaServer(context).start("127.0.0.1", 0);
    token = login("it.analyst");
  }

  private static final String PASSWORD = "correct horse battery staple";
  private static String token;

  static String login(String user) {
    try {
      var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body()).get("token").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  record Part(String name, String filename, byte[] content) {}

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ImportRoutesTest.class.getClassLoader().getResourceAsStream("ingest/" + name)) {
      return in.readAllBytes();
    }
  }

  static HttpResponse<String> post(List<Part> parts) throws Exception {
    return post(parts, token);
  }

  static HttpResponse<String> post(List<Part> parts, String bearer) throws Exception {
    String boundary = "----mirabella" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part p : parts) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
          + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\n"
          + (p.filename() == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(p.content());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/imports"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Bearer " + bearer)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static Part field(String name, String value) {
    return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void importsAnUploadWithItsMapping() throws Exception {
    var r = post(List.of(field("agency", "IT"), field("case", "IT-WEB-1"),
        new Part("file", "it-persone.csv", resource("it-persone.csv")), new Part("mapping", "it-persone.yaml", resource("it-persone.yaml"))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode j = JSON.readTree(r.body());
    assertThat(j.get("committed").asBoolean()).isTrue();
    assertThat(j.get("entitiesAdded").asLong()).isEqualTo(4);
    assertThat(j.get("statementsAdded").asLong()).isEqualTo(23);
    assertThat(j.get("files").get("it-persone.csv").asLong()).isEqualTo(3);
    var stored = context.entities().find(RowMapper.entityId("IT", "IT-WEB-1", "person", List.of("1"))).orElseThrow();
    assertThat(stored.statements().get(0).provenance().recordedBy()).isEqualTo("it.analyst");
    assertThat(j.get("crossMatch").get("entities").asLong()).isEqualTo(4);
  }

  @Test
  void theOwnerIsTheSignedInAgencyNeverAFormField() throws Exception {
    var r = post(List.of(field("agency", "DE"), field("case", "IT-WEB-4"),
        new Part("file", "it-persone.csv", resource("it-persone.csv")), new Part("mapping", "it-persone.yaml", resource("it-persone.yaml"))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("agency").asText()).isEqualTo("IT");
    assertThat(context.entities().find(RowMapper.entityId("DE", "IT-WEB-4", "person", List.of("1")))).isEmpty();
  }

  @Test
  void importingNeedsASignedInAnalystOrInvestigator() throws Exception {
    var parts = List.of(field("case", "IT-WEB-5"), new Part("file", "it-persone.csv", resource("it-persone.csv")),
        new Part("mapping", "it-persone.yaml", resource("it-persone.yaml")));
    assertThat(post(parts, "not-a-token").statusCode()).isEqualTo(401);
    assertThat(post(parts, login("it.dpo")).statusCode()).isEqualTo(403);
  }

  @Test
  void aBodyThatIsNoMultipartFormIs400NamingTheBodyNotA500() throws Exception {
    for (String[] bad : new String[][] {{"multipart/form-data", "{}"}, {"multipart/form-data; boundary=x", "{}"},
        {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"case\"\r\n\r\nIT-WEB-9"}}) {
      var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/imports"))
          .header("Content-Type", bad[0]).header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofString(bad[1])).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(bad[0] + " " + r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
      JsonNode p = JSON.readTree(r.body());
      assertThat(p.get("status").asInt()).isEqualTo(400);
      assertThat(p.get("errors").has("body")).as(r.body()).isTrue();
    }
  }

  @Test
  void rejectedRowsAnswer422WithTheSummaryAndWriteNothing() throws Exception {
    long before = context.entities().counts().statements();
    var r = post(List.of(field("agency", "IT"), field("case", "IT-WEB-2"),
        new Part("file", "it-persone-bad.csv", resource("it-persone-bad.csv")), new Part("mapping", "m.yaml", resource("it-persone.yaml"))));
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode j = JSON.readTree(r.body());
    assertThat(j.get("committed").asBoolean()).isFalse();
    assertThat(j.get("rowsRejected").asLong()).isEqualTo(2);
    assertThat(j.get("rejects")).hasSize(3);
    assertThat(j.get("rejects").get(2).get("reason").asText())
        .isEqualTo("'sconosciuto' is not one of suspect, victim, witness, contact, informant, other");
    assertThat(context.entities().counts().statements()).isEqualTo(before);
  }

  @Test
  void aBadMappingIsAProblemNamingIt() throws Exception {
    var r = post(List.of(field("agency", "IT"), field("case", "IT-WEB-3"),
        new Part("file", "it-persone.csv", resource("it-persone.csv")),
        new Part("mapping", "m.yaml", "entities: {p: {schema: Persn, keys: [id]}}".getBytes(StandardCharsets.UTF_8))));
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode j = JSON.readTree(r.body());
    assertThat(j.get("title").asText()).isEqualTo("Bad mapping");
    assertThat(JSON.convertValue(j.get("errors"), Map.class)).isEqualTo(Map.of("m.yaml: entities.p.schema", "unknown schema 'Persn'"));
    var noCase = post(List.of(field("agency", "IT"), new Part("file", "x.csv", new byte[0])));
    assertThat(noCase.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noCase.body()).get("errors").get("case").asText()).isEqualTo("required");
  }
}
