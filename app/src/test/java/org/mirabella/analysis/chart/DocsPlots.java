package org.mirabella.analysis.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mirabella.analysis.disruption.DisruptionCurve;
import org.mirabella.analysis.disruption.DisruptionSimulation;
import org.mirabella.analysis.disruption.RemovalMode;
import org.mirabella.analysis.disruption.RemovalStrategy;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;
import org.mirabella.analysis.io.EdgeListFormat;
import org.mirabella.analysis.io.EdgeListReader;

/**
 * Regenerates the disruption plots of docs/network/ from ../shared/data/networks (run by hand:
 * {@code java -cp app/target/classes:app/target/test-classes:<deps> org.mirabella.analysis.chart.DocsPlots
 * ../shared/data/networks docs/network}). One PNG per network: the four strategies, sequential
 * (solid) and block of 5 (dashed), unweighted. Matrices are read as docs/network-analysis.md says:
 * one edge per non-zero off-diagonal cell in row-major order, the cell's value as weight.
 */
public final class DocsPlots {
  private DocsPlots() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    plot(matrix(data.resolve("caviar/morselli_caviar_aggregate.csv")), "CAVIAR (Morselli)", out.resolve("caviar.png"));
    for (String op : List.of("ACERO", "JAKE", "JUANES", "MAMBO")) {
      String name = op.charAt(0) + op.substring(1).toLowerCase(Locale.ROOT);
      plot(matrix(data.resolve("spain-cocaine/COCAINE_" + op + ".csv")), "Spanish cocaine network: " + name,
          out.resolve("spain-" + op.toLowerCase(Locale.ROOT) + ".png"));
    }
    plot(EdgeListReader.read(data.resolve("human-trafficking-mexico/Data.txt"), EdgeListFormat.SSV),
        "Human trafficking, southern Mexico", out.resolve("mexico.png"));
  }

  private static void plot(Network g, String title, Path png) throws IOException {
    Map<String, DisruptionCurve> curves = new LinkedHashMap<>();
    for (RemovalStrategy s : RemovalStrategy.values()) {
      for (RemovalMode m : RemovalMode.values()) {
        curves.put(s.name().toLowerCase(Locale.ROOT) + " " + m.name().toLowerCase(Locale.ROOT),
            DisruptionSimulation.simulate(g, s, m, false));
      }
    }
    Files.write(png, DisruptionChart.png(title + " (" + g.nodeCount() + " nodes, " + g.edgeCount() + " edges)", curves));
    System.out.println("wrote " + png);
  }

  /** A square adjacency matrix with labels in the first row and column. */
  static Network matrix(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    String[] labels = lines.get(0).replace("\uFEFF", "").replace("\"", "").split(",");
    NetworkBuilder b = new NetworkBuilder();
    for (int r = 1; r < lines.size(); r++) {
      String[] cells = lines.get(r).replace("\"", "").split(",");
      if (cells.length < 2) continue;
      for (int c = 1; c < cells.length; c++) {
        String cell = cells[c].strip();
        if (cell.isEmpty() || c == r) continue;
        double w = Double.parseDouble(cell);
        if (w != 0) b.addEdge(cells[0].strip(), labels[c].strip(), w);
      }
    }
    return b.build();
  }
}
