package org.mirabella.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mirabella.agency.Agencies;
import org.mirabella.ingest.ImportService;
import org.mirabella.ingest.ImportSettings;
import org.mirabella.ingest.Ingestor;
import org.mirabella.ingest.InputFile;
import org.mirabella.ingest.MappingLoader;
import org.mirabella.model.Model;
import org.mirabella.scenario.Generator;
import org.mirabella.scenario.Scale;
import org.mirabella.scenario.cli.GenerateCommand;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * The synthetic G7 case file (seed 1) at a given scale, imported agency by agency as the units would,
 * without matching: the engines under test then match the same store.
 */
final class ScenarioStore {
  private ScenarioStore() {}

  static long load(Database db, Scale scale) {
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    Path dir;
    try {
      dir = Files.createTempDirectory("mirabella-spark-scenario-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Generator.Summary generated = new Generator(1, scale).generate(dir, GenerateCommand.writers(), null);
      ImportService imports = new ImportService(store, Model.get());
      long entities = 0;
      for (Generator.ManifestEntry e : generated.files()) {
        Path file = dir.resolve(e.file());
        var mapping = MappingLoader.load(dir.resolve(e.mapping()), Model.get());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ImportSettings settings = new ImportSettings(e.agency(), e.caseRef(), null, null, null, "spark-test", at);
        entities += imports.run(List.of(new InputFile(file, file.getFileName().toString())), mapping, settings, true,
            reject -> {}, Ingestor.Progress.NONE).entitiesAdded();
      }
      return entities;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      } catch (IOException e) {
        // a temporary folder left behind does not fail a test
      }
    }
  }
}
