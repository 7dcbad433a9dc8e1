package org.mirabella.htcds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mirabella.actions.Viewer;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/** HTCDS export and import through a real H2 store. */
class HtcdsServiceTest {
  private Database db;
  private HtcdsService service;
  private final HtcdsService.Approval approval =
      new HtcdsService.Approval("dpo.fr", "DPO-2025-118", "Referral for shelter and legal aid", "Comité contre l'esclavage moderne",
          LocalDate.of(2025, 9, 29));

  @BeforeEach
  void setUp() {
    db = TestDatabases.h2();
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    SampleData.load(store, Model.get());
    service = new HtcdsService(db, Model.get());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void exportNeedsTheDpoApprovalAndRecordsIt() {
    assertThatThrownBy(() -> new HtcdsService.Approval(" ", "ref", "purpose", "NGO", null))
        .isInstanceOf(InvalidData.class).hasMessageContaining("dpo");
    HtcdsService.Export e = service.export(Viewer.of("FR", "dpo"), null, approval, "investigator.fr");
    assertThat(e.records()).isEqualTo(1);
    assertThat(e.subjects()).containsExactly("fr-oltim-0310");
    assertThat(e.csv()).contains("prs_FirstName").contains("Selam").contains("Comité contre l'esclavage moderne");
    assertThat(service.exports(Viewer.of("FR"))).singleElement().satisfies(row -> {
      assertThat(row.values()).contains("DPO-2025-118", "dpo.fr");
    });
    // The export is in the audit trail, its purpose as the justification.
    List<String> audited = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT justification FROM audit_log WHERE action = 'htcds.export' AND object = :id").bind("id", e.id()).mapTo(String.class).list());
    assertThat(audited).containsExactly("Referral for shelter and legal aid");
  }

  @Test
  void anAgencyExportsOnlyVictimsItOwns() {
    assertThat(service.export(Viewer.of("IT"), null, approval, "x").records()).isZero();
    assertThatThrownBy(() -> service.export(Viewer.COORDINATION, null, approval, "x")).isInstanceOf(InvalidData.class);
  }

  @Test
  void exportedRecordsImportIntoAnotherStoreAndExportTheSame() {
    HtcdsService.Export first = service.export(Viewer.of("FR"), null, approval, "x");
    try (Database other = TestDatabases.h2()) {
      new EntityStore(other, Model.get()).ensureAgencies(Agencies.get());
      HtcdsService there = new HtcdsService(other, Model.get());
      var s = there.importCsv(new BufferedReader(new StringReader(first.csv())), "referral.csv", Viewer.of("FR"), "FR-REF-1", "clerk");
      assertThat(s.records()).isEqualTo(1);
      assertThat(s.entitiesAdded()).isEqualTo(2);
      // Importing the same file again adds nothing.
      assertThat(there.importCsv(new BufferedReader(new StringReader(first.csv())), "referral.csv", Viewer.of("FR"), "FR-REF-1", "clerk")
          .entitiesAdded()).isZero();
      HtcdsService.Export second = there.export(Viewer.of("FR"), "FR-REF-1", approval, "x");
      assertThat(HtcdsCsv.read(new BufferedReader(new StringReader(second.csv())), "second"))
          .isEqualTo(HtcdsCsv.read(new BufferedReader(new StringReader(first.csv())), "first"));
    }
  }

  @Test
  void aBadRecordIsRejectedNamingRecordAndField() {
    String csv = "prs_FirstName,prs_Birthdate\r\nAmina,2004-02-31\r\n";
    assertThatThrownBy(() -> service.importCsv(new BufferedReader(new StringReader(csv)), "in.csv", Viewer.of("IT"), "IT-REF", "x"))
        .isInstanceOf(InvalidData.class).hasMessageContaining("in.csv record 1 prs_Birthdate");
  }
}
