package org.mirabella.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NetworkCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new NetworkCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static Path montagna() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolveSibling("shared").resolve("data/networks/montagna");
      if (Files.isDirectory(p)) return p;
    }
    Assumptions.assumeTrue(false, "shared/data absent: skipped");
    return null;
  }

  @Test
  void registeredInMirabellaMain() throws Exception {
    assertThat(org.mirabella.cli.Main.commandLine().getSubcommands()).containsKey("network");
    Path edges = Files.writeString(dir.resolve("e.txt"), "a b\nb c\nc d\n");
    assertThat(org.mirabella.cli.Main.execute("network", "disrupt", edges.toString(), "--format", "ssv",
        "--strategy", "ci", "--mode", "sequential", "--block-size", "1", "--out", dir.resolve("c.csv").toString()))
        .isZero();
    // CI of b and c tie at 1: the larger id (c) goes; then all tie at 0 and the isolated d goes
    assertThat(Files.readAllLines(dir.resolve("c.csv"))).containsExactly("removed,lcc_ratio", "0,1.0", "1,0.5", "2,0.5");
  }

  @Test
  void metricsOnTinyCsv() throws Exception {
    Path edges = Files.writeString(dir.resolve("e.csv"), "source,target,weight\na,b,2\nb,c,1\n");
    Path csv = dir.resolve("m.csv");
    assertThat(run("metrics", edges.toString(), "--format", "csv", "--out", csv.toString())).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("node,degree,strength,betweenness");
    assertThat(lines.get(2)).startsWith("b,2,3,1,");
    assertThat(out.toString()).contains("3 nodes, 2 edges");
  }

  @Test
  void metricsOnEmptyFile() throws Exception {
    Path edges = Files.writeString(dir.resolve("e.txt"), "");
    assertThat(run("metrics", edges.toString(), "--format", "ssv", "--out", dir.resolve("m.csv").toString())).isZero();
    assertThat(Files.readAllLines(dir.resolve("m.csv"))).hasSize(1);
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path edges = Files.writeString(dir.resolve("e.txt"), "a b 1\nb c heavy\n");
    assertThat(run("disrupt", edges.toString(), "--format", "ssv", "--strategy", "degree", "--mode", "block",
        "--out", dir.resolve("c.csv").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("mirabella: " + edges + " line 2: weight: not a number: 'heavy'");
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void unknownStrategyAndMissingOptionExitTwo() throws Exception {
    Path edges = Files.writeString(dir.resolve("e.txt"), "a b\n");
    assertThat(run("disrupt", edges.toString(), "--format", "ssv", "--strategy", "eigen", "--mode", "block",
        "--out", dir.resolve("c.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown strategy 'eigen'");
    assertThat(run("disrupt", edges.toString(), "--format", "ssv")).isEqualTo(2);
    assertThat(run("metrics", dir.resolve("missing.txt").toString(), "--format", "ssv", "--out", "x.csv")).isEqualTo(2);
    assertThat(err.toString()).contains("missing.txt: no such file");
  }

  @Test
  void disruptReproducesPublishedMontagnaCurve() throws Exception {
    Path m = montagna();
    Path curve = dir.resolve("curve.csv");
    assertThat(run("disrupt", m.resolve("Montagna_meetings_edgelist.csv").toString(), "--format", "ssv",
        "--strategy", "betweenness", "--mode", "block", "--block-size", "5", "--out", curve.toString())).isZero();
    List<String> ours = Files.readAllLines(curve);
    List<String> published = Files.readAllLines(m.resolve("published-results/block_meeting_Unweighted_5nrem.csv"));
    assertThat(ours.get(0)).isEqualTo("removed,lcc_ratio");
    assertThat(ours).hasSize(published.size());
    for (int i = 1; i < ours.size(); i++) {
      String[] o = ours.get(i).split(",");
      String[] p = published.get(i).split(",");
      assertThat(o[0]).isEqualTo(p[1]);
      assertThat(Double.parseDouble(o[1])).isEqualTo(Double.parseDouble(p[2]));
    }
    assertThat(ours.get(2)).isEqualTo("5,0.8369565217391304");
  }

  @Test
  void disruptDrawsAChartWhenAsked() throws Exception {
    StringBuilder ring = new StringBuilder();
    for (int i = 0; i < 12; i++) ring.append("n").append(i).append(" n").append((i + 1) % 12).append('\n');
    Path edges = Files.writeString(dir.resolve("ring.txt"), ring);
    Path png = dir.resolve("curve.png");
    assertThat(run("disrupt", edges.toString(), "--format", "ssv", "--strategy", "degree", "--mode", "block",
        "--out", dir.resolve("c.csv").toString(), "--chart", png.toString())).isZero();
    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(out.toString()).contains("curve.png");
    Path tiny = Files.writeString(dir.resolve("tiny.txt"), "a b\n");
    assertThat(run("disrupt", tiny.toString(), "--format", "ssv", "--strategy", "degree", "--mode", "block",
        "--out", dir.resolve("t.csv").toString(), "--chart", dir.resolve("t.png").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--chart: the curve has no rows");
  }

  @Test
  void metricsWithSampledBetweennessStatesItsBound() throws Exception {
    Path edges = Files.writeString(dir.resolve("p.txt"), "a b\nb c\nc d\nd e\n");
    Path csv = dir.resolve("m.csv");
    assertThat(run("metrics", edges.toString(), "--format", "ssv", "--out", csv.toString(), "--betweenness-epsilon", "0.05"))
        .isZero();
    assertThat(out.toString()).contains("sampled shortest paths", "+/- 0.0833");
    double middle = Double.parseDouble(Files.readAllLines(csv).get(3).split(",")[3]); // node c, exact 2/3
    assertThat(Math.abs(middle - 2.0 / 3)).isLessThanOrEqualTo(0.0834);
    assertThat(run("metrics", edges.toString(), "--format", "ssv", "--out", csv.toString(), "--weighted",
        "--betweenness-epsilon", "0.05")).isEqualTo(2);
    assertThat(err.toString()).contains("path sampling is for unweighted networks");
  }
}
