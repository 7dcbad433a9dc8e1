package org.mirabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.model.InvalidData;

/** The analyses over graphs built by hand: from empty to a known shape. */
class GraphAnalysisTest {
  private static Graph.Node node(String id) {
    return new Graph.Node(id, id, "Person", "IT", Graph.ENTITY, List.of(id), null);
  }

  private static Graph.Edge edge(String a, String b) {
    return new Graph.Edge(a + ">" + b, a, b, "link", "associate", "Associate", false, 1, null, null, null, List.of());
  }

  /** Two triangles joined through one broker, b. */
  private static Graph bowTie() {
    List<Graph.Node> nodes = new ArrayList<>();
    for (String id : List.of("a1", "a2", "a3", "b", "c1", "c2", "c3")) nodes.add(node(id));
    List<Graph.Edge> edges = List.of(edge("a1", "a2"), edge("a2", "a3"), edge("a1", "a3"), edge("a3", "b"), edge("b", "c1"),
        edge("c1", "c2"), edge("c2", "c3"), edge("c1", "c3"));
    return new Graph(nodes, edges, false);
  }

  @Test
  void emptyGraphsHaveNoScoresCommunitiesOrCurve() {
    GraphAnalysis a = new GraphAnalysis(Graph.empty());
    assertTrue(a.measure("betweenness").scores().isEmpty());
    assertEquals(0, a.communities().count());
    assertTrue(a.disruption("degree", "block").curve().isEmpty());
    assertFalse(a.path("x", "y", 3).found());
  }

  @Test
  void theBrokerBetweenTwoCellsScoresHighestAndItsRemovalSplitsTheNetwork() {
    GraphAnalysis a = new GraphAnalysis(bowTie());
    assertEquals("b", a.measure("betweenness").keyPlayers().get(0));
    var c = a.communities();
    assertEquals(c.communities().get("a1"), c.communities().get("a2"));
    assertTrue(c.modularity() > 0.2, "two clear cells: " + c.modularity());
    var d = a.disruption("betweenness", "sequential");
    assertEquals(1.0, d.curve().get(0).lcc_ratio());
    assertTrue(d.removed().get(0).equals("b") || d.removed().get(0).equals("a3") || d.removed().get(0).equals("c1"));
    var p = a.path("a1", "c3", 3);
    assertEquals(4, p.length());
    assertEquals(List.of("a1", "a3", "b", "c1", "c3"), p.nodes().stream().map(Graph.Node::id).toList());
    assertEquals(4, p.edges().size());
  }

  @Test
  void sequentialBetweennessIsBoundedInARequest() {
    List<Graph.Node> nodes = new ArrayList<>();
    List<Graph.Edge> edges = new ArrayList<>();
    for (int i = 0; i <= GraphAnalysis.SEQUENTIAL_LIMIT; i++) {
      nodes.add(node("n" + i));
      if (i > 0) edges.add(edge("n" + (i - 1), "n" + i));
    }
    GraphAnalysis a = new GraphAnalysis(new Graph(nodes, edges, false));
    InvalidData e = assertThrows(InvalidData.class, () -> a.disruption("betweenness", "sequential"));
    assertTrue(e.errors().get("entities").contains("mode block"));
  }
}
