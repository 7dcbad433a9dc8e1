package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.hits.ScoredPair;
import org.mirabella.http.Api;

/**
 * Every HTTP route the server has (found from the server itself, so a new route is swept
 * without anyone remembering to), called by users of every tier who must not see LY's H2 record,
 * FR's victim record or DE's H1 record, with every path parameter set to those records' ids, their
 * hits' references and their cases. No response may hold any of their values, and no hit view may
 * name the protected entity.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LeakSweepTest {
  static TestServer s;
  static final List<String> HIT_REFS = new ArrayList<>();
  static final String LY_PHONE_ORIGINAL = "091-2345678";

  /** Secret value → who must never see it (owners and agencies it was disclosed to are left out). */
  static final Map<String, List<String>> SECRETS = new LinkedHashMap<>();
  /** Entities nothing of which was released: no hit view may name them. (LY released UK a nationality, which names its record to UK.) */
  static final Map<String, String> OWNER_ENTITY = Map.of(TestServer.DE_H1_NAME, "de-bka-7781", TestServer.FR_VICTIM_NAME, "fr-oltim-0310");

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start();
    List<String> everyOutsider = List.of("uk.analyst", "uk.victims", "ca.analyst", "tn.analyst", "tn.coordinator",
        "emsc.analyst", "emsc.dpo", "it.admin");
    SECRETS.put(TestServer.LY_H2_NAME, everyOutsider);
    SECRETS.put(LY_PHONE_ORIGINAL, everyOutsider);
    SECRETS.put(TestServer.DE_H1_NAME, everyOutsider);
    List<String> victimOutsiders = new ArrayList<>(everyOutsider);
    victimOutsiders.addAll(List.of("it.analyst", "ly.victims", "ly.analyst", "it.dpo"));
    SECRETS.put(TestServer.FR_VICTIM_NAME, victimOutsiders);

    HitStore hits = new HitStore(s.db, new JdbcAuditLog(s.db));
    for (String[] p : new String[][] {{"ly-aiia-0042", "uk-nca-5522"}, {"fr-oltim-0310", "uk-nca-5521"},
        {"de-bka-7781", "uk-nca-5523"}, {"fr-oltim-0310", "it-sco-0001"}, {"ly-aiia-0042", "it-sco-0002"}}) {
      HIT_REFS.add(hits.record(new ScoredPair(p[0], p[1], 0.97, ScoredPair.Band.HIGH, Set.of("name", "phone"), "v1")).orElseThrow().ref());
    }
    // A pending request from UK: asking is not receiving.
    s.postAs("uk.analyst", "/api/hits/" + HIT_REFS.get(0) + "/requests", "{\"justification\":\"same phone\"}");
    // A partial release: LY gives UK the nationality only; the name stays LY's.
    var asked = s.postAs("uk.analyst", "/api/hits/" + HIT_REFS.get(0) + "/requests", "{\"justification\":\"nationality?\"}");
    long id = org.mirabella.model.json.EntityJson.mapper().readTree(asked.body()).get("id").asLong();
    s.postAs("ly.analyst", "/api/hits/" + HIT_REFS.get(0) + "/requests/" + id + "/answer",
        "{\"decision\":\"part\",\"properties\":[\"nationality\"],\"reason\":\"nationality only\"}");
    // Justifications and messages by the owners, naming the data subject, must not reach outsiders either.
    s.getAs("ly.analyst", "/api/entities/ly-aiia-0042?justification=" + TestServer.q("checking " + TestServer.LY_H2_NAME));
    // A message about the victim is marked as such by its author, and then shielded like the record.
    s.postAs("fr.analyst", "/api/cases/FR/FR-OLTIM-2025-021/messages", "{\"body\":\"" + TestServer.FR_VICTIM_NAME
        + " is safe\",\"victimProtection\":true}");
    s.postAs("fr.analyst", "/api/cases/FR/FR-OLTIM-2025-021/messages", "{\"body\":\"Shelter moved\"}");
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static List<String> values(String param) {
    return switch (param) {
      case "id" -> List.of("ly-aiia-0042", "fr-oltim-0310", "de-bka-7781", "1", "2");
      case "ref" -> {
        List<String> out = new ArrayList<>(HIT_REFS);
        out.addAll(List.of("LY-AIIA-2024-09", "FR-OLTIM-2025-021", "DE-BKA-ST-3312"));
        yield out;
      }
      case "agency" -> List.of("LY", "FR", "DE");
      case "name" -> List.of("Person");
      // Joint actions, routes and reports (issue 9); operation ids go through {id} above.
      case "task", "hit" -> List.of("1");
      case "period" -> List.of("2024");
      case "table" -> List.of("hotspots");
      // Network exports (issue 7).
      case "format" -> List.of("graphml", "ftm");
      default -> throw new IllegalStateException("LeakSweepTest does not know the path parameter {" + param + "}: add values for it");
    };
  }

  /** The route's path with every combination of parameter values (first values combined, to keep it small). */
  static List<String> paths(String template) {
    List<String> out = new ArrayList<>(List.of(template));
    var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
    while (m.find()) {
      List<String> next = new ArrayList<>();
      for (String p : out) for (String v : values(m.group(1))) next.add(p.replace("{" + m.group(1) + "}", v));
      out = next;
    }
    return out;
  }

  static final String BODY = "{\"justification\":\"sweep\",\"decision\":\"all\",\"reason\":\"sweep\",\"judgement\":\"unsure\","
      + "\"body\":\"sweep\",\"outcome\":\"retain\",\"properties\":[\"name\"]}";

  @Test
  void noRouteShowsProtectedDataToAnyOutsider() throws Exception {
    int calls = 0;
    for (Api.Route route : s.server.api().routes()) {
      if (route.path().equals("/api/logout") || route.path().equals("/api/login")) continue;
      for (String path : paths(route.path())) {
        for (var secret : SECRETS.entrySet()) {
          List<String> queries = route.method() == HandlerType.GET
              ? List.of("", "?justification=sweep&limit=500&within=3650", "?justification=sweep&q=" + TestServer.q(secret.getKey()))
              : List.of("");
          for (String query : queries) {
            for (String user : secret.getValue()) {
              // Writes only by users of agencies that own none of the secrets: an owner answering a
              // request would be a legitimate release, not a leak.
              if (route.method() != HandlerType.GET && !SECRETS.get(TestServer.LY_H2_NAME).contains(user)) continue;
              HttpResponse<String> r = route.method() == HandlerType.GET
                  ? s.getAs(user, path + query, "X-Justification", "sweep")
                  : s.postAs(user, path, BODY, "X-Justification", "sweep");
              calls++;
              assertThat(r.body()).as("%s %s as %s", route.method(), path + query, user).doesNotContain(secret.getKey());
              if (path.startsWith("/api/hits") && r.statusCode() == 200 && OWNER_ENTITY.containsKey(secret.getKey())) {
                assertThat(r.body()).as("%s %s as %s", route.method(), path, user)
                    .doesNotContain("\"otherEntity\":\"" + OWNER_ENTITY.get(secret.getKey()) + "\"");
              }
            }
          }
        }
      }
    }
    assertThat(calls).isGreaterThan(500);
    long released = s.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dissemination").mapTo(Long.class).one());
    assertThat(released).as("nothing but LY's nationality was released").isEqualTo(1);
    assertThat(s.context.entities().find("ly-aiia-0042")).isPresent();
    assertThat(s.context.entities().find("fr-oltim-0310")).isPresent();
  }

  /**
   * UK, which was released LY's nationality only, must not find LY's record by the name LY kept.
   * Runs last: the searches it makes are audited with their query text, which the searching
   * agency's DPO may read in the trail (their own users' queries), and the route sweep would take
   * that for a leak.
   */
  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void searchingAWithheldValueFindsNothing() throws Exception {
    for (var secret : SECRETS.entrySet()) {
      for (String user : secret.getValue()) {
        var r = s.getAs(user, "/api/search?justification=sweep&q=" + TestServer.q(secret.getKey()));
        if (r.statusCode() != 200) continue;
        assertThat(r.body()).as("search for %s as %s", secret.getKey(), user).doesNotContain("\"id\":\"ly-aiia-0042\"",
            "\"id\":\"fr-oltim-0310\"", "\"id\":\"de-bka-7781\"");
      }
    }
  }

  @Test
  void theSweepCanFail() throws Exception {
    // The owner does see its own values through the same routes: the sweep's assertion is not vacuous.
    assertThat(s.getAs("ly.analyst", "/api/entities/ly-aiia-0042", "X-Justification", "sweep").body()).contains(TestServer.LY_H2_NAME);
    assertThat(s.getAs("it.victims", "/api/entities/fr-oltim-0310", "X-Justification", "sweep").body()).contains(TestServer.FR_VICTIM_NAME);
    assertThat(s.getAs("fr.analyst", "/api/cases/FR/FR-OLTIM-2025-021/messages").body()).contains(TestServer.FR_VICTIM_NAME);
    assertThat(s.getAs("it.victims", "/api/cases/FR/FR-OLTIM-2025-021/messages").body()).contains(TestServer.FR_VICTIM_NAME);
    assertThat(s.getAs("it.analyst", "/api/cases/FR/FR-OLTIM-2025-021/messages").body()).contains("Shelter moved");
  }
}
