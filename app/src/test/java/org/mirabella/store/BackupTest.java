package org.mirabella.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.json.EntityJson;

class BackupTest {
  private static EntityStore loaded(Database db) {
    EntityStore s = new EntityStore(db, Model.get());
    s.ensureAgencies(Agencies.get());
    SampleData.load(s, Model.get());
    s.shareCase("IT", "IT-SCO-2024-117", "DE");
    s.retract(s.find("uk-nca-5521").orElseThrow().statements().get(0).id(), "analyst.uk", "duplicate");
    var audit = new org.mirabella.audit.JdbcAuditLog(db);
    audit.record(new org.mirabella.audit.AuditEvent("analyst.it", "IT", "entity.read", "it-sco-0001", "IT", "case work", null));
    new org.mirabella.xref.CrossMatcher(db, s, new org.mirabella.hits.HitStore(db, audit)).rematchAll();
    return s;
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void aRestoredStoreHoldsIdenticalEntities(Supplier<Database> target, @TempDir Path dir) {
    Path file = dir.resolve("store.zip");
    try (Database source = TestDatabases.h2(); Database restored = target.get()) {
      EntityStore from = loaded(source);
      var written = Backup.write(source, file);
      assertThat(written).extracting(Backup.TableEntry::table).contains("entity", "statement", "case_share");
      new EntityStore(restored, Model.get()).ensureAgencies(Agencies.get());

      Backup.restore(file, restored);
      EntityStore to = new EntityStore(restored, Model.get());
      for (String id : from.ids()) {
        assertThat(EntityJson.toJson(to.find(id).orElseThrow())).isEqualTo(EntityJson.toJson(from.find(id).orElseThrow()));
      }
      assertThat(to.counts()).isEqualTo(from.counts());
      assertThat(StoreCopy.compare(source, restored)).allSatisfy(r -> assertThat(r.equal()).as(r.table()).isTrue());
      // The restored store keeps working: new audit records and hits get fresh ids after the restored ones.
      var audit = new org.mirabella.audit.JdbcAuditLog(restored);
      audit.record(new org.mirabella.audit.AuditEvent("dpo.it", "IT", "restore.check", "store", null, "after restore", null));
      var hits = new org.mirabella.hits.HitStore(restored, audit);
      new org.mirabella.xref.CrossMatcher(restored, to, hits).rematchAll();
      long hitCount = restored.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM hit").mapTo(Long.class).one());
      assertThat(hitCount).isPositive();
      assertThat(audit.verify().intact()).isTrue();
    }
  }

  @Test
  void restoreRefusesANonEmptyStoreAndADamagedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("store.zip");
    try (Database source = TestDatabases.h2(); Database busy = TestDatabases.h2()) {
      loaded(source);
      Backup.write(source, file);
      loaded(busy);
      assertThatThrownBy(() -> Backup.restore(file, busy)).isInstanceOf(InvalidData.class).hasMessageContaining("not empty");
      Path junk = dir.resolve("junk.zip");
      Files.writeString(junk, "not a zip");
      assertThatThrownBy(() -> Backup.restore(junk, busy)).isInstanceOf(InvalidData.class).hasMessageContaining("Cannot read the backup");
    }
  }
}
