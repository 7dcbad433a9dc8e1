package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.audit.AuditRecord;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.store.Database;
import org.mirabella.store.TestDatabases;

/** Audit records of concurrent reads written in shared commits: each caller gets its own record, committed, in one intact chain. */
class AuditGroupCommitTest {
  static final int THREADS = 16;
  static final int EACH = 40;

  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void concurrentRecordsEachGetTheirOwnCommittedRecordInOneChain(Supplier<Database> open) throws Exception {
    try (Database db = open.get()) {
      JdbcAuditLog chain = new JdbcAuditLog(db);
      AuditLog log = AuditGroupCommit.over(db, chain);
      assertThat(AuditGroupCommit.over(db, chain)).as("one per chain").isSameAs(log);
      ConcurrentLinkedQueue<AuditRecord> got = new ConcurrentLinkedQueue<>();
      CyclicBarrier start = new CyclicBarrier(THREADS);
      try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String user = "user" + t;
          all.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < EACH; i++) {
              AuditEvent e = new AuditEvent(user, "IT", "search", "q=" + i, null, "load test", user + "/" + i);
              AuditRecord r = log.record(e);
              assertThat(r.event()).as("the caller's own record").isEqualTo(e);
              // Committed before record() returned: another connection reads it.
              String detail = db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE seq = :s")
                  .bind("s", r.seq()).mapTo(String.class).one());
              assertThat(detail).isEqualTo(user + "/" + i);
              got.add(r);
            }
            return null;
          }));
        }
        for (Future<?> f : all) f.get();
      }
      Set<Long> seqs = new TreeSet<>();
      got.forEach(r -> seqs.add(r.seq()));
      assertThat(seqs).hasSize(THREADS * EACH);
      assertThat(chain.verify().intact()).isTrue();
      assertThat(chain.verify().records()).isEqualTo(THREADS * EACH);
    }
  }

  @Test
  void aFailedCommitFailsTheReadAndWritesNothing() {
    Database db = TestDatabases.h2();
    JdbcAuditLog chain = new JdbcAuditLog(db);
    AuditLog log = new AuditGroupCommit(db, chain);
    log.record(new AuditEvent("u", "IT", "search", "q=1", null, "j", "first"));
    db.jdbi().useHandle(h -> h.execute("ALTER TABLE audit_log ADD CONSTRAINT no_second CHECK (detail <> 'second')"));
    assertThatThrownBy(() -> log.record(new AuditEvent("u", "IT", "search", "q=2", null, "j", "second")))
        .isInstanceOf(RuntimeException.class);
    assertThat(chain.verify().intact()).isTrue();
    assertThat(chain.verify().records()).isEqualTo(1);
    assertThat(log.record(new AuditEvent("u", "IT", "search", "q=3", null, "j", "third")).seq()).isEqualTo(2);
    db.close();
  }
}
