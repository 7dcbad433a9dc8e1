package org.mirabella.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.TestServer;
import org.mirabella.model.json.EntityJson;

/** {@code GET /api/audit}: DPOs only, each sees its own agency's users and data, queries are audited. */
class AuditRoutesTest {
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start();
    s.getAs("it.analyst", "/api/entities/it-sco-0001", "X-Justification", "IT case 117");
    s.getAs("it.analyst", "/api/entities/de-bka-7781", "X-Justification", "JIT with DE");
    s.getAs("fr.analyst", "/api/entities/fr-oltim-0310", "X-Justification", "FR victim file");
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(String body) throws Exception {
    return EntityJson.mapper().readTree(body);
  }

  @Test
  void onlyDpoReadsTheTrail() throws Exception {
    assertThat(s.getAs("it.analyst", "/api/audit").statusCode()).isEqualTo(403);
    assertThat(s.getAs("it.admin", "/api/audit").statusCode()).isEqualTo(403);
    assertThat(s.getAs("it.dpo", "/api/audit").statusCode()).isEqualTo(200);
  }

  @Test
  void aDpoSeesItsAgencysUsersAndItsAgencysDataOnly() throws Exception {
    JsonNode it = json(s.getAs("it.dpo", "/api/audit?limit=1000").body());
    assertThat(it.toString()).contains("IT case 117", "JIT with DE").doesNotContain("FR victim file");
    JsonNode de = json(s.getAs("fr.dpo", "/api/audit?entity=fr-oltim-0310").body());
    assertThat(de.get(0).get("justification").asText()).isEqualTo("FR victim file");
    assertThat(de.get(0).get("hash").asText()).hasSize(64);
    // What IT users did with DE data is IT business too: IT's DPO sees it, by user and entity.
    JsonNode byUser = json(s.getAs("it.dpo", "/api/audit?user=it.analyst&entity=de-bka-7781").body());
    assertThat(byUser.size()).isEqualTo(1);
    assertThat(byUser.get(0).get("objectAgency").asText()).isEqualTo("DE");
    assertThat(json(s.getAs("it.dpo", "/api/audit?user=fr.analyst").body()).size()).isZero();
  }

  @Test
  void periodFiltersAndBadParameters() throws Exception {
    String today = LocalDate.now().toString();
    assertThat(json(s.getAs("it.dpo", "/api/audit?from=" + today + "&to=" + today).body()).size()).isPositive();
    assertThat(json(s.getAs("it.dpo", "/api/audit?to=2000-01-01").body()).size()).isZero();
    assertThat(s.getAs("it.dpo", "/api/audit?from=yesterday").statusCode()).isEqualTo(400);
    assertThat(s.getAs("it.dpo", "/api/audit?limit=lots").statusCode()).isEqualTo(400);
    assertThat(s.getAs("it.dpo", "/api/audit?user=" + TestServer.q("x' OR '1'='1")).statusCode()).isEqualTo(200);
    assertThat(json(s.getAs("it.dpo", "/api/audit?user=" + TestServer.q("x' OR '1'='1")).body()).size()).isZero();
  }

  @Test
  void aLimitOutsideOneToTenThousandIsAProblemNamingItNotSilentlyChanged() throws Exception {
    for (String limit : new String[] {"-5", "0", "10001", "2147483648"}) {
      var r = s.getAs("it.dpo", "/api/audit?limit=" + limit);
      assertThat(r.statusCode()).as(limit + " " + r.body()).isEqualTo(400);
      assertThat(json(r.body()).get("errors").get("limit").asText()).as(limit).contains("1 to 10000");
    }
    assertThat(json(s.getAs("it.dpo", "/api/audit?limit=1").body()).size()).isEqualTo(1);
  }

  @Test
  void theQueryIsItselfAuditedAndTheTrailStaysIntact() throws Exception {
    s.getAs("it.dpo", "/api/audit?user=it.analyst", "X-Justification", "complaint 2026-17");
    JsonNode own = json(s.getAs("it.dpo", "/api/audit?user=it.dpo").body());
    assertThat(own.toString()).contains("audit.query", "complaint 2026-17");
    assertThat(new JdbcAuditLog(s.db).verify().intact()).isTrue();
  }
}
