package org.mirabella.actions;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mirabella.access.PasswordHasher;
import org.mirabella.access.Role;
import org.mirabella.access.UserStore;
import org.mirabella.http.MirabellaServer;
import org.mirabella.http.ServerContext;
import org.mirabella.store.Database;

/** The joint-action, route, report and HTCDS routes on a real server over the demo store. */
class JointActionRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Database db;
  private static MirabellaServer server;
  private static final String PASSWORD = "correct horse battery staple";
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    db = DemoStore.withDemo();
    UserStore users = new UserStore(db, new PasswordHasher(1024, 1, 1));
    for (String a : new String[] {"IT", "LY", "FR", "US"}) users.add(a.toLowerCase() + ".analyst", a, Set.of(Role.ANALYST), PASSWORD.toCharArray());
    users.add("it.admin", "IT", Set.of(Role.ADMIN), PASSWORD.toCharArray());
    server = new MirabellaServer(ServerContext.of(db)).start("127.0.0.1", 0);
  }

  /** The session token of a user (logged in once). */
  static String token(String user) {
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

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  /** A request as {@code AGENCY.analyst} (no session when agency is null). */
  static HttpResponse<String> send(String method, String path, String agency, String body) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (agency != null) b.header("Authorization", "Bearer " + token(agency.toLowerCase() + ".analyst"));
    if (body != null) b.header("Content-Type", "application/json");
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRecorderIsTheSignedInUserAndEveryConsultationIsAudited() throws Exception {
    var created = send("POST", "/api/operations", "IT", "{\"id\":\"jad-audit-check\",\"name\":\"JAD audit check\",\"start\":\"2025-10-01\",\"end\":\"2025-10-02\","
        + "\"leadAgency\":\"IT\",\"participants\":[\"IT\",\"LY\"],\"createdBy\":\"somebody.else\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    var log = send("POST", "/api/operations/" + id + "/log", "IT", "{\"author\":\"forged.author\",\"message\":\"briefing at 06:00\"}");
    assertThat(log.statusCode()).as(log.body()).isEqualTo(201);
    assertThat(log.body()).contains("it.analyst").doesNotContain("forged.author");
    assertThat(send("GET", "/api/operations/" + id, "LY", null).statusCode()).isEqualTo(200);
    var actions = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT username || ':' || action FROM audit_log WHERE object = :id ORDER BY seq").bind("id", id).mapTo(String.class).list());
    assertThat(actions).contains("it.analyst:operation.save", "ly.analyst:operation.read");
  }

  @Test
  void withoutASessionOrACaseDataRoleTheRequestIsRefused() throws Exception {
    var r = send("GET", "/api/operations", null, null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(401);
    var admin = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/routes?period=2025-Q3"))
        .header("Authorization", "Bearer " + token("it.admin")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(admin.statusCode()).isEqualTo(403);
  }

  @Test
  void anHtcdsExportByAnAnalystIsForbiddenLikeEveryRoleCheck() throws Exception {
    var r = send("POST", "/api/htcds/exports", "FR", "{\"dpo\":\"fr.dpo\",\"approvalRef\":\"DPO-1\",\"purpose\":\"referral\","
        + "\"recipient\":\"NGO\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
    assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(403);
    assertThat(r.body()).contains("investigator").doesNotContain("X-Mirabella-Roles");
  }

  @Test
  void aParticipantIsToldOnlyTheTargetsAndSubjectsItMayRead() throws Exception {
    for (String agency : List.of("LY", "FR", "IT")) {
      JsonNode d = JSON.readTree(send("GET", "/api/operations/jad-mare-nostrum-2025", agency, null).body());
      Set<String> named = new java.util.TreeSet<>();
      d.get("operation").get("targets").forEach(t -> named.add(t.asText()));
      d.get("tasks").forEach(t -> { if (t.hasNonNull("target")) named.add(t.get("target").asText()); });
      d.get("outcomes").forEach(o -> { if (o.hasNonNull("subject")) named.add(o.get("subject").asText()); });
      for (JsonNode op : JSON.readTree(send("GET", "/api/operations", agency, null).body())) op.get("targets").forEach(t -> named.add(t.asText()));
      assertThat(named).as(agency).isNotEmpty();
      if (agency.equals("IT")) {
        // The lead planned the targets and counts every outcome: it reads the operation whole.
        assertThat(named).contains("it-sco-0001", "ly-aiia-0042", "fr-oltim-0310");
        continue;
      }
      for (String id : named) {
        assertThat(send("GET", "/api/entities/" + id + "?justification=operation", agency, null).statusCode())
            .as("%s is told of %s", agency, id).isEqualTo(200);
      }
      if (agency.equals("LY")) assertThat(named).contains("ly-aiia-0042").doesNotContain("it-sco-0001", "fr-oltim-0310");
    }
  }

  @Test
  void anAgencyMovingOnItsTaskIsNotToldATargetItMayNotRead() throws Exception {
    var task = send("POST", "/api/operations/jad-mare-nostrum-2025/tasks", "IT",
        "{\"agency\":\"LY\",\"kind\":\"arrest\",\"target\":\"it-sco-0001\"}");
    assertThat(task.statusCode()).as(task.body()).isEqualTo(201);
    String id = JSON.readTree(task.body()).get("id").asText();
    assertThat(send("GET", "/api/entities/it-sco-0001?justification=task", "LY", null).statusCode()).isEqualTo(404);
    var moved = send("PUT", "/api/operations/jad-mare-nostrum-2025/tasks/" + id, "LY", "{\"status\":\"in-progress\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(moved.body()).doesNotContain("it-sco-0001");
    assertThat(JSON.readTree(moved.body()).get("status").asText()).isEqualTo("IN_PROGRESS");
    var byLead = send("PUT", "/api/operations/jad-mare-nostrum-2025/tasks/" + id, "IT", "{\"status\":\"done\"}");
    assertThat(JSON.readTree(byLead.body()).get("target").asText()).isEqualTo("it-sco-0001");
  }

  @Test
  void anotherAgencysStepIsForbiddenNotABadRequest() throws Exception {
    // LY takes part in Mare Nostrum, led by IT: the status, IT's tasks and IT's outcomes are not LY's to change.
    var task = send("POST", "/api/operations/jad-mare-nostrum-2025/tasks", "IT", "{\"agency\":\"IT\",\"kind\":\"search\"}");
    String id = JSON.readTree(task.body()).get("id").asText();
    for (var r : List.of(
        send("PUT", "/api/operations/jad-mare-nostrum-2025/status", "LY", "{\"status\":\"cancelled\"}"),
        send("PUT", "/api/operations/jad-mare-nostrum-2025/tasks/" + id, "LY", "{\"status\":\"done\"}"),
        send("POST", "/api/operations/jad-mare-nostrum-2025/outcomes", "LY", "{\"agency\":\"IT\",\"kind\":\"arrest\",\"count\":1}"))) {
      assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isEqualTo(403);
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.get("status").asInt()).isEqualTo(403);
      assertThat(problem.get("errors").size()).as("the field it concerns is named").isPositive();
    }
    // A bad value is still a bad request.
    assertThat(send("POST", "/api/operations/jad-mare-nostrum-2025/outcomes", "LY", "{\"agency\":\"LY\",\"kind\":\"nonsense\"}")
        .statusCode()).isEqualTo(400);
  }

  @Test
  void participantsSeeTheOperationAndOthersGetNotFound() throws Exception {
    JsonNode list = JSON.readTree(send("GET", "/api/operations?period=2025-Q3", "LY", null).body());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asText()).isEqualTo("jad-mare-nostrum-2025");
    assertThat(list.get(0).get("start").asText()).isEqualTo("2025-09-16");
    assertThat(send("GET", "/api/operations/jad-mare-nostrum-2025", "LY", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/operations/jad-mare-nostrum-2025", "US", null).statusCode()).isEqualTo(404);
  }

  @Test
  void fieldChecksInBulkReturnHitsAndTotalsCountEachPersonOnce() throws Exception {
    String body = "{\"checks\":[{\"kind\":\"phone\",\"value\":\"091-2345678\",\"country\":\"ly\",\"checkpoint\":\"Ras Ajdir\"},"
        + "{\"kind\":\"plate\",\"value\":\"LY 123 45\",\"checkpoint\":\"Ras Ajdir\"}]}";
    var r = send("POST", "/api/operations/jad-mare-nostrum-2025/checks", "LY", body);
    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode res = JSON.readTree(r.body());
    assertThat(res.get("checks")).hasSize(2);
    assertThat(res.get("hits").get(0).get("entityId").asText()).isEqualTo("ly-aiia-0042");
    var bad = send("POST", "/api/operations/jad-mare-nostrum-2025/checks", "LY", "{\"checks\":[{\"kind\":\"iban\",\"value\":\"GB00 1\"}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("errors").has("checks[0].value")).isTrue();

    JsonNode totals = JSON.readTree(send("GET", "/api/operations/jad-mare-nostrum-2025/outcomes/totals", "FR", null).body());
    assertThat(totals.get("total").get("counts").get("ARREST").asLong()).isEqualTo(17);
    assertThat(totals.get("byAgency").get("EMSC").get("counts").get("ARREST").asLong()).isEqualTo(1);
  }

  @Test
  void theLeadTriagesAPartnersHitWithoutTheRecordItMayNotRead() throws Exception {
    var r = send("POST", "/api/operations/jad-mare-nostrum-2025/checks", "LY",
        "{\"checks\":[{\"kind\":\"phone\",\"value\":\"091-2345678\",\"country\":\"ly\",\"checkpoint\":\"Ras Ajdir\"}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String hit = JSON.readTree(r.body()).get("hits").get(0).get("id").asText();
    assertThat(send("GET", "/api/entities/ly-aiia-0042?justification=triage", "IT", null).statusCode())
        .as("the lead may not read Libya's record").isEqualTo(404);
    JsonNode asLead = null;
    for (JsonNode h : JSON.readTree(send("GET", "/api/operations/jad-mare-nostrum-2025/hits", "IT", null).body())) {
      if (h.get("id").asText().equals(hit)) asLead = h;
    }
    assertThat(asLead).as("the lead sees the hit").isNotNull();
    assertThat(asLead.get("ownerAgency").asText()).isEqualTo("LY");
    assertThat(asLead.get("caseRef").asText()).isNotBlank();
    assertThat(asLead.get("entityId").isNull()).as("but not the record's id").isTrue();
    assertThat(asLead.get("value").isNull()).as("nor its stored value").isTrue();
    var triaged = send("PUT", "/api/operations/jad-mare-nostrum-2025/hits/" + hit, "IT", "{\"triage\":\"confirmed\"}");
    assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
    assertThat(triaged.body()).doesNotContain("ly-aiia-0042");
    boolean ownerSeesIt = false;
    for (JsonNode h : JSON.readTree(send("GET", "/api/operations/jad-mare-nostrum-2025/hits", "LY", null).body())) {
      if (h.get("id").asText().equals(hit)) ownerSeesIt = "ly-aiia-0042".equals(h.get("entityId").asText());
    }
    assertThat(ownerSeesIt).as("Libya, which checked it on its own record, sees the record").isTrue();
  }

  @Test
  void routesReportAndPdfAnswer() throws Exception {
    JsonNode routes = JSON.readTree(send("GET", "/api/routes?period=2025-Q3", "IT", null).body());
    assertThat(routes.get("flows").toString()).contains("Zuwara").doesNotContain("Dunkirk");
    JsonNode report = JSON.readTree(send("GET", "/api/reports/2025-Q3", "IT", null).body());
    assertThat(report.get("tables").toString()).contains("joint-actions").contains("<5");
    assertThat(send("GET", "/api/reports/2025-Q3?threshold=2", "IT", null).statusCode()).isEqualTo(400);
    var html = send("GET", "/api/reports/2025-Q3/html", "IT", null);
    assertThat(html.body()).contains("<table id=\"joint-actions\"").contains("data:image/png;base64,");
    var pdf = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/reports/2025-Q3/pdf"))
        .header("Authorization", "Bearer " + token("it.analyst")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(send("GET", "/api/reports/2025-Q3/csv/hotspots", "IT", null).body()).startsWith("Kind,Place,Country,Events,Persons");
    // Aggregates of case data too: each read is audited with its period and form.
    var reads = db.jdbi().withHandle(h -> h.createQuery("SELECT username || ':' || action || ':' || object || ':' || detail FROM audit_log "
        + "WHERE action IN ('routes.read', 'report.read') AND username = 'it.analyst' ORDER BY seq").mapTo(String.class).list());
    assertThat(reads).first().asString().startsWith("it.analyst:routes.read:2025-Q3:").contains(" flows, ");
    assertThat(reads).contains("it.analyst:report.read:2025-Q3:json", "it.analyst:report.read:2025-Q3:html",
        "it.analyst:report.read:2025-Q3:pdf", "it.analyst:report.read:2025-Q3:csv hotspots");
  }
}
