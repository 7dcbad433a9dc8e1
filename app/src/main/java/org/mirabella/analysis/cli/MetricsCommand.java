package org.mirabella.analysis.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mirabella.analysis.community.Communities;
import org.mirabella.analysis.community.Louvain;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.io.EdgeListFormat;
import org.mirabella.analysis.io.EdgeListReader;
import org.mirabella.analysis.scoring.BetweennessCentrality;
import org.mirabella.analysis.scoring.ClosenessCentrality;
import org.mirabella.analysis.scoring.CollectiveInfluence;
import org.mirabella.analysis.scoring.Coreness;
import org.mirabella.analysis.scoring.DegreeCentrality;
import org.mirabella.analysis.scoring.EigenvectorCentrality;
import org.mirabella.analysis.scoring.KatzCentrality;
import org.mirabella.analysis.scoring.NodeScores;
import org.mirabella.analysis.scoring.PageRankCentrality;
import org.mirabella.analysis.scoring.PathSampledBetweenness;
import org.mirabella.analysis.structure.ConnectedComponents;
import org.mirabella.analysis.structure.NetworkStatistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mirabella network metrics EDGES --format ssv|csv --out FILE}: one CSV row of measures per node. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Compute node measures (degree, strength, betweenness, closeness, PageRank, Katz, "
        + "eigenvector, k-core, collective influence, Louvain community) into a CSV; print a summary.")
public final class MetricsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EDGES", description = "Edge-list file.")
  Path edges;

  @Option(names = "--format", required = true, paramLabel = "FMT", description = "ssv or csv.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output CSV, one row per node.")
  Path out;

  @Option(names = "--weighted", description = "Use weights (distances for betweenness/closeness, strengths otherwise).")
  boolean weighted;

  @Option(names = "--betweenness-epsilon", paramLabel = "E",
      description = "Estimate betweenness by path sampling (Riondato–Kornaropoulos): every node within E of the exact "
          + "value with probability 0.9; for large unweighted networks.")
  Double betweennessEpsilon;

  @Override
  public Integer call() {
    return NetworkCommand.guarded(spec, this::run);
  }

  private int run() throws IOException {
    Network g = EdgeListReader.read(edges, EdgeListFormat.parse(format));
    Network w = weighted ? g : g.unweighted();
    NodeScores degree = new DegreeCentrality(g, false, false).scores();
    NodeScores strength = new DegreeCentrality(g, true, false).scores();
    PathSampledBetweenness sampled = null;
    if (betweennessEpsilon != null) {
      if (weighted) throw new IllegalArgumentException("--betweenness-epsilon: path sampling is for unweighted networks; drop --weighted");
      if (!(betweennessEpsilon > 0 && betweennessEpsilon < 1)) {
        throw new IllegalArgumentException("--betweenness-epsilon must be in (0, 1): " + betweennessEpsilon);
      }
      sampled = new PathSampledBetweenness(g, betweennessEpsilon, 0.1, 1);
    }
    NodeScores betweenness = sampled != null ? sampled.scores() : new BetweennessCentrality(g, weighted).scores();
    NodeScores closeness = new ClosenessCentrality(g, weighted).scores();
    NodeScores pagerank = new PageRankCentrality(w).scores();
    NodeScores eigen = new EigenvectorCentrality(w).scores();
    NodeScores core = new Coreness(g).scores();
    NodeScores ci = new CollectiveInfluence(g, 1, weighted).scores();
    NodeScores katz = null;
    try {
      katz = new KatzCentrality(g, weighted).scores();
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("mirabella: katz left empty: " + e.getMessage());
    }
    Communities communities = new Louvain(w).communities();
    try (BufferedWriter o = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      o.write("node,degree,strength,betweenness,closeness,pagerank,katz,eigenvector,coreness,collective_influence,community\n");
      for (int v = 0; v < g.nodeCount(); v++) {
        o.write(csv(g.label(v)) + "," + (long) degree.get(v) + "," + num(strength.get(v)) + ","
            + num(betweenness.get(v)) + "," + num(closeness.get(v)) + "," + num(pagerank.get(v)) + ","
            + (katz == null ? "" : num(katz.get(v))) + "," + num(eigen.get(v)) + "," + (long) core.get(v) + ","
            + num(ci.get(v)) + "," + communities.communityOf(v) + "\n");
      }
    }
    NetworkStatistics stats = new NetworkStatistics(g);
    ConnectedComponents cc = new ConnectedComponents(g);
    PrintWriter p = spec.commandLine().getOut();
    p.printf(Locale.ROOT, "%s: %d nodes, %d edges, density %.4f, degree centralisation %.2f%%, %d components "
            + "(largest %d), %d communities (modularity %.4f); wrote %s%n",
        edges.getFileName(), g.nodeCount(), g.edgeCount(), stats.density(), 100 * stats.degreeCentralization(),
        cc.count(), cc.largestSize(), communities.count(), communities.modularity(), out);
    if (sampled != null) {
      p.printf(Locale.ROOT, "betweenness estimated from %d sampled shortest paths: every node within +/- %.4f with "
          + "probability 0.9%n", sampled.sampleSize(), sampled.errorBound());
    }
    p.flush();
    return NetworkCommand.OK;
  }

  private static String num(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
