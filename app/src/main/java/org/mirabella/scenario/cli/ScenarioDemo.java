package org.mirabella.scenario.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mirabella.ingest.ImportResult;
import org.mirabella.ingest.ImportService;
import org.mirabella.ingest.ImportSettings;
import org.mirabella.ingest.Ingestor;
import org.mirabella.ingest.InputFile;
import org.mirabella.ingest.MappingLoader;
import org.mirabella.model.Model;
import org.mirabella.scenario.Generator;
import org.mirabella.scenario.Scale;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * Loads the synthetic case file into a store the way the agencies would: generates it (seed 1) into a
 * temporary folder, imports every file of the manifest with its mapping, as its agency and case, the
 * deliberately bad rows rejected, then cross-matches each import against the other agencies. Imports
 * are idempotent, so loading twice adds nothing.
 */
public final class ScenarioDemo {
  /** What was loaded. */
  public record Summary(int files, long rows, long rejected, long entitiesAdded, long statementsAdded, long hits) {}

  private ScenarioDemo() {}

  public static Summary load(Database db, EntityStore store, Scale scale, PrintWriter out) {
    return load(db, store, scale, out, true);
  }

  /**
   * As {@link #load(Database, EntityStore, Scale, PrintWriter)}; without {@code crossMatch} the imports
   * are not matched against the other agencies (a store whose hits a test sets up itself).
   */
  public static Summary load(Database db, EntityStore store, Scale scale, PrintWriter out, boolean crossMatch) {
    Path dir;
    try {
      dir = Files.createTempDirectory("mirabella-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Generator.Summary generated = new Generator(1, scale).generate(dir.resolve("case"), GenerateCommand.writers(), null);
      out.printf("Generated the synthetic case file (%,d persons, %,d rows in %d files); importing it agency by agency...%n",
          generated.persons(), generated.agencyRows(), generated.files().size());
      out.flush();
      ImportService imports = new ImportService(store, Model.get());
      long rows = 0;
      long rejected = 0;
      long entities = 0;
      long statements = 0;
      long hits = 0;
      for (Generator.ManifestEntry e : generated.files()) {
        Path file = dir.resolve("case").resolve(e.file());
        var mapping = MappingLoader.load(dir.resolve("case").resolve(e.mapping()), Model.get());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ImportSettings settings = new ImportSettings(e.agency(), e.caseRef(), null, null, null, "demo", at);
        ImportResult r = imports.run(List.of(new InputFile(file, file.getFileName().toString())), mapping, settings, true,
            reject -> {}, Ingestor.Progress.NONE);
        rows += r.read().rowsRead();
        rejected += r.read().rowsRejected();
        entities += r.entitiesAdded();
        statements += r.statementsAdded();
        if (r.committed() && crossMatch) hits += org.mirabella.xref.AfterImport.run(db, store, null, e.agency(), e.caseRef(), at).hits();
      }
      return new Summary(generated.files().size(), rows, rejected, entities, statements, hits);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // a temporary folder left behind is not worth failing the demo
    }
  }
}
