package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mirabella.access.TestServer.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.model.json.EntityJson;

class EntityRoutesTest {
  static TestServer s;
  static final String[] WHY = {"X-Justification", "IT-SCO-2024-117: identify the boat pilot"};

  @BeforeAll
  static void start() {
    s = TestServer.start();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(String body) throws Exception {
    return EntityJson.mapper().readTree(body);
  }

  @Test
  void ownerReadsOwnEntityWithMarkingsAndJustificationIsAudited() throws Exception {
    var r = s.getAs("it.analyst", "/api/entities/it-sco-0001", WHY);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode e = json(r.body());
    assertThat(e.get("schema").asText()).isEqualTo("Person");
    assertThat(e.get("properties").get("name").get(0).asText()).isEqualTo(TestServer.IT_NAME);
    assertThat(e.get("markings").toString()).contains("H0: law-enforcement use only");
    String logged = s.db.jdbi().withHandle(h -> h.createQuery(
        "SELECT justification FROM audit_log WHERE action = 'entity.read' AND object = 'it-sco-0001' AND username = 'it.analyst'")
        .mapTo(String.class).list().toString());
    assertThat(logged).contains("identify the boat pilot");
  }

  @Test
  void personLookupWithoutJustificationIsRefusedButAVesselIsNot() throws Exception {
    var r = s.getAs("it.analyst", "/api/entities/it-sco-0001");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r.body()).get("errors").get("justification").asText()).contains("X-Justification");
    assertThat(s.getAs("it.analyst", "/api/entities/it-sco-0002").statusCode()).isEqualTo(200);
    assertThat(s.getAs("it.analyst", "/api/entities/it-sco-0001?justification=" + q("case IT-SCO-2024-117")).statusCode()).isEqualTo(200);
  }

  @Test
  void invisibleEntitiesAnswerExactlyLikeAbsentOnes() throws Exception {
    var hidden = s.getAs("uk.analyst", "/api/entities/ly-aiia-0042", WHY);
    var absent = s.getAs("uk.analyst", "/api/entities/no-such-entity", WHY);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(absent.statusCode()).isEqualTo(404);
    assertThat(json(hidden.body()).get("title")).isEqualTo(json(absent.body()).get("title"));
    assertThat(hidden.body()).doesNotContain(TestServer.LY_H2_NAME);
    // Without a justification an invisible person is still 404, not 400 (which would betray a person).
    assertThat(s.getAs("uk.analyst", "/api/entities/ly-aiia-0042").statusCode()).isEqualTo(404);
  }

  @Test
  void sharedCasesShowH1MarkedAndH3ConditionsToTheRecipient() throws Exception {
    JsonNode de = json(s.getAs("it.analyst", "/api/entities/de-bka-7781", WHY).body());
    assertThat(de.get("notForJudicialUse").asBoolean()).isTrue();
    assertThat(de.get("markings").toString()).contains("NOT FOR JUDICIAL USE WITHOUT PERMISSION of DE");
    assertThat(de.get("statements").get(0).get("marking").asText()).startsWith("H1:");
    JsonNode uk = json(s.getAs("it.analyst", "/api/entities/uk-nca-5523", WHY).body());
    assertThat(uk.get("markings").toString()).contains("H3: condition of UK: not to be shown to Libyan authorities");
    assertThat(uk.get("statements").get(0).get("handlingCondition").asText()).isEqualTo("not to be shown to Libyan authorities");
  }

  @Test
  void victimsOnlyForOwnerAndVictimProtectionNeverPartners() throws Exception {
    assertThat(s.getAs("fr.analyst", "/api/entities/fr-oltim-0310", WHY).statusCode()).isEqualTo(200);
    assertThat(s.getAs("it.analyst", "/api/entities/fr-oltim-0310", WHY).statusCode()).isEqualTo(404);
    assertThat(s.getAs("it.victims", "/api/entities/fr-oltim-0310", WHY).statusCode()).isEqualTo(200);
    assertThat(s.getAs("ly.victims", "/api/entities/fr-oltim-0310", WHY).statusCode()).isEqualTo(404);
    assertThat(s.getAs("ly.analyst", "/api/entities/fr-oltim-0310", WHY).statusCode()).isEqualTo(404);
  }

  @Test
  void listingsAndCountsHoldOnlyWhatTheViewerMaySee() throws Exception {
    JsonNode it = json(s.getAs("it.analyst", "/api/entities?limit=100", WHY).body());
    List<String> ids = new ArrayList<>();
    it.get("results").forEach(e -> ids.add(e.get("id").asText()));
    assertThat(ids).contains("it-sco-0001", "de-bka-7781", "ly-aiia-0042", "uk-nca-5521").doesNotContain("fr-oltim-0310");
    assertThat(it.get("total").asLong()).isEqualTo(ids.size());
    JsonNode uk = json(s.getAs("uk.analyst", "/api/entities?schema=Person", WHY).body());
    assertThat(uk.toString()).doesNotContain(TestServer.LY_H2_NAME, TestServer.FR_VICTIM_NAME, TestServer.DE_H1_NAME);
    assertThat(uk.get("total").asLong()).isEqualTo(2);
    JsonNode tn = json(s.getAs("tn.analyst", "/api/entities", WHY).body());
    assertThat(tn.get("total").asLong()).isZero();
  }

  @Test
  void listingPersonsNeedsAJustificationVesselsDoNot() throws Exception {
    assertThat(s.getAs("it.analyst", "/api/entities?schema=Person").statusCode()).isEqualTo(400);
    assertThat(s.getAs("it.analyst", "/api/entities").statusCode()).isEqualTo(400);
    var vessels = s.getAs("it.analyst", "/api/entities?schema=Vessel");
    assertThat(vessels.statusCode()).isEqualTo(200);
    assertThat(json(vessels.body()).get("total").asLong()).isEqualTo(1);
  }

  @Test
  void injectionInParametersIsHarmless() throws Exception {
    for (String evil : List.of("' OR '1'='1", "IT-SCO-2024-117' OR 1=1 --", "x\"); DROP TABLE statement; --", "%' OR agency LIKE '%")) {
      var byCase = s.getAs("uk.analyst", "/api/entities?schema=Person&case=" + q(evil), WHY);
      assertThat(byCase.statusCode()).as(evil).isEqualTo(200);
      assertThat(json(byCase.body()).get("total").asLong()).as(evil).isZero();
      var bySchema = s.getAs("uk.analyst", "/api/entities?schema=" + q(evil), WHY);
      assertThat(bySchema.statusCode()).as(evil).isEqualTo(400);
      var byId = s.getAs("uk.analyst", "/api/entities/" + q(evil), WHY);
      assertThat(byId.statusCode()).as(evil).isEqualTo(404);
      var limit = s.getAs("uk.analyst", "/api/entities?schema=Vessel&limit=" + q("1; DELETE FROM entity"), WHY);
      assertThat(limit.statusCode()).isEqualTo(400);
    }
    assertThat(s.context.entities().counts().entities()).isEqualTo(9);
  }
}
