package org.mirabella.scenario.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mirabella.scenario.Generator;
import org.mirabella.scenario.Scale;
import org.mirabella.scenario.TableWriterFactory;
import org.mirabella.scenario.TableWriters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mirabella generate}: writes the synthetic G7 case file (agency exports, their import mappings,
 * a manifest and the ground truth) and prints the throughput and peak heap.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Generate the synthetic case file: every agency's exports with their import mappings, a manifest "
        + "and the ground truth. The same seed and scale give byte-identical output.",
        "Scale: a number of true persons (5000, 25k, 2m) or demo (1,000), 10k, 1m, 10m."})
public final class GenerateCommand implements Runnable {
  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--scale", defaultValue = "demo", description = "Number of true persons or a preset (default ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--out", required = true, description = "Output folder (must not hold a generated case file).")
  Path out;

  @Option(names = "--no-progress", description = "No progress bar even on a terminal.")
  boolean noProgress;

  @Spec CommandSpec spec;

  /** The writers of the app: the core's CSV and JSON lines, plus XLSX. */
  public static TableWriterFactory writers() {
    return TableWriters.with("xlsx", XlsxTableWriter::new);
  }

  @Override
  public void run() {
    PrintWriter w = spec.commandLine().getOut();
    Generator generator = new Generator(seed, Scale.parse(scale));
    if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw new org.mirabella.cli.Main.UserError("--out " + out + " is a file, not a folder");
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    Generator.Summary s;
    if (!noProgress && interactive()) {
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Generating").setInitialMax(generator.networks())
          .setStyle(ProgressBarStyle.ASCII).setUnit(" networks", 1).showSpeed().build()) {
        s = generator.generate(out, writers(), (done, total) -> bar.stepTo(done));
      }
    } else {
      s = generator.generate(out, writers(), null);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuNanos() - cpu0) / 1e9;
    w.printf(Locale.ROOT, "Generated %,d persons in %,d networks into %s: %,d agency rows in %d files, %,d truth rows.%n",
        s.persons(), s.networks(), out, s.agencyRows(), s.files().size(), s.truthRows());
    w.printf(Locale.ROOT, "Time %.1f s: %,.0f agency rows/s (%,.0f rows/s with the truth); peak heap %,d MB (max %,d MB).%n",
        seconds, s.agencyRows() / seconds, (s.agencyRows() + s.truthRows()) / seconds, peakHeapMb(),
        Runtime.getRuntime().maxMemory() >> 20);
    w.printf(Locale.ROOT, "CPU %.1f s (all threads, GC included): %,.0f agency rows per CPU second.%n", cpu, s.agencyRows() / cpu);
    w.flush();
  }

  /** The sum of the heap pools' peak usage since the start (an upper bound of the peak heap used). */
  static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak >> 20;
  }

  /** CPU time of the whole process (all threads, GC included), or wall time where the JVM cannot say. */
  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return System.nanoTime();
  }

  private static boolean interactive() {
    java.io.Console c = System.console();
    if (c == null) return false;
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
