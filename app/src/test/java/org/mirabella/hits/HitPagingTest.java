package org.mirabella.hits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.TestServer;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.ScoredPair.Band;
import org.mirabella.model.json.EntityJson;

/** {@code GET /api/hits} pages: limit/offset, newest first, the total in X-Total-Count, bad bounds refused. */
class HitPagingTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start();
    HitStore hits = new HitStore(s.db, new JdbcAuditLog(s.db));
    List<String> others = s.db.jdbi().withHandle(h -> h.createQuery(
        "SELECT id FROM entity WHERE agency <> 'UK' AND category <> 'VICTIM' ORDER BY id").mapTo(String.class).list());
    for (String uk : List.of("uk-nca-5521", "uk-nca-5522", "uk-nca-5523")) {
      for (String other : others) hits.record(new ScoredPair(uk, other, 0.9, Band.HIGH, Set.of("name"), "logic-v1"));
    }
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static List<String> refs(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode h : EntityJson.mapper().readTree(r.body())) out.add(h.get("ref").asText());
    return out;
  }

  @Test
  void pagesTogetherAreTheWholeListAndCarryTheTotal() throws Exception {
    HttpResponse<String> all = s.getAs("uk.analyst", "/api/hits?limit=500");
    List<String> every = refs(all);
    assertThat(every.size()).as("enough hits for several pages").isGreaterThan(7);
    assertThat(all.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(every.size()));
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < every.size(); offset += 3) {
      HttpResponse<String> page = s.getAs("uk.analyst", "/api/hits?limit=3&offset=" + offset);
      assertThat(page.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(every.size()));
      List<String> got = refs(page);
      assertThat(got).hasSize(Math.min(3, every.size() - offset));
      paged.addAll(got);
    }
    assertThat(paged).isEqualTo(every);
    assertThat(refs(s.getAs("uk.analyst", "/api/hits?offset=" + every.size()))).isEmpty();
    // Another agency's inbox is its own: none of UK's hits that do not involve it.
    assertThat(s.getAs("ca.analyst", "/api/hits").headers().firstValue("X-Total-Count")).hasValue("0");
  }

  @Test
  void theDefaultPageIsFiftyAndBadBoundsAreRefused() throws Exception {
    HttpResponse<String> first = s.getAs("uk.analyst", "/api/hits");
    int total = Integer.parseInt(first.headers().firstValue("X-Total-Count").orElseThrow());
    assertThat(refs(first)).hasSize(Math.min(total, HitRoutes.DEFAULT_PAGE));
    for (String bad : List.of("limit=0", "limit=501", "offset=-1", "limit=ten")) {
      HttpResponse<String> r = s.getAs("uk.analyst", "/api/hits?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
    }
  }
}
