package org.mirabella.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;

class StoreCopyTest {
  private static EntityStore loaded(Database db) {
    EntityStore s = new EntityStore(db, Model.get());
    s.ensureAgencies(Agencies.get());
    SampleData.load(s, Model.get());
    return s;
  }

  @Test
  void copiesAnEmbeddedStoreIntoPostgresWithEqualCountsAndChecksums() {
    try (Database h2 = TestDatabases.h2(); Database pg = TestDatabases.postgres()) {
      EntityStore source = loaded(h2);
      source.retract(source.find("it-sco-0001").orElseThrow().statements().get(0).id(), "analyst.it", "wrong");
      source.shareCase("IT", "IT-SCO-2024-117", "DE");
      new EntityStore(pg, Model.get()).ensureAgencies(Agencies.get());

      var reports = StoreCopy.copy(h2, pg, (t, n) -> { });
      assertThat(reports).extracting(StoreCopy.TableReport::table).contains("agency", "case_file", "case_share", "entity", "statement");
      assertThat(reports).allSatisfy(r -> assertThat(r.equal()).as(r.table()).isTrue());
      assertThat(reports.stream().filter(r -> r.table().equals("statement")).findFirst().orElseThrow().targetRows()).isEqualTo(32);

      var back = new EntityStore(pg, Model.get()).find("it-sco-0001").orElseThrow();
      assertThat(back.statements().get(0).retracted()).isTrue();
      assertThatThrownBy(() -> StoreCopy.copy(h2, pg, (t, n) -> { })).isInstanceOf(InvalidData.class)
          .hasMessageContaining("not empty");
    }
  }

  @Test
  void aChangedRowIsCaughtByTheChecksum() {
    try (Database a = TestDatabases.h2(); Database b = TestDatabases.h2()) {
      loaded(a);
      loaded(b);
      assertThat(StoreCopy.compare(a, b)).allSatisfy(r -> assertThat(r.sourceRows()).isEqualTo(r.targetRows()));
      b.jdbi().useHandle(h -> h.execute("UPDATE statement SET prop_value = 'Mohamed Abdelrahmen' WHERE prop_value = 'Mohamed Abdelrahman'"));
      var statement = StoreCopy.compare(a, b).stream().filter(r -> r.table().equals("statement")).findFirst().orElseThrow();
      assertThat(statement.sourceRows()).isEqualTo(statement.targetRows());
      assertThat(statement.equal()).isFalse();
    }
  }
}
