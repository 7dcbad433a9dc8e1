package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.provenance.SubjectCategory;

class VictimExportPermitsTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void onlyTheDposPermitLetsVictimsIntoBulkExportsOfItsOwnAgency() throws Exception {
    VictimExportPermits permits = new VictimExportPermits(s.db, new JdbcAuditLog(s.db));
    Viewer fr = Viewer.of("fr.analyst", "FR", Role.ANALYST);
    var victim = AccessControl.of(s.db).find(fr, "fr-oltim-0310").orElseThrow();
    assertThat(victim.category()).isEqualTo(SubjectCategory.VICTIM);
    ExportPolicy policy = ExportPolicy.standard();
    assertThat(policy.decide(new ExportPolicy.Export(fr, victim, "court file", permits.allowed(fr))).allowed()).isFalse();

    assertThat(s.postAs("fr.analyst", "/api/dpo/victim-export-permit", "{\"days\":7,\"reason\":\"x\"}").statusCode()).isEqualTo(403);
    assertThat(s.postAs("fr.dpo", "/api/dpo/victim-export-permit", "{\"days\":90,\"reason\":\"x\"}").statusCode()).isEqualTo(400);
    assertThat(s.postAs("fr.dpo", "/api/dpo/victim-export-permit", "{\"days\":7}").statusCode()).isEqualTo(400);
    assertThat(s.postAs("fr.dpo", "/api/dpo/victim-export-permit", "{\"days\":7,\"reason\":\"court order 2026/88\"}").statusCode())
        .isEqualTo(201);
    assertThat(permits.allowed(fr)).isTrue();
    assertThat(permits.allowed(Viewer.of("it.analyst", "IT", Role.ANALYST))).as("another agency's permit").isFalse();
    assertThat(policy.decide(new ExportPolicy.Export(fr, victim, "court file", permits.allowed(fr))).allowed()).isTrue();
    assertThat(policy.decide(new ExportPolicy.Export(fr, victim, " ", true))).extracting(Object::toString).asString()
        .contains("justificationGiven");

    assertThat(s.postAs("fr.dpo", "/api/dpo/victim-export-permit/revoke", "{\"reason\":\"order fulfilled\"}").body()).contains("\"revoked\":1");
    assertThat(permits.allowed(fr)).isFalse();
    String trail = s.db.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_log WHERE username = 'fr.dpo' ORDER BY seq")
        .mapTo(String.class).list().toString());
    assertThat(trail).contains("dpo.victim-export-permit", "dpo.victim-export-permit.revoke");
  }
}
