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
    subcommands = {org.mirabella.matching.cli.MatchBenchCommand.class})
final class BenchCommand implements Runnable {
  @Parameters(paramLabel = "WHAT", arity = "0..1", description = "What to measure: import (matching: the subcommand 'bench match').")
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


  @Override
  public void run() {
    if (!"import".equals(what)) throw new Main.UserError("unknown benchmark '" + what + "': use import");
    PrintWriter out = spec.commandLine().getOut();
    boolean temporary = dir == null;
    try {
      Path work = temporary ? Files.createTempDirectory("mirabella-bench") : Files.createDirectories(dir);
      try {
        Path file = csv != null ? csv : BenchmarkFile.write(work.resolve("bench-" + rows + ".csv"), rows);
        Path mappingFile = work.resolve("bench.yaml");
        Files.writeString(mappingFile, BenchmarkFile.MAPPING);
        Mapping mapping = MappingLoader.load(mappingFile, Model.get());
        Path storeDir = work.resolve("store-" + System.nanoTime());
        long added;
        out.printf("  load average %.2f before%n", load());
        try (Database db = dbUrl == null ? Database.embedded(storeDir) : Database.open(dbUrl, null, null)) {
          EntityStore store = new EntityStore(db, Model.get());
          store.ensureAgencies(Agencies.get());
          resetPeaks();
          long t0 = System.nanoTime();
          long cpu0 = cpuNanos();
          ImportResult r = new ImportService(store, Model.get()).run(List.of(InputFile.of(file)), mapping,
              new ImportSettings("IT", "BENCH-" + System.currentTimeMillis(), null, null, null, "bench", null), true,
              x -> {}, every <= 0 ? Ingestor.Progress.NONE : progress(out, t0, cpu0));
          double s = (System.nanoTime() - t0) / 1e9;
          double cpu = (cpuNanos() - cpu0) / 1e9;
          out.printf("bench import: %s (%.1f MB), %d rows -> %d entities, %d statements in %.1f s%n", file.getFileName(),
              Files.size(file) / 1e6, r.read().rowsRead(), r.entitiesAdded(), r.statementsAdded(), s);
          out.printf("  %.0f rows/s, %.0f statements/s; peak heap %.0f MB (max heap %.0f MB); %d cores; %s%n",
              r.read().rowsRead() / s, r.statementsAdded() / s, peakHeap() / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
              Runtime.getRuntime().availableProcessors(), db.dialect());
          out.printf("  process CPU time %.1f s (%.2f cores busy on average): %.0f statements per CPU-second; load average %.2f after%n",
              cpu, cpu / s, r.statementsAdded() / cpu, load());
          added = r.statementsAdded();
        }
        if (dbUrl == null && added > 0) {
          long bytes = size(storeDir);
          out.printf("  store folder after close: %d bytes, %.0f bytes per statement%n", bytes, (double) bytes / added);
        }
      } finally {
        if (temporary) deleteTree(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
