package org.mirabella.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.TestServer;
import org.mirabella.actions.JointActionDemo;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.hits.ScoredPair;
import org.mirabella.model.Model;

/**
 * The served OpenAPI document against what a real server on 127.0.0.1 answers (TestServer's case
 * file with the joint-action demo and one hit): for a request to every route, the status is one the
 * operation documents, the content type one its response lists, and a JSON answer has the
 * documented shape (types, nulls, enums, dates).
 */
class OpenApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer s;
  private static String hitRef;

  @BeforeAll
  static void start() {
    s = TestServer.start();
    JointActionDemo.load(s.db, s.context.entities(), Model.get());
    hitRef = new HitStore(s.db, new JdbcAuditLog(s.db)).record(new ScoredPair("it-sco-0001", "ly-aiia-0042", 0.9, ScoredPair.Band.HIGH,
        Set.of("name"), "logic-v1")).orElseThrow().ref();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
    String[] why = {"X-Justification", "contract test"};
    String token = user == null ? null : s.token(user);
    return switch (method) {
      case "GET" -> s.get(token, path, why);
      case "POST" -> s.post(token, path, body, why);
      default -> throw new IllegalArgumentException(method);
    };
  }

  @Test
  void everyAnswerHasAStatusContentTypeAndShapeTheDocumentNames() throws Exception {
    OpenApiDocument doc = new OpenApiDocument(JSON.readTree(send("GET", "/api/openapi.json", null, null).body()));
    String set = "{\"entities\":[\"it-sco-0001\",\"it-sco-0002\",\"ly-aiia-0042\"]";
    String op = "/api/operations/jad-mare-nostrum-2025";
    List<String[]> requests = new ArrayList<>(List.of(
        new String[] {"GET", "/api/health", null}, new String[] {"GET", "/api/ready", null}, new String[] {"GET", "/api/metrics", "it.analyst"},
        new String[] {"GET", "/api/schemata", "it.analyst"}, new String[] {"GET", "/api/schemata/Person", "it.analyst"},
        new String[] {"GET", "/api/schemata/Nothing", "it.analyst"}, new String[] {"GET", "/api/agencies", "it.analyst"},
        new String[] {"GET", "/api/me", "it.analyst"}, new String[] {"GET", "/api/entities?limit=100", "it.analyst"},
        new String[] {"GET", "/api/entities?limit=0", "it.analyst"}, new String[] {"GET", "/api/entities/it-sco-0001", "it.analyst"},
        new String[] {"GET", "/api/entities/it-sco-0001/merged", "it.analyst"}, new String[] {"GET", "/api/entities/nobody", "it.analyst"},
        new String[] {"GET", "/api/audit", "it.analyst"}, new String[] {"GET", "/api/audit?limit=20", "it.dpo"},
        new String[] {"GET", "/api/audit?from=yesterday", "it.dpo"}, new String[] {"GET", "/api/hits", "it.analyst"},
        new String[] {"GET", "/api/hits?show=later", "it.analyst"}, new String[] {"GET", "/api/hits/" + hitRef, "it.analyst"},
        new String[] {"GET", "/api/hits/HIT-NOTHING", "it.analyst"}, new String[] {"GET", "/api/reviews?within=3650", "it.analyst"},
        new String[] {"GET", "/api/operations", "it.analyst"}, new String[] {"GET", op, "it.analyst"},
        new String[] {"GET", op + "/outcomes/totals", "it.analyst"}, new String[] {"GET", op + "/checks", "it.analyst"},
        new String[] {"GET", op + "/hits", "it.analyst"}, new String[] {"GET", "/api/routes?period=2025-Q3", "it.analyst"},
        new String[] {"GET", "/api/reports/2025-Q3", "it.analyst"}, new String[] {"GET", "/api/reports/2025-Q3/html", "it.analyst"},
        new String[] {"GET", "/api/reports/2025-Q3/pdf", "it.analyst"}, new String[] {"GET", "/api/reports/2025-Q3/csv/joint-actions", "it.analyst"},
        new String[] {"GET", "/api/htcds/exports", "it.analyst"}, new String[] {"GET", "/api/cases/IT/IT-SCO-2024-117/messages", "it.analyst"},
        new String[] {"GET", "/api/network/entities/it-sco-0001/neighbourhood?hops=2", "it.analyst"},
        new String[] {"GET", "/api/network/cases/IT/IT-SCO-2024-117", "it.analyst"}, new String[] {"GET", "/api/network/all", "it.analyst"},
        new String[] {"GET", "/api/network/path?from=it-sco-0001&to=it-sco-0002", "it.analyst"},
        new String[] {"GET", "/api/network/operations/jad-mare-nostrum-2025", "it.analyst"},
        new String[] {"GET", "/api/map/events", "it.analyst"}, new String[] {"GET", "/api/search?q=Mohamed", "it.analyst"},
        new String[] {"POST", "/api/network/graph", "it.analyst", set + "}"},
        new String[] {"POST", "/api/network/measures", "it.analyst", set + ",\"measure\":\"degree\"}"},
        new String[] {"POST", "/api/network/communities", "it.analyst", set + "}"},
        new String[] {"POST", "/api/network/disruption", "it.analyst", set + "}"},
        new String[] {"POST", "/api/htcds/exports", "it.analyst", "{\"dpo\":\"d\",\"approvalRef\":\"a\",\"purpose\":\"p\",\"recipient\":\"r\"}"},
        new String[] {"POST", "/api/imports", "it.dpo", "{}"}, new String[] {"POST", "/api/imports", null, "{}"}));
    for (String format : List.of("graphml", "gexf", "csv", "csv-nodes", "ftm", "anx")) {
      requests.add(new String[] {"GET", "/api/network/export/" + format + "?entity=it-sco-0001&entity=it-sco-0002", "it.analyst"});
    }
    // One line per place: "[3]" and "[7]" of a list are the same place in the document.
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    for (String[] r : requests) {
      HttpResponse<String> res = send(r[0], r[1], r[2], r.length > 3 ? r[3] : null);
      String what = r[0] + " " + r[1] + " as " + r[2] + " → " + res.statusCode();
      JsonNode operation = doc.operation(r[0], r[1].replaceAll("\\?.*", ""));
      assertThat(operation).as(what + ": no documented operation").isNotNull();
      JsonNode documented = doc.response(operation, res.statusCode());
      if (documented == null) {
        problems.put(what, what + ": status not documented (" + names(operation.path("responses")) + ")");
        continue;
      }
      JsonNode content = documented.get("content");
      if (content == null) continue;
      String type = res.headers().firstValue("content-type").orElse("").replaceAll(";.*", "").strip().toLowerCase(Locale.ROOT);
      if (!content.has(type)) {
        problems.put(what, what + ": content type " + type + " not documented (" + names(content) + ")");
        continue;
      }
      if ((type.equals("application/json") || type.endsWith("+json")) && content.get(type).has("schema")) {
        for (String p : doc.problems(JSON.readTree(res.body()), content.get(type).get("schema"))) {
          problems.putIfAbsent(r[0] + " " + r[1].replaceAll("\\?.*", "") + " " + p.substring(0, p.indexOf(':')).replaceAll("\\[\\d+]", "[*]"),
              what + ": " + p);
        }
      }
    }
    assertThat(problems.values()).as(String.join("\n", problems.values())).isEmpty();
  }

  @Test
  void everyDocumentedBoundOfAWholeNumberParameterIsTheServersBound() throws Exception {
    JsonNode doc = JSON.readTree(send("GET", "/api/openapi.json", null, null).body());
    OpenApiDocument api = new OpenApiDocument(doc);
    Map<String, String> fill = Map.of("{id}", "it-sco-0001", "{period}", "2025-Q3", "{table}", "joint-actions");
    Map<String, String> needs = Map.of("/api/search", "q=x&", "/api/network/path", "from=it-sco-0001&to=it-sco-0002&");
    List<String> problems = new ArrayList<>();
    for (var p : (Iterable<Map.Entry<String, JsonNode>>) doc.get("paths")::fields) {
      JsonNode get = p.getValue().get("get");
      if (get == null) continue;
      String path = p.getKey().startsWith("/api/network/operations/") ? p.getKey().replace("{id}", "jad-mare-nostrum-2025") : p.getKey();
      for (var f : fill.entrySet()) path = path.replace(f.getKey(), f.getValue());
      for (JsonNode param : get.path("parameters")) {
        param = api.resolved(param);
        JsonNode schema = param.path("schema");
        if (!param.path("in").asText().equals("query") || !schema.path("type").asText().equals("integer")) continue;
        Map<Long, Boolean> tries = new java.util.LinkedHashMap<>(); // value -> whether the document allows it
        if (schema.has("maximum")) {
          tries.put(schema.get("maximum").asLong(), true);
          tries.put(schema.get("maximum").asLong() + 1, false);
        } else {
          tries.put(1_000_000L, true);
        }
        if (schema.has("minimum")) {
          tries.put(schema.get("minimum").asLong(), true);
          tries.put(schema.get("minimum").asLong() - 1, false);
        }
        for (var t : tries.entrySet()) {
          String uri = path + "?" + needs.getOrDefault(p.getKey(), "") + param.get("name").asText() + "=" + t.getKey();
          int status = send("GET", uri, p.getKey().equals("/api/audit") ? "it.dpo" : "it.analyst", null).statusCode();
          if ((status == 400) == t.getValue()) problems.add(uri + " → " + status + ", but the document " + (t.getValue() ? "allows" : "refuses") + " it");
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
