package org.mirabella.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.ingest.CaseFolder;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.ingest.ImportService;
import org.mirabella.ingest.ImportSettings;
import org.mirabella.ingest.Ingestor;
import org.mirabella.ingest.InputFile;
import org.mirabella.ingest.MappingLoader;
import org.mirabella.matching.engine.StoredModel;
import org.mirabella.matching.store.MatchModels;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.scenario.Generator;
import org.mirabella.scenario.Scale;
import org.mirabella.scenario.cli.GenerateCommand;
import org.mirabella.store.EntityStore;
import org.mirabella.xref.CrossMatcher;

/**
 * The bulk path: a generated case file's agency files mapped on Spark's executors into Parquet hold
 * the statements {@code ImportService} stores for the same files (same ids, entities, values and
 * provenance), and Spark over that Parquet, with a model fitted on the driver, finds the hits the
 * in-process engine finds after {@code xref --refit} on the store, pair for pair.
 */
class SparkIngestTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestStores.spark();
  }

  @AfterAll
  static void stop() {
    if (spark != null) spark.stop();
  }

  private static final String COLUMNS = "s.id, s.entity_id, e.schema_name, s.agency, s.case_ref, s.property, s.prop_value, "
      + "s.original_value, s.handling, s.handling_condition, s.reliability, s.accuracy, s.source, s.recorded_by";

  @Test
  void theFilesMappedOnSparkAreTheStatementsAnImportStoresAndGiveTheSameHits(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("case-file");
    Generator.Summary generated = new Generator(1, Scale.parse("80")).generate(dir, GenerateCommand.writers(), null);
    Set<String> formats = new TreeSet<>();
    generated.files().forEach(e -> formats.add(e.format()));
    assertThat(formats).as("the generator's formats").contains("csv", "jsonl", "xlsx");

    try (TestStores.Store s = TestStores.h2()) {
      // the store: every file imported in the manifest's order, as the units would
      EntityStore store = new EntityStore(s.db(), Model.get());
      store.ensureAgencies(Agencies.get());
      ImportService imports = new ImportService(store, Model.get());
      for (Generator.ManifestEntry e : generated.files()) {
        Path file = dir.resolve(e.file());
        ImportSettings settings = new ImportSettings(e.agency(), e.caseRef(), null, null, null, "bulk-test",
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
        imports.run(List.of(new InputFile(file, file.getFileName().toString())), MappingLoader.load(dir.resolve(e.mapping()), Model.get()),
            settings, true, r -> {}, Ingestor.Progress.NONE);
      }
      List<String> stored = s.db().jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS
              + " FROM statement s JOIN entity e ON e.id = s.entity_id WHERE s.retracted_at IS NULL")
          .map((rs, c) -> {
            List<String> v = new ArrayList<>();
            for (int i = 1; i <= 14; i++) v.add(rs.getString(i) == null ? null : rs.getString(i).strip());
            return String.join("\t", String.valueOf(v));
          }).list());

      // the bulk path
      String parquet = tmp.resolve("statements.parquet").toString();
      SparkIngest.Summary summary = new SparkIngest(spark).load(dir, CaseFolder.read(dir), "bulk-test", Instant.now(), parquet);
      assertThat(summary.files()).isEqualTo(generated.files().size());
      assertThat(summary.rowsRead()).isEqualTo(generated.agencyRows());
      List<String> bulk = new ArrayList<>();
      List<Long> seqs = new ArrayList<>();
      for (Row r : spark.read().parquet(parquet).select("statement_id", "id", "schema_name", "agency", "case_ref", "property",
          "prop_value", "original_value", "handling", "handling_condition", "reliability", "accuracy", "source", "recorded_by", "seq").collectAsList()) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < 14; i++) v.add(r.isNullAt(i) ? null : String.valueOf(r.get(i)));
        bulk.add(String.join("\t", String.valueOf(v)));
        seqs.add(r.getLong(14));
      }
      assertThat(stored).hasSizeGreaterThan(1_000);
      assertThat(bulk).as("no statement twice").doesNotHaveDuplicates();
      assertThat(new TreeSet<>(bulk)).isEqualTo(new TreeSet<>(stored));
      assertThat(summary.statementsWritten()).isEqualTo(stored.size());
      long entities = s.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM entity").mapTo(Long.class).one());
      assertThat(Set.copyOf(seqs)).as("one seq per entity").hasSize((int) entities);

      // the model fitted on the driver: over the same records as the store's refit, with the same stop
      // keys (m and u may differ in the last digits: EM's result depends on the order of the records,
      // which the store's refit reads in its own)
      SparkXref job = new SparkXref(spark, 2);
      DriverFit.Fitted fitted = DriverFit.fit(job, job.readParquet(parquet), 1_000_000, "bulk-test");
      HitStore hits = new HitStore(s.db(), new JdbcAuditLog(s.db()));
      CrossMatcher refitted = CrossMatcher.refitted(s.db(), store, hits, "bulk-test");
      StoredModel v1 = new MatchModels(s.db()).latestModel().orElseThrow();
      assertThat(fitted.sampled()).isEqualTo(fitted.records()).isEqualTo(v1.records());
      assertThat(fitted.model().pairs()).isEqualTo(v1.pairs());
      assertThat(fitted.model().stopKeys()).isEqualTo(v1.stopKeys());
      assertThat(fitted.model().levels()).hasSameSizeAs(v1.levels());

      // Spark over the Parquet with the store's model finds the in-process engine's hits
      refitted.rematchAll();
      Set<String> inProcess = SparkXrefTest.hitRows(s.db());
      assertThat(inProcess).hasSizeGreaterThan(20);
      s.db().jdbi().useHandle(h -> h.execute("DELETE FROM hit"));
      SparkXref.Result r = job.run(job.readParquet(parquet), Optional.of(v1));
      Path file = tmp.resolve("hits.jsonl");
      SparkMain.writeHits(file, r.hits(), v1.version());
      org.mirabella.xref.XrefCommand.record(hits, org.mirabella.xref.XrefCommand.readHits(file));
      assertThat(SparkXrefTest.hitRows(s.db())).isEqualTo(inProcess);

      // the in-process reference of the benchmark scores the same pairs to the same hits
      InProcessScoring.Report rep = InProcessScoring.run(job, job.readParquet(parquet), Optional.of(v1), r);
      assertThat(rep.pairs()).isEqualTo(r.candidatePairs());
      assertThat(rep.same()).isEqualTo(rep.sparkHits()).isEqualTo(r.hits().size()).isEqualTo(rep.hits());
    }
  }

  @Test
  void theCommandsLoadFitAndMatchAndBadManifestsAreNamed(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("case-file");
    new Generator(2, Scale.parse("50")).generate(dir, GenerateCommand.writers(), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // load: mapped and fitted, nothing matched yet
    int code = SparkMain.run(new String[] {"load", "--files", dir.toString(), "--master", "local[1]", "--partitions", "2"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("mapped ", "fitted model version 1", "--parquet ")
        .doesNotContain("hits between agencies");
    Path parquet = dir.resolve("statements.parquet");
    assertThat(parquet.resolve(SparkXref.MODEL_FILE)).exists();
    // xref over what load wrote, with the model beside it
    out.reset();
    code = SparkMain.run(new String[] {"xref", "--parquet", parquet.toString(), "--master", "local[1]", "--partitions", "2",
        "--out", tmp.resolve("hits.jsonl").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    start(); // the command closed the session it shared with this class (getOrCreate)
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("model version 1", "hits between agencies");
    assertThat(Files.readAllLines(tmp.resolve("hits.jsonl"))).isNotEmpty().allMatch(l -> l.contains("\"modelVersion\":1"));

    // a manifest line naming a file that is not there: the manifest's line named
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("manifest.csv")));
    lines.set(2, lines.get(2).replaceFirst("^[^,]+", "agencies/missing.csv"));
    Files.write(dir.resolve("manifest.csv"), lines);
    assertThatThrownBy(() -> CaseFolder.read(dir)).isInstanceOf(InvalidData.class)
        .satisfies(e -> assertThat(((InvalidData) e).errors().toString()).contains("manifest.csv: line 3", "missing.csv"));
  }
}
