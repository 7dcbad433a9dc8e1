package org.mirabella.analysis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mirabella.analysis.chart.DisruptionChart;
import org.mirabella.analysis.disruption.DisruptionCurve;
import org.mirabella.analysis.disruption.DisruptionSimulation;
import org.mirabella.analysis.disruption.RemovalMode;
import org.mirabella.analysis.disruption.RemovalStrategy;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.io.EdgeListFormat;
import org.mirabella.analysis.io.EdgeListReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mirabella network disrupt EDGES --format FMT --strategy S --mode M [--block-size 5]
 * [--weighted] --out CURVE.csv [--chart CURVE.png]}: the removal simulation of Cavallaro et al.
 * (2020), columns {@code removed,lcc_ratio}, optionally drawn as a PNG chart.
 */
@Command(name = "disrupt", mixinStandardHelpOptions = true,
    description = "Simulate removals (arrests) and write the largest-component curve as CSV (removed,lcc_ratio).")
public final class DisruptCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EDGES", description = "Edge-list file.")
  Path edges;

  @Option(names = "--format", required = true, paramLabel = "FMT", description = "ssv or csv.")
  String format;

  @Option(names = "--strategy", required = true, description = "betweenness, degree, katz or ci.")
  String strategy;

  @Option(names = "--mode", required = true, description = "sequential or block.")
  String mode;

  @Option(names = "--block-size", defaultValue = "5",
      description = "Nodes removed per block; the run stops when this many nodes are left (default: ${DEFAULT-VALUE}).")
  int blockSize;

  @Option(names = "--weighted", description = "Weights as distances (betweenness), strengths (degree, ci), entries (katz).")
  boolean weighted;

  @Option(names = "--out", required = true, paramLabel = "CURVE.csv", description = "Output CSV.")
  Path out;

  @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw the curve as a PNG chart.")
  Path chart;

  @Override
  public Integer call() {
    return NetworkCommand.guarded(spec, this::run);
  }

  private int run() throws IOException {
    RemovalStrategy s = RemovalStrategy.parse(strategy);
    RemovalMode m = RemovalMode.parse(mode);
    if (blockSize < 1) throw new IllegalArgumentException("--block-size must be >= 1: " + blockSize);
    Network g = EdgeListReader.read(edges, EdgeListFormat.parse(format));
    DisruptionCurve curve = new DisruptionSimulation(g, s, m, weighted, blockSize).curve();
    Files.writeString(out, curve.toCsv(), StandardCharsets.UTF_8);
    if (chart != null) {
      if (curve.points().isEmpty()) {
        throw new IllegalArgumentException("--chart: the curve has no rows (the network has at most " + blockSize + " nodes)");
      }
      String name = s.name().toLowerCase(Locale.ROOT) + " " + m.name().toLowerCase(Locale.ROOT);
      Files.write(chart, DisruptionChart.png(edges.getFileName() + (weighted ? ", weighted" : ""), name, curve));
    }
    PrintWriter p = spec.commandLine().getOut();
    DisruptionCurve.Point last = curve.points().isEmpty() ? null : curve.points().get(curve.points().size() - 1);
    p.printf(Locale.ROOT, "%s: %d nodes, %d rows%s; first removed: %s; wrote %s%n", edges.getFileName(),
        g.nodeCount(), curve.points().size(),
        last == null ? "" : String.format(Locale.ROOT, ", lcc_ratio %.4f after %d removed", last.lccRatio(), last.removed()),
        curve.removedNodes().isEmpty() ? "none" : String.join(" ", curve.removedNodes().subList(0, Math.min(5, curve.removedNodes().size()))),
        out + (chart == null ? "" : " and " + chart));
    p.flush();
    return NetworkCommand.OK;
  }
}
