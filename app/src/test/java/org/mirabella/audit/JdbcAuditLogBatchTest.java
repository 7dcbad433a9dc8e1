package org.mirabella.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.store.Database;

class JdbcAuditLogBatchTest {
  private static AuditEvent event(int i, String object) {
    return new AuditEvent("matching", "-", "hit.created", object, i % 2 == 0 ? "IT" : "UK", null, "detail " + i);
  }

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void recordAllChainsLikeOneRecordPerEventAndTheTrailVerifies(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      JdbcAuditLog log = new JdbcAuditLog(db);
      AuditRecord first = log.record(event(0, "H-0"));
      String longObject = "x".repeat(300); // cut to the column's 256 characters, as record() cuts it
      List<AuditRecord> batch = db.jdbi().inTransaction(h -> log.recordAll(h, List.of(event(1, "H-1"), event(2, longObject), event(3, "H-3"))));
      AuditRecord after = log.record(event(4, "H-4"));

      assertThat(batch).extracting(AuditRecord::seq).containsExactly(first.seq() + 1, first.seq() + 2, first.seq() + 3);
      // each record chained to the one before it, its hash what record() computes from the same fields
      String prev = first.hash();
      for (AuditRecord r : batch) {
        assertThat(r.prevHash()).isEqualTo(prev);
        assertThat(r.hash()).isEqualTo(AuditChain.hash(prev, r.seq(), r.at(), r.event()));
        prev = r.hash();
      }
      assertThat(batch.get(1).event().object()).hasSize(256);
      assertThat(after.prevHash()).isEqualTo(batch.get(2).hash());
      assertThat(after.seq()).isEqualTo(first.seq() + 4);
      // stored as returned: the trail verifies, and its records are the batch's
      assertThat(log.verify().intact()).isTrue();
      List<AuditRecord> stored = log.query(JdbcAuditLog.Query.all());
      assertThat(stored).extracting(AuditRecord::hash).contains(batch.get(0).hash(), batch.get(1).hash(), batch.get(2).hash());
      List<AuditRecord> none = db.jdbi().inTransaction(h -> log.recordAll(h, List.of()));
      assertThat(none).isEmpty();
      assertThat(log.verify().intact()).isTrue();

      // a tampered batch record is found
      db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET detail = 'changed' WHERE seq = " + batch.get(1).seq()));
      assertThat(log.verify().intact()).isFalse();
      assertThat(log.verify().firstBad()).isEqualTo(batch.get(1).seq());
    }
  }
}
