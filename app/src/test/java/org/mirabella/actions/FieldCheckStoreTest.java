package org.mirabella.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.http.NotFound;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/** Bulk cross-check of field checks over the sample case file in a real H2 store. */
class FieldCheckStoreTest {
  private Database db;
  private EntityStore store;
  private OperationStore ops;
  private FieldCheckStore checks;
  private final String op = "jad-test";

  @BeforeEach
  void setUp() {
    db = TestDatabases.h2();
    store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    SampleData.load(store, Model.get());
    ops = new OperationStore(db);
    checks = new FieldCheckStore(db, ops, new ExactCrossCheck(db, Model.get()));
    ops.save(new Operation(op, "Test day", LocalDate.of(2025, 9, 16), LocalDate.of(2025, 9, 16), "IT",
        Set.of("LY", "UK", "FR"), List.of(), List.of(), null), "test", Viewer.of("IT"));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void noChecksNoHits() {
    assertThat(checks.submit(op, List.of(), Viewer.of("IT")).hits()).isEmpty();
  }

  @Test
  void aLocalNumberCheckedAtTheBorderFindsTheStoredInternationalNumber() {
    var r = checks.submit(op, List.of(FieldCheck.of(op, "LY", "Ras Ajdir", "ly", CheckKind.PHONE, "091-2345678", "officer")), Viewer.of("LY"));
    assertThat(r.hits()).extracting(CheckHit::entityId).containsExactly("ly-aiia-0042");
    assertThat(r.hits().get(0).method()).isEqualTo(ExactCrossCheck.METHOD);
  }

  @Test
  void hitsOnlyWhatTheCheckingAgencyMaySee() {
    FieldCheck phone = FieldCheck.of(op, "IT", "Lampedusa", "it", CheckKind.PHONE, "+218 91 234 5678", "officer");
    // IT sees its own record; the UK's and Libya's records with the same number stay hidden ...
    assertThat(checks.submit(op, List.of(phone), Viewer.of("IT")).hits()).extracting(CheckHit::entityId).containsExactly("it-sco-0001");
    // ... until the UK shares its case with IT (a joint investigation team).
    store.shareCase("UK", "UK-NCA-OIC-884", "IT");
    assertThat(checks.submit(op, List.of(phone), Viewer.of("IT")).hits()).extracting(CheckHit::entityId, CheckHit::ownerAgency)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("it-sco-0001", "IT"), org.assertj.core.groups.Tuple.tuple("uk-nca-5521", "UK"));
  }

  @Test
  void aBulkBatchIsCrossCheckedAtOnceAndEveryCheckIsKept() {
    List<FieldCheck> batch = new ArrayList<>();
    for (int i = 0; i < 1200; i++) batch.add(FieldCheck.of(op, "UK", "Dover", "gb", CheckKind.PLATE, "AB" + i + "CD", "officer"));
    batch.add(FieldCheck.of(op, "UK", "Dover", "gb", CheckKind.IBAN, "gb82 west 1234 5698 7654 32", "officer"));
    batch.add(FieldCheck.of(op, "UK", "Dover", "gb", CheckKind.NAME, "muhammad ABDUL rahman", "officer"));
    var r = checks.submit(op, batch, Viewer.of("UK"));
    assertThat(r.checks()).hasSize(1202);
    assertThat(checks.checks(op, Viewer.of("UK"))).hasSize(1202);
    assertThat(r.hits()).extracting(CheckHit::entityId, CheckHit::property).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("uk-nca-5522", "iban"), org.assertj.core.groups.Tuple.tuple("uk-nca-5521", "name"));
  }

  @Test
  void hitsAreTriagedLiveAndDismissalNeedsAReason() {
    var r = checks.submit(op, List.of(FieldCheck.of(op, "FR", "Menton", "fr", CheckKind.NAME, "Selam Tesfaye", "officer")), Viewer.of("FR"));
    CheckHit hit = r.hits().get(0);
    assertThatThrownBy(() -> checks.triage(op, hit.id(), CheckHit.Triage.DISMISSED, "coord", " ", Viewer.of("IT")))
        .isInstanceOf(InvalidData.class).hasMessageContaining("note");
    checks.triage(op, hit.id(), CheckHit.Triage.DISMISSED, "coord", "namesake, different birth year", Viewer.of("IT"));
    assertThat(checks.hits(op, CheckHit.Triage.NEW, Viewer.of("IT"))).isEmpty();
    assertThat(checks.hits(op, CheckHit.Triage.DISMISSED, Viewer.of("IT"))).singleElement()
        .satisfies(h -> assertThat(h.note()).contains("namesake"));
  }

  @Test
  void theLeadSeesEveryHitAndAnotherParticipantOnlyItsOwn() {
    checks.submit(op, List.of(FieldCheck.of(op, "LY", "Ras Ajdir", "ly", CheckKind.PHONE, "091-2345678", "officer")), Viewer.of("LY"));
    assertThat(checks.hits(op, null, Viewer.of("IT"))).hasSize(1);
    assertThat(checks.hits(op, null, Viewer.of("LY"))).hasSize(1);
    assertThat(checks.hits(op, null, Viewer.of("FR"))).isEmpty();
    assertThat(checks.checks(op, Viewer.of("FR"))).isEmpty();
    assertThat(checks.checks(op, Viewer.of("IT"))).hasSize(1);
  }

  @Test
  void anAgencyOutsideTheOperationSeesNothingAndCannotCheck() {
    assertThatThrownBy(() -> checks.hits(op, null, Viewer.of("DE"))).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> checks.submit(op, List.of(FieldCheck.of(op, "DE", "Brenner", "de", CheckKind.PLATE, "M-AB 1234", "x")), Viewer.of("DE")))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> checks.submit(op, List.of(FieldCheck.of(op, "LY", "x", "ly", CheckKind.PLATE, "AB12", "x")), Viewer.of("UK")))
        .isInstanceOf(InvalidData.class).hasMessageContaining("checking agency");
  }
}
