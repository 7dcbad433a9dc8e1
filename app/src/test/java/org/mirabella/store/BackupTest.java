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
    var hits = new org.mirabella.hits.HitStore(db, audit);
    new org.mirabella.xref.CrossMatcher(db, s, hits).rematchAll();
    var exchange = new org.mirabella.hits.Exchange(db, s, hits, new org.mirabella.access.AccessControl(db, s), audit,
        java.time.Duration.ofHours(48));
    var hit = hits.forAgency("IT").get(0);
    exchange.judge(org.mirabella.access.Viewer.of("analyst.it", "IT", org.mirabella.access.Role.ANALYST), hit,
        org.mirabella.hits.Judgement.CONFIRMED, "same passport");
    return s;
  }

  private static java.util.List<java.util.Map<String, Object>> rows(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list()).stream()
        .map(m -> (java.util.Map<String, Object>) new java.util.TreeMap<>(m)).toList();
  }

  /** The zip with one table file's bytes passed through {@code edit}, and the manifest passed through {@code manifest}. */
  private static Path rewritten(Path file, Path out, String table, java.util.function.UnaryOperator<String> edit,
      java.util.function.UnaryOperator<String> manifest) throws Exception {
    try (var in = new java.util.zip.ZipFile(file.toFile());
        var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
      for (var e : java.util.Collections.list(in.entries())) {
        String text = new String(in.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (e.getName().equals("tables/" + table + ".jsonl")) text = edit.apply(text);
        if (e.getName().equals("manifest.json")) text = manifest.apply(text);
        zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out;
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
      for (String sql : java.util.List.of("SELECT ref, left_entity, right_entity, score, band, matched_kinds, judgement FROM hit ORDER BY ref",
          "SELECT h.ref, j.judgement, j.reason, j.judged_by FROM hit_judgement j JOIN hit h ON h.id = j.hit_id ORDER BY j.id",
          "SELECT seq, username, action, object, detail, prev_hash, hash FROM audit_log ORDER BY seq",
          "SELECT seq, hash FROM audit_head")) {
        assertThat(rows(restored, sql)).as(sql).isEqualTo(rows(source, sql)).isNotEmpty();
      }
      assertThat(rows(restored, "SELECT judgement FROM hit WHERE judgement IS NOT NULL")).hasSize(1);
      var before = new org.mirabella.audit.JdbcAuditLog(restored).verify();
      assertThat(before.intact()).isTrue();
      assertThat(before.headHash()).isEqualTo(new org.mirabella.audit.JdbcAuditLog(source).verify().headHash());
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

  @Test
  void aTamperedBackupIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("store.zip");
    try (Database source = TestDatabases.h2(); Database target = TestDatabases.h2()) {
      loaded(source);
      Backup.write(source, file);
      new EntityStore(target, Model.get()).ensureAgencies(Agencies.get());
      String digest = Backup.manifestDigest(file);
      assertThat(digest).hasSize(64);

      // One judgement's reason changed: the file no longer matches the manifest's SHA-256.
      Path edited = rewritten(file, dir.resolve("edited.zip"), "hit_judgement", t -> t.replace("same passport", "different person"), m -> m);
      assertThatThrownBy(() -> Backup.restore(edited, target)).isInstanceOf(InvalidData.class)
          .hasMessageContaining("Backup does not verify").extracting(e -> ((InvalidData) e).errors().toString()).asString()
          .contains("hit_judgement");
      assertThat(new EntityStore(target, Model.get()).counts().entities()).isZero();

      // The same edit with the manifest's digest removed: the loaded rows' checksum still differs, and nothing stays.
      Path forged = rewritten(file, dir.resolve("forged.zip"), "hit_judgement", t -> t.replace("same passport", "different person"),
          m -> m.replaceAll("\\s*,\\s*\"sha256\"\\s*:\\s*\"[0-9a-f]{64}\"", ""));
      assertThatThrownBy(() -> Backup.restore(forged, target)).isInstanceOf(InvalidData.class)
          .hasMessageContaining("Backup does not verify");
      assertThat(new EntityStore(target, Model.get()).counts().entities()).isZero();
      assertThat(Backup.manifestDigest(forged)).isNotEqualTo(digest);

      Backup.restore(file, target);
      assertThat(new org.mirabella.audit.JdbcAuditLog(target).verify().intact()).isTrue();
    }
  }
}
