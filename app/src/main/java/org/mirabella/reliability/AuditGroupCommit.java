package org.mirabella.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.audit.AuditRecord;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.store.Database;

/**
 * Group commit for the audit records of reads (searches, profiles): records from concurrent
 * requests are appended in one transaction, and each caller returns only once its own record is
 * committed, so a read is still never answered before its audit record is durable, and a failed
 * commit fails every read of the batch.
 *
 * <p>Why: under the load benchmark the JFR profile of the server put 36 % of a search's CPU and
 * 77 % of a profile's in {@link JdbcAuditLog#record(AuditEvent)}, nearly all of it in the commit
 * (the embedded store writes its file on every commit, {@code WRITE_DELAY=0}, for crash safety).
 * Appends are serialised anyway by the chain's head row lock, so batching them loses no
 * concurrency; it shares one commit among every read that arrived while the previous batch was
 * being written (leader/follower: whoever holds the lock writes everything queued).
 */
public final class AuditGroupCommit implements AuditLog {
  /** At most this many records per transaction (bounds one transaction's size; the rest go in the next). */
  static final int MAX_BATCH = 256;
  private static final Map<JdbcAuditLog, AuditGroupCommit> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

  private final Database db;
  private final JdbcAuditLog log;
  private final ReentrantLock writer = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

  private record Pending(AuditEvent event, CompletableFuture<AuditRecord> done) {}

  AuditGroupCommit(Database db, JdbcAuditLog log) {
    this.db = db;
    this.log = log;
  }

  /**
   * The group-committing log over {@code log} (one per log, shared by every route that asks), or
   * {@code log} itself when it is not the database's chain (a test's in-memory log).
   */
  public static AuditLog over(Database db, AuditLog log) {
    if (!(log instanceof JdbcAuditLog j)) return log;
    return SHARED.computeIfAbsent(j, k -> new AuditGroupCommit(db, k));
  }

  @Override
  public AuditRecord record(AuditEvent event) {
    Pending mine = new Pending(event, new CompletableFuture<>());
    queue.add(mine);
    writer.lock();
    try {
      while (!mine.done().isDone()) writeBatch();
    } finally {
      writer.unlock();
    }
    try {
      return mine.done().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the audit record was written", e);
    }
  }

  /** Writes what is queued (up to {@link #MAX_BATCH}) in one transaction; called with the lock held. */
  private void writeBatch() {
    List<Pending> batch = new ArrayList<>();
    for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) batch.add(p);
    if (batch.isEmpty()) return;
    try {
      List<AuditRecord> written = db.jdbi().inTransaction(h -> {
        List<AuditRecord> out = new ArrayList<>(batch.size());
        for (Pending p : batch) out.add(log.record(h, p.event()));
        return out;
      });
      for (int i = 0; i < batch.size(); i++) batch.get(i).done().complete(written.get(i));
    } catch (RuntimeException | Error e) {
      for (Pending p : batch) p.done().completeExceptionally(e);
    }
  }
}
