package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/**
 * A large import into PostgreSQL keeps planning its look-ups for the tables as they are while they
 * grow inside the import's one transaction. PostgreSQL switches a prepared statement to a generic
 * plan after five runs and keeps it; made while the store was near-empty, that plan was a
 * sequential scan, and a 10-million-row import slowed to one second per look-up (every batch read
 * the whole uncommitted entity table, comparing each row with 500 parameters one by one; a plan
 * made for the given ids hashes them). {@code pg_prepared_statements} counts the generic plans of
 * the connection's server-side statements.
 */
class ImportWriterPlanTest {
  @TempDir Path dir;

  @Test
  void lookUpsArePlannedForTheTablesAsTheyGrowInOneTransaction() throws Exception {
    Path csv = BenchmarkFile.write(dir.resolve("bench.csv"), 40_000);
    Path yaml = Files.writeString(dir.resolve("bench.yaml"), BenchmarkFile.MAPPING);
    Mapping mapping = MappingLoader.load(yaml, Model.get());
    try (Database db = TestDatabases.postgres()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      store.ensureCase("IT", "C1", "plans", LocalDate.of(2026, 1, 1));
      ImportSettings settings = new ImportSettings("IT", "C1", null, null, null, "tester", null);
      long genericLookUps = db.jdbi().<Long, SQLException>inTransaction(h -> {
        Connection c = h.getConnection();
        try (ImportWriter writer = new ImportWriter(c, "run-plan", settings.recordedAt(), true, b -> {})) {
          new Ingestor(Model.get(), mapping, settings).run(List.of(InputFile.of(csv)), writer, r -> {}, Ingestor.Progress.NONE);
          assertThat(writer.entitiesAdded()).isEqualTo(60_000);
        }
        try (var st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_prepared_statements "
                + "WHERE generic_plans > 0 AND statement LIKE '%FROM entity WHERE id IN%'")) {
          assertThat(rs.next()).isTrue();
          return rs.getLong(1);
        }
      });
      // 40,000 rows: 172 look-ups of up to 500 ids; before the fix PostgreSQL switched the look-up
      // to its generic plan at about the 87th, and the test took 64 s instead of 10.
      assertThat(genericLookUps).as("entity look-ups that ran with a generic plan").isZero();
    }
  }
}
