package org.mirabella.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCompactionTest {
  @TempDir Path dir;

  private long fileSize() throws Exception {
    return Files.size(dir.resolve("mirabella.mv.db"));
  }

  @Test
  void aStoreThatGrewALotIsCompactedOnCloseAndKeepsItsData() throws Exception {
    try (Database db = Database.embedded(dir)) {
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE compaction_probe(id VARCHAR(40) PRIMARY KEY, payload VARCHAR(2000))"));
      // Random keys in one transaction: the copy-on-write pattern of a large import.
      db.jdbi().useTransaction(h -> {
        Random random = new Random(3);
        PreparedBatch batch = h.prepareBatch("INSERT INTO compaction_probe VALUES (?, ?)");
        for (int i = 0; i < 40_000; i++) {
          batch.add(Long.toHexString(random.nextLong()) + i, "x".repeat(500) + i);
          if (i % 1000 == 999) batch.execute();
        }
        batch.execute();
      });
      // Three quarters of it removed (as a purge of records past their review date does): dead pages.
      db.jdbi().useHandle(h -> h.execute("DELETE FROM compaction_probe WHERE MOD(CAST(SUBSTRING(payload, 501) AS INT), 4) <> 0"));
    }
    // 10,000 rows of ~520 bytes are ~5 MB live; the file was several hundred MB before closing.
    assertThat(fileSize()).isLessThan(40L << 20);
    try (Database db = Database.embedded(dir)) {
      long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM compaction_probe").mapTo(Long.class).one());
      assertThat(rows).isEqualTo(10_000L);
    }
  }

  @Test
  void aStoreItsLastProcessLeftOpenIsRewrittenBeforeItIsOpenedAgain() throws Exception {
    Path marker = dir.resolve("mirabella.open");
    try (Database db = Database.embedded(dir)) {
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE left_open_probe(id INT PRIMARY KEY)"));
      db.jdbi().useHandle(h -> h.execute("INSERT INTO left_open_probe VALUES (1), (2), (3)"));
      assertThat(marker).as("marked open while open").exists();
    }
    assertThat(marker).as("unmarked by a clean close").doesNotExist();
    // A process killed with SIGKILL leaves its mark (CrashConsistencyTest kills real ones).
    Files.writeString(marker, "12345");
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Database.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events = new ch.qos.logback.core.read.ListAppender<>();
    events.start();
    log.addAppender(events);
    try (Database db = Database.embedded(dir)) {
      long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM left_open_probe").mapTo(Long.class).one());
      assertThat(rows).isEqualTo(3L);
    } finally {
      log.detachAppender(events);
    }
    assertThat(events.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .anyMatch(m -> m.startsWith("the embedded store was not closed by its last process: rewritten before opening"));
    assertThat(marker).doesNotExist();
  }

  @Test
  void aSmallStoreIsLeftAlone() throws Exception {
    try (Database db = Database.embedded(dir)) {
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE small_probe(id INT PRIMARY KEY)"));
    }
    long before = fileSize();
    try (Database db = Database.embedded(dir)) {
      long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM small_probe").mapTo(Long.class).one());
      assertThat(rows).isZero();
    }
    assertThat(fileSize()).isLessThan(Database.COMPACT_AFTER_GROWTH_BYTES);
    assertThat(before).isLessThan(Database.COMPACT_AFTER_GROWTH_BYTES);
  }

  @Test
  void aStoreStillOpenElsewhereInTheJvmIsNotCompactedUnderIt() throws Exception {
    try (Database first = Database.embedded(dir)) {
      first.jdbi().useHandle(h -> h.execute("CREATE TABLE shared_probe(id VARCHAR(40) PRIMARY KEY, payload VARCHAR(2000))"));
      long grown;
      ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Database.class);
      ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events = new ch.qos.logback.core.read.ListAppender<>();
      events.start();
      log.addAppender(events);
      try (Database second = Database.embedded(dir)) {
        second.jdbi().useTransaction(h -> {
          Random random = new Random(5);
          PreparedBatch batch = h.prepareBatch("INSERT INTO shared_probe VALUES (?, ?)");
          for (int i = 0; i < 100_000; i++) {
            batch.add(Long.toHexString(random.nextLong()) + i, "y".repeat(500) + i);
            if (i % 1000 == 999) batch.execute();
          }
          batch.execute();
        });
        grown = fileSize();
        assertThat(grown).isGreaterThan(Database.COMPACT_AFTER_GROWTH_BYTES);
      }
      log.detachAppender(events);
      // the second closed while the first still holds the database: the file is left to it, not even tried
      assertThat(events.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("compact"));
      assertThat(fileSize()).isGreaterThanOrEqualTo(grown);
      long rows = first.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM shared_probe").mapTo(Long.class).one());
      assertThat(rows).isEqualTo(100_000L);
    }
  }
}
