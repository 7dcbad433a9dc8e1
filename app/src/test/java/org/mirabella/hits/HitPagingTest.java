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

/**
 * {@code GET /api/hits} pages: limit/offset, newest first, the total in X-Total-Count, bad bounds
 * refused; the {@code show} filter applies before paging, so its total and pages cover every hit.
 */
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

  @Test
  void theStatusFilterAppliesToEveryHitNotToOnePage() throws Exception {
    // Judge and request on hits spread over several pages of 3 (the filter used to see one page only).
    List<Hit> uk = new Exchange(s.db, s.context.entities(), new HitStore(s.db, new JdbcAuditLog(s.db)),
        org.mirabella.access.AccessControl.of(s.db), new JdbcAuditLog(s.db), java.time.Duration.ofHours(48))
        .visibleHits(org.mirabella.access.Viewer.of("uk.analyst", "UK", org.mirabella.access.Role.ANALYST));
    assertThat(uk.size()).isGreaterThan(9);
    var audit = new JdbcAuditLog(s.db);
    var store = new HitStore(s.db, audit);
    var access = org.mirabella.access.AccessControl.of(s.db);
    Exchange exchange = new Exchange(s.db, s.context.entities(), store, access, audit, java.time.Duration.ofHours(48));
    Exchange late = new Exchange(s.db, s.context.entities(), store, access, audit, java.time.Duration.ofSeconds(-1));
    var ukAnalyst = org.mirabella.access.Viewer.of("uk.analyst", "UK", org.mirabella.access.Role.ANALYST);
    exchange.judge(ukAnalyst, uk.get(1), Judgement.CONFIRMED, "same passport");
    exchange.judge(ukAnalyst, uk.get(uk.size() - 1), Judgement.CONFIRMED, "same phone");
    exchange.judge(ukAnalyst, uk.get(5), Judgement.REJECTED, "different birth year");
    exchange.judge(ukAnalyst, uk.get(7), Judgement.UNSURE, "ask");
    for (Hit h : List.of(uk.get(2), uk.get(uk.size() - 2))) {
      var other = org.mirabella.access.Viewer.of("x." + h.otherAgency("UK"), h.otherAgency("UK"), org.mirabella.access.Role.ANALYST);
      exchange.request(other, h, "same man?");
    }
    late.request(ukAnalyst, uk.get(8), "outgoing, overdue");

    List<JsonNode> every = new ArrayList<>();
    EntityJson.mapper().readTree(s.getAs("uk.analyst", "/api/hits?limit=500").body()).forEach(every::add);
    java.util.Map<String, java.util.function.Predicate<JsonNode>> filters = new java.util.LinkedHashMap<>();
    filters.put("all", x -> true);
    filters.put("open", x -> x.get("judgement").isNull());
    filters.put("confirmed", x -> "confirmed".equals(x.get("judgement").asText()));
    filters.put("rejected", x -> "rejected".equals(x.get("judgement").asText()));
    filters.put("unsure", x -> "unsure".equals(x.get("judgement").asText()));
    filters.put("incoming", x -> x.get("pendingIncoming").asInt() > 0);
    filters.put("overdue", x -> x.get("overdue").asBoolean());
    java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
    for (var f : filters.entrySet()) {
      List<String> expected = every.stream().filter(f.getValue()).map(x -> x.get("ref").asText()).toList();
      sizes.put(f.getKey(), expected.size());
      List<String> paged = new ArrayList<>();
      for (int offset = 0; offset < Math.max(1, expected.size()); offset += 3) {
        HttpResponse<String> page = s.getAs("uk.analyst", "/api/hits?limit=3&show=" + f.getKey() + "&offset=" + offset);
        assertThat(page.headers().firstValue("X-Total-Count")).as(f.getKey()).hasValue(Integer.toString(expected.size()));
        paged.addAll(refs(page));
      }
      assertThat(paged).as(f.getKey()).isEqualTo(expected);
    }
    assertThat(sizes.get("confirmed")).isEqualTo(2);
    assertThat(sizes.get("rejected")).isEqualTo(1);
    assertThat(sizes.get("unsure")).isEqualTo(1);
    assertThat(sizes.get("incoming")).isEqualTo(2);
    assertThat(sizes.get("overdue")).isEqualTo(1);
    assertThat(sizes.get("open")).isEqualTo(sizes.get("all") - 4);
    HttpResponse<String> bad = s.getAs("uk.analyst", "/api/hits?show=pending");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("show");
  }

  @Test
  void oneRecordsHitsAreFilteredBeforePaging() throws Exception {
    // uk-nca-5523's hits, wherever they fall in the inbox (a record's profile lists them).
    List<String> expected = new ArrayList<>();
    for (JsonNode h : EntityJson.mapper().readTree(s.getAs("uk.analyst", "/api/hits?limit=500").body())) {
      if ("uk-nca-5523".equals(h.get("ownEntity").asText())) expected.add(h.get("ref").asText());
    }
    assertThat(expected).as("hits of uk-nca-5523 in the inbox").hasSizeGreaterThan(3);
    HttpResponse<String> first = s.getAs("uk.analyst", "/api/hits?limit=2&entity=uk-nca-5523");
    assertThat(first.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(expected.size()));
    assertThat(refs(s.getAs("uk.analyst", "/api/hits?limit=500&entity=uk-nca-5523"))).isEqualTo(expected);
    // The other side's record, or one the viewer does not know, selects nothing: ids cannot be probed.
    String other = EntityJson.mapper().readTree(s.getAs("uk.analyst", "/api/hits?limit=1&entity=uk-nca-5523").body())
        .get(0).get("ref").asText();
    String otherEntity = new HitStore(s.db, new JdbcAuditLog(s.db)).find(other).orElseThrow().otherEntity("UK");
    HttpResponse<String> probe = s.getAs("uk.analyst", "/api/hits?entity=" + otherEntity);
    assertThat(refs(probe)).isEmpty();
    assertThat(probe.headers().firstValue("X-Total-Count")).hasValue("0");
    // Either side of a hit is found by its record through an index (V73 for the right side).
    String plan = s.db.jdbi().withHandle(x -> x.createQuery("EXPLAIN SELECT COUNT(*) FROM hit h WHERE h.right_agency = 'UK' "
        + "AND h.right_entity = 'uk-nca-5523'").mapTo(String.class).one());
    assertThat(plan.toUpperCase(java.util.Locale.ROOT)).contains("HIT_RIGHT_ENTITY");
  }
}
