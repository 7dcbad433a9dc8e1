package org.mirabella.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.mirabella.agency.Agencies;
import org.mirabella.ingest.ImportResult;
import org.mirabella.ingest.ImportService;
import org.mirabella.ingest.ImportSettings;
import org.mirabella.ingest.BenchmarkFile;
import org.mirabella.ingest.CaseFolder;
import org.mirabella.ingest.ImportSummary;
import org.mirabella.ingest.Ingestor;
import org.mirabella.ingest.InputFile;
import org.mirabella.ingest.Mapping;
import org.mirabella.ingest.MappingLoader;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mirabella bench import}: writes a synthetic person/payment CSV of {@code --rows} rows,
 * imports it into a fresh embedded store and prints rows/s, statements/s and the peak heap. The
 * figures go in docs/benchmarks-ingest.md with the exact command.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks: 'bench import' measures import speed and memory.",
    subcommands = {org.mirabella.matching.cli.MatchBenchCommand.class, org.mirabella.reliability.LoadBenchmark.class})
final class BenchCommand implements Runnable {
  @Parameters(paramLabel = "WHAT", arity = "0..1", description = "What to measure: import (matching and load: the subcommands 'bench match' and 'bench load').")
  String what;

  @Option(names = "--rows", defaultValue = "200000", description = "Rows of the synthetic CSV (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--dir", paramLabel = "DIR", description = "Work folder for the CSV and the store (default: a temporary folder, deleted after).")
  Path dir;

