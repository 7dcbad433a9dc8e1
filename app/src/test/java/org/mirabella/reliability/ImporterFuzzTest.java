package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.agency.Agencies;
import org.mirabella.ingest.ImportResult;
import org.mirabella.ingest.ImportService;
import org.mirabella.ingest.ImportSettings;
import org.mirabella.ingest.Ingestor;
import org.mirabella.ingest.InputFile;
import org.mirabella.ingest.Mapping;
import org.mirabella.ingest.MappingLoader;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/**
 * Bounded fuzzing of the four importers (CSV, JSON lines, XLSX, FtM JSON lines): valid exports
 * mutated by {@link Mutator} are imported into a real store. Every outcome must be an import
 * result or an {@link InvalidData} naming what was wrong; never another exception. A refused or
 * rejected import leaves the store exactly as it was; a committed one adds exactly what it says.
 * {@code -Dmirabella.fuzz.seconds=600 -Dmirabella.fuzz.seed=N} for a longer run (docs/reliability.md).
 */
class ImporterFuzzTest {
  private static final long SECONDS = Long.getLong("mirabella.fuzz.seconds", 15);
  private static final long SEED = Long.getLong("mirabella.fuzz.seed", 20261128);

  private record Format(String name, String extension, Mapping mapping, byte[] valid) {}

  private static List<Format> formats(Path dir) throws Exception {
    Model model = Model.get();
    Path csv = CrashFixture.persons(dir.resolve("seed.csv"), 0, 12);
    Path csvMapping = Files.writeString(dir.resolve("csv.yaml"), CrashFixture.MAPPING);
    Path jsonlMapping = Files.writeString(dir.resolve("jsonl.yaml"), """
        source: {format: jsonl}
        entities:
          person:
            schema: Person
            keys: [id]
            properties:
              name: {column: name}
              birthDate: {column: born}
              nationality: {column: country}
              phone: {column: contact.phone}
        """);
    String jsonl = """
        {"id": "1", "name": "Ada Lovelace", "born": "1815-12-10", "country": "gb", "contact": {"phone": "+44 20 7946 0958"}}
        {"id": "2", "name": "محمد عبد الرحمن", "born": "1990", "country": "ly", "contact": {"phone": null}}
        {"id": "3", "name": "José Niccolò", "born": "1987-03", "country": "it", "contact": {}}
        """;
    Path xlsxMapping = Files.writeString(dir.resolve("xlsx.yaml"), """
        source: {format: xlsx}
        entities:
          person:
            schema: Person
            keys: [id]
            properties:
              name: {column: name}
              birthDate: {column: born}
        """);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("People");
      String[][] rows = {{"id", "name", "born"}, {"1", "Ada Lovelace", "1815-12-10"}, {"2", "Amira Ben Salah", "1990-04-01"},
          {"3", "Karim Haddad", "1979"}};
      for (int i = 0; i < rows.length; i++) {
        Row r = s.createRow(i);
        for (int j = 0; j < rows[i].length; j++) r.createCell(j).setCellValue(rows[i][j]);
      }
      wb.write(xlsx);
    }
    String ftm = """
        {"id": "fz-1", "schema": "Person", "properties": {"name": ["Ada Lovelace"], "birthDate": ["1815-12-10"], "nationality": ["gb"]}}
        {"id": "fz-2", "schema": "Company", "properties": {"name": ["Sahara Trading"], "jurisdiction": ["ly"]}}
        {"id": "fz-3", "schema": "Ownership", "properties": {"owner": ["fz-1"], "asset": ["fz-2"]}}
        """;
    return List.of(
        new Format("csv", ".csv", MappingLoader.load(csvMapping, model), Files.readAllBytes(csv)),
        new Format("jsonl", ".jsonl", MappingLoader.load(jsonlMapping, model), jsonl.getBytes(StandardCharsets.UTF_8)),
        new Format("xlsx", ".xlsx", MappingLoader.load(xlsxMapping, model), xlsx.toByteArray()),
        new Format("ftm", ".json", Mapping.ftm("ftm"), ftm.getBytes(StandardCharsets.UTF_8)));
  }

  private static long statements(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM statement").mapTo(Long.class).one());
  }

  @Test
  void mutatedExportsAreImportedOrRefusedCleanlyAndNeverHalfWritten(@TempDir Path dir) throws Exception {
    List<Format> formats = formats(dir);
    Mutator mutator = new Mutator(SEED);
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    try (Database db = TestDatabases.h2()) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      ImportService service = new ImportService(store, Model.get());
      // The unmutated exports import: the mutations start from working files.
      for (Format f : formats) {
        Path p = Files.write(dir.resolve("valid" + f.extension()), f.valid());
        ImportResult r = service.run(List.of(new InputFile(p, p.getFileName().toString())), f.mapping(),
            new ImportSettings("IT", "FUZZ-VALID-" + f.name(), null, null, null, "fuzz", Instant.now()), false, x -> {}, Ingestor.Progress.NONE);
        assertThat(r.committed()).as(f.name() + " " + r.toMap()).isTrue();
        assertThat(r.statementsAdded()).as(f.name()).isPositive();
      }
      long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
      int i = 0;
      while (System.nanoTime() < deadline && i < 5_000) {
        Format f = formats.get(i % formats.size());
        byte[] input = mutator.mutate(f.valid());
        Path p = Files.write(dir.resolve("fuzz-" + i + f.extension()), input);
        boolean accept = mutator.random().nextBoolean();
        long before = statements(db);
        String outcome;
        try {
          ImportResult r = service.run(List.of(new InputFile(p, p.getFileName().toString())), f.mapping(),
              new ImportSettings("IT", "FUZZ-" + i, null, null, null, "fuzz", Instant.now()), accept, x -> {}, Ingestor.Progress.NONE);
          long added = statements(db) - before;
          assertThat(added).as("seed %d input %d (%s): a committed import adds what it reports, a rejected one nothing", SEED, i, f.name())
              .isEqualTo(r.committed() ? r.statementsAdded() : 0);
          outcome = r.committed() ? "imported" : "rejected rows";
        } catch (InvalidData e) {
          assertThat(e.getMessage()).as("seed %d input %d: the error says what is wrong", SEED, i).isNotBlank();
          assertThat(e.errors()).as("seed %d input %d: the error names the field", SEED, i).isNotEmpty();
          assertThat(statements(db)).as("seed %d input %d: a refused import writes nothing", SEED, i).isEqualTo(before);
          outcome = "refused";
        } catch (Throwable t) {
          Path kept = Files.copy(p, Path.of("target", "fuzz-failure-" + f.name() + "-" + SEED + "-" + i + f.extension()),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          fail("seed " + SEED + " input " + i + " (" + f.name() + ", kept as " + kept + ") crashed the importer: " + t, t);
          return;
        }
        outcomes.merge(f.name() + " " + outcome, 1, Integer::sum);
        Files.delete(p);
        i++;
      }
      System.out.printf("importer fuzzing, seed %d, %d inputs in %d s: %s%n", SEED, i, SECONDS, outcomes);
      assertThat(i).isGreaterThanOrEqualTo(formats.size());
    }
  }
}
