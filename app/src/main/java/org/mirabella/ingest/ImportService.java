package org.mirabella.ingest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * Imports files into the store in one transaction: the case is created if new, entities and
 * statements are written as the {@link Ingestor} maps them, values this mapping stated before and
 * no longer states are retracted, and the run is recorded. A bad file or mapping, or rows rejected
 * without {@code acceptRejects}, leave the store as it was.
 */
public final class ImportService {
  /*
   * On PostgreSQL new rows go in with COPY; the system property mirabella.import.noCopy=true makes
   * them batched INSERTs as on H2 (for the benchmark's comparison).
   */

  /** At most this many rejects travel in the result (all go to the rejects consumer). */
  static final int SAMPLE_REJECTS = 100;

  private final EntityStore store;
  private final Model model;

  public ImportService(EntityStore store, Model model) {
    this.store = store;
    this.model = model;
  }

  /** Thrown inside the transaction to roll it back when rejects were not accepted. */
  private static final class RejectedRows extends RuntimeException {
    final transient ImportResult result;

    RejectedRows(ImportResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  public ImportResult run(List<InputFile> files, Mapping mapping, ImportSettings given, boolean acceptRejects,
      Consumer<Reject> rejects, Ingestor.Progress progress) {
    Agencies.get().require(given.agency());
    long t0 = System.nanoTime();
    Instant at = given.recordedAt().truncatedTo(ChronoUnit.MILLIS);
    ImportSettings settings = new ImportSettings(given.agency(), given.caseRef(), given.handling(), given.handlingCondition(),
        given.grade(), given.recordedBy(), at);
    String run = UUID.randomUUID().toString();
    List<Reject> sample = new ArrayList<>();
    Consumer<Reject> collect = r -> {
      if (sample.size() < SAMPLE_REJECTS) sample.add(r);
      rejects.accept(r);
    };
    String fileNames = files.stream().map(InputFile::name).collect(Collectors.joining(", "));
    try {
      ImportResult[] out = new ImportResult[1];
      store.transaction(w -> {
        w.ensureCase(settings.agency(), settings.caseRef(), "Imported case " + settings.caseRef(), LocalDate.now(ZoneOffset.UTC));
        try (ImportWriter writer = new ImportWriter(w.handle().getConnection(), run, at,
            store.database().dialect() == Database.Dialect.POSTGRES && !Boolean.getBoolean("mirabella.import.noCopy"),
            w::written)) {
          ImportSummary read = new Ingestor(model, mapping, settings).run(files, writer, collect, progress);
          long retracted = writer.retractUnstated(settings.agency(), settings.caseRef(), mapping.name(), settings.recordedBy(),
              "no longer stated by import " + run + " of " + fileNames + " (mapping " + mapping.name() + ")");
          ImportResult result = new ImportResult(run, settings.agency(), settings.caseRef(), mapping.name(),
              acceptRejects || read.rowsRejected() == 0, read, writer.entitiesAdded(), writer.statementsAdded(),
              writer.statementsUnchanged(), retracted, (System.nanoTime() - t0) / 1_000_000L, List.copyOf(sample));
          if (!result.committed()) throw new RejectedRows(result);
          record(w, result, fileNames, settings);
          out[0] = result;
        } catch (SQLException e) {
          throw new IllegalStateException("import failed: " + e.getMessage(), e);
        }
      });
      return out[0];
    } catch (RejectedRows r) {
      return r.result;
    }
  }

  private static void record(EntityStore.Writer w, ImportResult r, String files, ImportSettings s) {
    w.handle().createUpdate("INSERT INTO import_run(id, agency, case_ref, mapping, files, recorded_by, started_at, finished_at, "
            + "rows_read, rows_rejected, entities_added, statements_added, statements_unchanged, statements_retracted) "
            + "VALUES (:id, :agency, :case, :mapping, :files, :by, :started, :finished, :read, :rejected, :entities, :added, "
            + ":unchanged, :retracted)")
        .bind("id", r.run()).bind("agency", s.agency()).bind("case", s.caseRef()).bind("mapping", r.mapping())
        .bind("files", files.length() > 4096 ? files.substring(0, 4093) + "..." : files).bind("by", s.recordedBy())
        .bind("started", OffsetDateTime.ofInstant(s.recordedAt(), ZoneOffset.UTC)).bind("finished", OffsetDateTime.now(ZoneOffset.UTC))
        .bind("read", r.read().rowsRead()).bind("rejected", r.read().rowsRejected()).bind("entities", r.entitiesAdded())
        .bind("added", r.statementsAdded()).bind("unchanged", r.statementsUnchanged()).bind("retracted", r.statementsRetracted())
        .execute();
  }
}