  @Option(names = "--csv", paramLabel = "FILE", description = "Import this CSV (written by an earlier run with --dir) instead of writing one.")
  Path csv;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = "A PostgreSQL database instead of a fresh embedded store.")
  String dbUrl;

  @Option(names = "--every", defaultValue = "60", description = "Print a progress line (rows, heap after GC, CPU) every this many seconds (default ${DEFAULT-VALUE}; 0: none).")
  int every;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;


  @Option(names = "--files", paramLabel = "DIR", description = "Import every file of this case file folder (written by 'mirabella generate', "
      + "listed in its manifest.csv), each with its mapping as its agency and case, one import per file, instead of the synthetic CSV.")
  Path files;

  @Option(names = "--no-store", description = "Read, map, clean and identify the statements without writing them anywhere: "
      + "the import's own cost, which bounds any store's rate.")
  boolean noStore;

  /** One import of the run: a file, its mapping and its agency and case. */
  private record Job(Path file, Mapping mapping, String agency, String caseRef) {}

  @Override
  public void run() {
    if (what == null) throw new Main.UserError("bench: say what to measure: import, match or load (see 'mirabella bench --help')");
    if (!"import".equals(what)) throw new Main.UserError("unknown benchmark '" + what + "': use import, match or load");
    if (files != null && csv != null) throw new Main.UserError("--files and --csv: give one of them");
    PrintWriter out = spec.commandLine().getOut();
    boolean temporary = dir == null;
    try {
      Path work = temporary ? Files.createTempDirectory("mirabella-bench") : Files.createDirectories(dir);
      try {
        List<Job> jobs = jobs(work);
        long bytes = 0;
        for (Job j : jobs) bytes += Files.size(j.file());
        String label = files != null ? files + " (" + jobs.size() + " files, " + String.format("%.1f MB", bytes / 1e6) + ")"
            : jobs.get(0).file().getFileName() + String.format(" (%.1f MB)", bytes / 1e6);
        Path storeDir = work.resolve("store-" + System.nanoTime());
        out.printf("  load average %.2f before%n", load());
        if (noStore) {
          mapOnly(out, jobs, label);
          return;
        }
        long added;
        try (Database db = dbUrl == null ? Database.embedded(storeDir) : Database.open(dbUrl, null, null)) {
          EntityStore store = new EntityStore(db, Model.get());
          store.ensureAgencies(Agencies.get());
          resetPeaks();
          long t0 = System.nanoTime();
          long cpu0 = cpuNanos();
          ImportService imports = new ImportService(store, Model.get());
          Ingestor.Progress progress = every <= 0 ? Ingestor.Progress.NONE : progress(out, t0, cpu0);
          long rowsRead = 0;
          long rejected = 0;
          long entities = 0;
          added = 0;
          String tag = "BENCH-" + System.currentTimeMillis();
          for (Job j : jobs) {
            ImportResult r = imports.run(List.of(InputFile.of(j.file())), j.mapping(),
                new ImportSettings(j.agency(), files != null ? j.caseRef() : tag, null, null, null, "bench", null), true, x -> {}, progress);
            rowsRead += r.read().rowsRead();
            rejected += r.read().rowsRejected();
            entities += r.entitiesAdded();
            added += r.statementsAdded();
          }
          double s = (System.nanoTime() - t0) / 1e9;
          double cpu = (cpuNanos() - cpu0) / 1e9;
          out.printf("bench import: %s, %d rows (%d rejected) -> %d entities, %d statements in %.1f s%n", label, rowsRead, rejected, entities,
              added, s);
          out.printf("  %.0f rows/s, %.0f statements/s; peak heap %.0f MB (max heap %.0f MB); %d cores; %s%n",
              rowsRead / s, added / s, peakHeap() / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
              Runtime.getRuntime().availableProcessors(), db.dialect());
          out.printf("  process CPU time %.1f s (%.2f cores busy on average): %.0f statements per CPU-second; load average %.2f after%n",
              cpu, cpu / s, added / cpu, load());
        }
        if (dbUrl == null && added > 0) {
          long size = size(storeDir);
          out.printf("  store folder after close: %d bytes, %.0f bytes per statement%n", size, (double) size / added);
        }
      } finally {
        if (temporary) deleteTree(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run's imports: every file of {@code --files}, or the synthetic CSV with its mapping. */
  private List<Job> jobs(Path work) throws IOException {
    if (files != null) {
      List<Job> jobs = new java.util.ArrayList<>();
      java.util.Map<String, Mapping> mappings = new java.util.HashMap<>();
      for (CaseFolder.Part p : CaseFolder.read(files)) {
        Mapping m = mappings.computeIfAbsent(p.mapping(), name -> MappingLoader.load(files.resolve(name), Model.get()));
        jobs.add(new Job(files.resolve(p.file()), m, p.agency(), p.caseRef()));
      }
      return jobs;
    }
    Path file = csv != null ? csv : BenchmarkFile.write(work.resolve("bench-" + rows + ".csv"), rows);
    Path mappingFile = work.resolve("bench.yaml");
    Files.writeString(mappingFile, BenchmarkFile.MAPPING);
    return List.of(new Job(file, MappingLoader.load(mappingFile, Model.get()), "IT", "BENCH"));
  }

  /**
   * {@code --no-store}: the ingestor's whole path (read, map, clean, statement ids), its batches
   * counted and dropped. Single-threaded like an import's reader, so its statements per
   * CPU-second are what one core can feed any store.
   */
  private void mapOnly(PrintWriter out, List<Job> jobs, String label) {
    resetPeaks();
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    Ingestor.Progress progress = every <= 0 ? Ingestor.Progress.NONE : progress(out, t0, cpu0);
    long[] statements = {0};
    long[] entities = {0};
    Ingestor.EntitySink count = batch -> {
      for (org.mirabella.model.Entity e : batch) {
        entities[0]++;
        statements[0] += e.statements().size();
      }
    };
    long rowsRead = 0;
    long rejected = 0;
    for (Job j : jobs) {
      ImportSummary r = new Ingestor(Model.get(), j.mapping(), new ImportSettings(j.agency(), j.caseRef(), null, null, null, "bench", null))
          .run(List.of(InputFile.of(j.file())), count, x -> {}, progress);
      rowsRead += r.rowsRead();
      rejected += r.rowsRejected();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuNanos() - cpu0) / 1e9;
    out.printf("bench import --no-store: %s, %d rows (%d rejected) -> %d entities, %d statements mapped in %.1f s (nothing written)%n", label,
        rowsRead, rejected, entities[0], statements[0], s);
    out.printf("  %.0f rows/s, %.0f statements/s; peak heap %.0f MB (max heap %.0f MB); %d cores%n", rowsRead / s, statements[0] / s,
        peakHeap() / 1e6, Runtime.getRuntime().maxMemory() / 1e6, Runtime.getRuntime().availableProcessors());
    out.printf("  process CPU time %.1f s (%.2f cores busy on average): %.0f statements per CPU-second; load average %.2f after%n", cpu,
        cpu / s, statements[0] / cpu, load());
  }

  /**
   * Progress lines for long runs: rows read, the heap in use after a full GC (what the import
   * really holds, unlike the pools' peaks), and the CPU and wall time so far.
   */
  private Ingestor.Progress progress(PrintWriter out, long t0, long cpu0) {
    long[] next = {System.nanoTime() + every * 1_000_000_000L};
    return (f, rows, done, total) -> {
      long now = System.nanoTime();
      if (now < next[0]) return;
      next[0] = now + every * 1_000_000_000L;
      System.gc();
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      double s = (now - t0) / 1e9;
      out.printf("  ... %d rows read in %.0f s (%.0f rows/s), CPU %.0f s, heap after GC %.0f MB of %.0f MB%n", rows, s, rows / s,
          (cpuNanos() - cpu0) / 1e9, heap.getUsed() / 1e6, heap.getMax() / 1e6);
      out.flush();
    };
  }

  
  /** CPU time of the whole process (all threads, GC included): wall time on a shared machine says little. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) b.resetPeakUsage();
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
      if (b.getType() == MemoryType.HEAP) sum += b.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
