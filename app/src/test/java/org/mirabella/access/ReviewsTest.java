package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.hits.ScoredPair;
import org.mirabella.model.json.EntityJson;

class ReviewsTest {
  static TestServer s;
  static final String[] WHY = {"X-Justification", "review"};

  @BeforeAll
  static void start() {
    s = TestServer.start();
    s.db.jdbi().useHandle(h -> h.execute("UPDATE entity SET review_date = DATE '2020-01-01' WHERE id IN "
        + "('it-sco-0001', 'it-sco-0002', 'ly-aiia-0042', 'uk-nca-5521')"));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(String body) throws Exception {
    return EntityJson.mapper().readTree(body);
  }

  @Test
  void theQueueGivesReviewDatesAsIsoDaysAsDocumented() throws Exception {
    var queue = json(s.getAs("it.analyst", "/api/reviews").body());
    assertThat(queue.size()).isPositive();
    for (var due : queue) {
      assertThat(due.get("reviewDate").isTextual()).as(due.toString()).isTrue();
      assertThat(java.time.LocalDate.parse(due.get("reviewDate").asText())).isBeforeOrEqualTo(TestServer.today());
    }
  }

  @Test
  void theQueueHoldsOnlyTheAgencysOwnDueRecordsWithoutPersonalData() throws Exception {
    var r = s.getAs("it.analyst", "/api/reviews");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("it-sco-0002").doesNotContain("ly-aiia-0042", "uk-nca-5521", TestServer.IT_NAME);
    assertThat(json(s.getAs("it.analyst", "/api/reviews?within=30").body()).isArray()).isTrue();
    assertThat(s.getAs("it.analyst", "/api/reviews?within=5000").statusCode()).isEqualTo(400);
    assertThat(json(s.getAs("tn.analyst", "/api/reviews").body()).size()).isZero();
    assertThat(s.getAs("it.admin", "/api/reviews").statusCode()).isEqualTo(403);
  }

  @Test
  void retainingRestartsTheCategorysClock() throws Exception {
    var r = s.postAs("it.analyst", "/api/reviews/it-sco-0002", "{\"outcome\":\"retain\",\"reason\":\"vessel still in use\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r.body()).get("nextReview").asText()).isEqualTo(LocalDate.now().plusYears(1).toString());
    assertThat(s.getAs("it.analyst", "/api/reviews").body()).doesNotContain("it-sco-0002");
  }

  @Test
  void onlyTheOwnerReviewsAndOthersGet404() throws Exception {
    assertThat(s.postAs("uk.analyst", "/api/reviews/ly-aiia-0042", "{\"outcome\":\"erase\",\"reason\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(s.postAs("it.analyst", "/api/reviews/ly-aiia-0042", "{\"outcome\":\"erase\",\"reason\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(s.postAs("it.analyst", "/api/reviews/it-sco-0001", "{\"outcome\":\"shred\",\"reason\":\"x\"}").statusCode()).isEqualTo(400);
    assertThat(s.context.entities().find("ly-aiia-0042")).isPresent();
  }

  @Test
  void erasureRemovesStoreHitsAndReleasesAndLeavesAnAuditRecordWithoutPersonalData() throws Exception {
    HitStore hits = new HitStore(s.db, new JdbcAuditLog(s.db));
    var hit = hits.record(new ScoredPair("uk-nca-5521", "de-bka-7781", 0.9, ScoredPair.Band.HIGH, Set.of("name"), "v1")).orElseThrow();
    List<String> erased = new ArrayList<>();
    Reviews reviews = new Reviews(s.db, s.context.entities(), new JdbcAuditLog(s.db), ReviewClocks.defaults()).onErasure(erased::add);
    var removed = reviews.erase(Viewer.of("uk.analyst", "UK", Role.ANALYST), "uk-nca-5521", "failed review: no longer needed");
    assertThat(removed).isPresent();
    assertThat(removed.get().get("hits")).isEqualTo(1);
    assertThat(erased).containsExactly("uk-nca-5521");
    assertThat(s.context.entities().find("uk-nca-5521")).isEmpty();
    assertThat(hits.find(hit.ref())).isEmpty();
    assertThat(s.getAs("uk.analyst", "/api/entities/uk-nca-5521", WHY).statusCode()).isEqualTo(404);
    assertThat(s.getAs("it.analyst", "/api/entities/uk-nca-5521", WHY).statusCode()).isEqualTo(404);
    long left = s.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM statement WHERE entity_id = 'uk-nca-5521'")
        .mapTo(Long.class).one());
    assertThat(left).isZero();
    String trail = s.db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM audit_log WHERE object = 'uk-nca-5521'")
        .mapToMap().list().toString());
    assertThat(trail).contains("review.erase", "Person, suspect").doesNotContain("Muhammad Abdul Rahman", "+218");
    assertThat(new JdbcAuditLog(s.db).verify().intact()).isTrue();
  }

  @Test
  void erasureOverHttp() throws Exception {
    assertThat(s.context.search().ids()).contains("it-sco-0003");
    var r = s.postAs("it.analyst", "/api/reviews/it-sco-0003", "{\"outcome\":\"erase\",\"reason\":\"failed review\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r.body()).get("removed").get("entities").asInt()).isEqualTo(1);
    assertThat(s.getAs("it.analyst", "/api/entities/it-sco-0003").statusCode()).isEqualTo(404);
    assertThat(s.context.search().ids()).as("erased from the search index too").doesNotContain("it-sco-0003");
  }
}
