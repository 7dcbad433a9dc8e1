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
 * the whole uncommitted entity table). {@code pg_prepared_statements} counts the generic and custom
 * plans of the connection's statements.
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
      long[] plans = db.jdbi().<long[], SQLException>inTransaction(h -> {
        Connection c = h.getConnection();
        try (ImportWriter writer = new ImportWriter(c, "run-plan", settings.recordedAt(), true, b -> {})) {
          new Ingestor(Model.get(), mapping, settings).run(List.of(InputFile.of(csv)), writer, r -> {}, Ingestor.Progress.NONE);
          assertThat(writer.entitiesAdded()).isEqualTo(60_000);
        }
        try (var st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                + "WHERE statement LIKE 'SELECT id, created_at FROM entity WHERE id IN%'")) {
          assertThat(rs.next()).as("the entity look-up is a server-side prepared statement").isTrue();
          return new long[] {rs.getLong(1), rs.getLong(2)};
        }
      });
      assertThat(plans[0]).as("generic plans of the entity look-up (custom: %d)", plans[1]).isZero();
      assertThat(plans[1]).as("custom plans of the entity look-up").isGreaterThanOrEqualTo(10);
    }
  }
}
