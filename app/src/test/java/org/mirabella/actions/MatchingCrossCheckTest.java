package org.mirabella.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.hits.HitStore;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;
import org.mirabella.xref.CrossMatcher;

class MatchingCrossCheckTest {
  private static Database loaded() {
    Database db = TestDatabases.h2();
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    SampleData.load(store, Model.get());
    new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).rematchAll();
    return db;
  }

  private static FieldCheck name(String agency, String value) {
    return FieldCheck.of("op-1", agency, "Ras Ajdir", "ly", CheckKind.NAME, value, "officer").withId("check-" + agency);
  }

  @Test
  void aLatinNameCheckedAtTheBorderFindsTheArabicRecord() {
    try (Database db = loaded()) {
      List<CheckHit> hits = new MatchingCrossCheck(db, Model.get()).run(List.of(name("LY", "Mohamed Abdelrahman")), Viewer.of("LY"));
      assertThat(hits).extracting(CheckHit::entityId).containsExactly("ly-aiia-0042");
      CheckHit hit = hits.get(0);
      assertThat(hit.method()).isEqualTo(MatchingCrossCheck.METHOD);
      assertThat(hit.value()).isEqualTo("محمد عبد الرحمن");
      assertThat(hit.score()).isGreaterThanOrEqualTo(0.7).isLessThanOrEqualTo(1.0);
      // the exact stand-in finds nothing for the same check
      assertThat(new ExactCrossCheck(db, Model.get()).run(List.of(name("LY", "Mohamed Abdelrahman")), Viewer.of("LY"))).isEmpty();
    }
  }

  @Test
  void findsOnlyWhatTheCheckingAgencyMaySee() {
    try (Database db = loaded()) {
      var check = new MatchingCrossCheck(db, Model.get());
      assertThat(check.run(List.of(name("DE", "Mohamed Abdelrahman")), Viewer.of("DE")))
          .extracting(CheckHit::entityId).containsExactly("de-bka-7781");
      assertThat(check.run(List.of(name("CA", "Mohamed Abdelrahman")), Viewer.of("CA"))).isEmpty();
      assertThat(check.run(List.of(name("IT", "Selam Tesfaye")), Viewer.of("IT"))).isEmpty();
    }
  }

  @Test
  void aDifferentNameFindsNothing() {
    try (Database db = loaded()) {
      assertThat(new MatchingCrossCheck(db, Model.get()).run(List.of(name("LY", "Ahmed Haftar")), Viewer.of("LY"))).isEmpty();
    }
  }
}
