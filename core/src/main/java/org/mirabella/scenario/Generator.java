package org.mirabella.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * The synthetic G7 case file: makes networks one by one from the seed, lets every agency see its part
 * of each and write it its own way, and writes the ground truth, the import mappings and a manifest
 * beside the agency files. Memory holds one network at a time (a few hundred persons), so any scale
 * runs in constant memory; the output is byte-identical for the same seed and scale.
 *
 * <pre>
 * OUT/manifest.csv                        file, agency, case, mapping, format, rows
 * OUT/agencies/IT/it-sco-persons.csv      an agency export
 * OUT/agencies/IT/it-sco-persons.mapping.yaml   its import mapping (docs/import-mapping.md)
 * OUT/truth/*.csv                         the ground truth (see TruthWriter)
 * </pre>
 */
public final class Generator {
  /** Persons per network on average: a network is a few tens of members and a few hundred clients. */
  public static final int PERSONS_PER_NETWORK = 250;

  /** What a run produced. */
  public record Summary(long persons, int networks, long agencyRows, long truthRows, List<ManifestEntry> files) {}

  /** One agency file: where, whose, which case, which mapping, in what format, how many data rows. */
  public record ManifestEntry(String file, String agency, String caseRef, String mapping, String format, long rows) {}

  /** Told after each network: networks done and the total. */
  @FunctionalInterface
  public interface Progress {
    void networkDone(int done, int total);
  }

  private final long seed;
  private final Scale scale;
  private final List<AgencyProfile> agencies;

  public Generator(long seed, Scale scale) {
    this(seed, scale, AgencyProfile.all());
  }

  public Generator(long seed, Scale scale, List<AgencyProfile> agencies) {
    this.seed = seed;
    this.scale = scale;
    this.agencies = List.copyOf(agencies);
  }

  public int networks() {
    return (int) Math.max(Routes.get().all().size(), (scale.persons() + PERSONS_PER_NETWORK - 1) / PERSONS_PER_NETWORK);
  }

  /** Persons in network {@code i}: the scale spread evenly over the networks. */
  int personsIn(int i) {
    int n = networks();
    return (int) (scale.persons() / n + (i < scale.persons() % n ? 1 : 0));
  }

  public Summary generate(Path out, TableWriterFactory factory, Progress progress) {
    try {
      return run(out, factory, progress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Summary run(Path out, TableWriterFactory factory, Progress progress) throws IOException {
    Files.createDirectories(out);
    if (Files.exists(out.resolve("manifest.csv"))) {
      throw new InvalidData("Output folder not empty", Map.of("out", out + " already holds a generated case file (manifest.csv)"));
    }
    List<AgencyView> views = new ArrayList<>();
    int total = networks();
    long truthRows;
    try (TruthWriter truth = new TruthWriter(out.resolve("truth"))) {
      for (AgencyProfile p : agencies) {
        Path dir = out.resolve("agencies").resolve(p.code());
        Files.createDirectories(dir);
        Map<String, PartedWriter> writers = new LinkedHashMap<>();
        for (String table : p.tables()) {
          writers.put(table, new PartedWriter(factory, dir, "agencies/" + p.code(), Tables.fileName(table, p),
              format(table, p), Tables.header(table, p)));
        }
        views.add(new AgencyView(p, seed, writers, truth));
      }
      NetworkGenerator gen = new NetworkGenerator(seed, new Identifiers());
      for (int i = 0; i < total; i++) {
        World.Network n = gen.generate(i, personsIn(i));
        truth.network(n);
        for (AgencyView v : views) v.see(n);
        if (progress != null) progress.networkDone(i + 1, total);
      }
      for (AgencyView v : views) v.close();
      truthRows = truth.records();
    }
    List<ManifestEntry> manifest = new ArrayList<>();
    long rows = 0;
    for (AgencyView v : views) {
      AgencyProfile p = v.profile();
      for (var e : v.parts().entrySet()) {
        String table = e.getKey();
        String mapping = "agencies/" + p.code() + "/" + p.prefix() + "-" + table + ".mapping.yaml";
        writeMapping(out.resolve(mapping), Tables.mapping(table, p), p, table);
        for (PartedWriter.Part part : e.getValue()) {
          manifest.add(new ManifestEntry(part.file(), p.code(), p.caseRef(), mapping, p.format().type(), part.rows()));
          rows += part.rows();
        }
      }
    }
    writeManifest(out.resolve("manifest.csv"), manifest);
    return new Summary(scale.persons(), total, rows, truthRows, List.copyOf(manifest));
  }

  /** The format of one table's file: XLSX files name their sheet after the table. */
  private static AgencyProfile.Format format(String table, AgencyProfile p) {
    AgencyProfile.Format f = p.format();
    return new AgencyProfile.Format(f.type(), f.delimiter(), f.encoding(), f.bom(), Tables.sheet(table, p));
  }

  private static void writeMapping(Path file, Map<String, Object> mapping, AgencyProfile p, String table) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# " + Tables.fileName(table, p) + ": " + table + " exported by " + p.code() + ", case " + p.caseRef() + "\n");
      w.write("# generated by mirabella generate; import with: mirabella import " + Tables.fileName(table, p) + " --agency "
          + p.code() + " --case '" + p.caseRef() + "' --mapping " + file.getFileName() + "\n");
      yaml.writeValue(w, mapping);
    }
  }

  private static void writeManifest(Path file, List<ManifestEntry> entries) throws IOException {
    AgencyProfile.Format csv = new AgencyProfile.Format("csv", ",", "UTF-8", false, null);
    try (TableWriter w = new TableWriters.Csv(file, csv, List.of("file", "agency", "case", "mapping", "format", "rows"))) {
      for (ManifestEntry e : entries) {
        w.row(List.of(e.file(), e.agency(), e.caseRef(), e.mapping(), e.format(), String.valueOf(e.rows())));
      }
    }
  }
}
