package org.mirabella.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;
import org.mirabella.analysis.io.EdgeListFormat;
import org.mirabella.analysis.io.EdgeListReader;

/** Small and published networks for tests. */
public final class Fixtures {
  private Fixtures() {}

  public static Network montagnaMeetings() {
    return EdgeListReader.read(SharedData.network("montagna/Montagna_meetings_edgelist.csv"), EdgeListFormat.SSV);
  }

  /** A path a - b - c - ... of {@code n} nodes labelled 0..n-1. */
  public static Network path(int n) {
    NetworkBuilder b = new NetworkBuilder();
    if (n == 1) b.node("0");
    for (int i = 0; i + 1 < n; i++) b.addEdge(String.valueOf(i), String.valueOf(i + 1));
    return b.build();
  }

  /** A star: node "0" linked to leaves "1".."leaves". */
  public static Network star(int leaves) {
    NetworkBuilder b = new NetworkBuilder();
    for (int i = 1; i <= leaves; i++) b.addEdge("0", String.valueOf(i));
    return b.build();
  }

  public static Network twoLinked() {
    return new NetworkBuilder().addEdge("a", "b").build();
  }

  public static Network single() {
    NetworkBuilder b = new NetworkBuilder();
    b.node("a");
    return b.build();
  }

  /**
   * A square adjacency-matrix CSV (labels in the first row and column; UCINET/COREnets style) read
   * as an undirected network: a link wherever either cell is non-zero; weights ignored.
   */
  public static Network adjacencyMatrix(Path csv) {
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      String[] labels = lines.get(0).replace("\uFEFF", "").replace("\"", "").split(",");
      NetworkBuilder b = new NetworkBuilder();
      for (int i = 1; i < labels.length; i++) b.node(labels[i].strip());
      for (int r = 1; r < lines.size(); r++) {
        String[] cells = lines.get(r).replace("\"", "").split(",");
        for (int c = 1; c < cells.length; c++) {
          String cell = cells[c].strip();
          if (!cell.isEmpty() && Double.parseDouble(cell) != 0 && r != c) {
            b.addEdge(cells[0].strip(), labels[c].strip());
          }
        }
      }
      return b.build();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
