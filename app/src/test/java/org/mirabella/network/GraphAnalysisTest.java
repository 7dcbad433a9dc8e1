package org.mirabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    assertEquals("leiden", c.algorithm());
    assertEquals(c.communities().get("a1"), c.communities().get("a2"));
    assertTrue(c.modularity() > 0.2, "two clear cells: " + c.modularity());
    var louvain = a.communities("louvain");
    assertEquals("louvain", louvain.algorithm());
    assertEquals(louvain.communities().get("a1"), louvain.communities().get("a2"));
    assertNotEquals(louvain.communities().get("a1"), louvain.communities().get("c1"));
    assertTrue(louvain.modularity() > 0.2, "two clear cells: " + louvain.modularity());
    assertEquals(c.modularity(), a.communities(" LEIDEN ").modularity(), 1e-12, "seeded: the same network gives the same answer");
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

  private static Graph.Node node(String id, String agency, String role) {
    return new Graph.Node(id, id, "Person", agency, Graph.ENTITY, List.of(id), role);
  }

  /** The bow tie with agencies (a: IT, b: DE, c: UK) and roles: b the broker, a3 and c1 money handlers. */
  private static Graph bowTieWithRoles() {
    List<Graph.Node> nodes = new ArrayList<>();
    for (String id : List.of("a1", "a2", "a3")) nodes.add(node(id, "IT", id.equals("a3") ? "moneyHandler" : null));
    nodes.add(node("b", "DE", "broker"));
    for (String id : List.of("c1", "c2", "c3")) nodes.add(node(id, "UK", id.equals("c1") ? "moneyHandler" : null));
    return new Graph(nodes, bowTie().edges(), false);
  }

  @Test
  void roleStrategyRemovesEveryNodeOfTheRoleAndRecordsARowAfterEach() {
    GraphAnalysis a = new GraphAnalysis(bowTieWithRoles());
    var d = a.disruption("role", "sequential", List.of("Money handler"), "betweenness");
    assertEquals(List.of("moneyHandler"), d.roles());
    assertEquals("betweenness", d.order());
    assertEquals(2, d.removed().size());
    assertTrue(d.removed().containsAll(List.of("a3", "c1")));
    assertEquals(List.of(0, 1, 2), d.curve().stream().map(GraphAnalysis.Step::removed).toList());
    GraphAnalysis.Step last = d.curve().get(2);
    // Left: a1–a2, b alone, c2–c3: three components, the largest two of seven.
    assertEquals(3, last.components());
    assertEquals(2, last.lccSize());
    assertEquals(1 - Math.abs(2 - 7) / 7.0, last.lcc_ratio(), 1e-12);
    // Two pairs at distance 1 (each both ways) among the five nodes left: 4 / 20.
    assertEquals(4 / 20.0, last.efficiency(), 1e-12);
    assertTrue(d.curve().get(0).efficiency() > last.efficiency());

    var broker = a.disruption("role", "block", List.of("broker"), null);
    assertEquals(List.of("b"), broker.removed());
    assertEquals("degree", broker.order());
    assertEquals(2, broker.curve().get(1).components());
    assertEquals(0, a.disruption("role", "block", List.of("organiser"), null).removed().size(), "no organiser: nothing removed");
  }

  @Test
  void roleStrategyNeedsAKnownRoleAndOrder() {
    GraphAnalysis a = new GraphAnalysis(bowTieWithRoles());
    assertTrue(assertThrows(InvalidData.class, () -> a.disruption("role", "block", List.of(), null)).errors().get("role").contains("organiser"));
    assertTrue(assertThrows(InvalidData.class, () -> a.disruption("role", "block", List.of("pope"), null)).errors().get("role").contains("pope"));
    assertTrue(assertThrows(InvalidData.class, () -> a.disruption("role", "block", List.of("broker"), "role")).errors().containsKey("order"));
  }

  @Test
  void theChartIsAPngAndAnEmptyCurveIsRefused() {
    byte[] png = new GraphAnalysis(bowTieWithRoles()).disruptionChart("role", "sequential", List.of("moneyHandler"), "degree");
    assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'), List.of(png[0], png[1], png[2], png[3]));
    InvalidData e = assertThrows(InvalidData.class, () -> new GraphAnalysis(Graph.empty()).disruptionChart("degree", "block", List.of(), null));
    assertTrue(e.errors().get("entities").contains("no row"));
  }

  @Test
  void brokerageByAgencyNamesTheLiaisonAndTheGatekeepers() {
    var b = new GraphAnalysis(bowTieWithRoles()).brokerage("agency");
    // b joins a3 (IT) and c1 (UK), three groups: liaison, once each way.
    assertEquals(2L, b.roles().get("b").get("liaison"));
    assertEquals(2.0, b.scores().get("b"));
    // a3 sits between a1/a2 (IT, its own group) and b (DE): representative one way, gatekeeper the other.
    assertEquals(2L, b.roles().get("a3").get("representative"));
    assertEquals(2L, b.roles().get("a3").get("gatekeeper"));
    assertEquals(0.0, b.scores().get("a1"));
    assertEquals("a3", b.keyPlayers().get(0));
    var byCommunity = new GraphAnalysis(bowTieWithRoles()).brokerage("community");
    assertEquals(byCommunity.groupOf().get("a1"), byCommunity.groupOf().get("a3"));
    assertTrue(assertThrows(InvalidData.class, () -> new GraphAnalysis(bowTie()).brokerage("height")).errors().containsKey("groups"));
    assertTrue(new GraphAnalysis(Graph.empty()).brokerage(null).scores().isEmpty());
  }

  @Test
  void allPathsUpToKFindEveryWayAroundATriangle() {
    GraphAnalysis a = new GraphAnalysis(bowTie());
    var two = a.allPaths("a1", "b", 2, 10);
    assertEquals(List.of(List.of("a1", "a3", "b")), two.paths());
    var three = a.allPaths("a1", "b", 3, 10);
    assertEquals(List.of(List.of("a1", "a3", "b"), List.of("a1", "a2", "a3", "b")), three.paths());
    assertEquals(4, three.edges().size(), "a1–a3, a3–b, a1–a2, a2–a3: " + three.edges());
    assertEquals(List.of("a1", "a2", "a3", "b"), three.nodes().stream().map(Graph.Node::id).toList());
    var capped = a.allPaths("a1", "c3", 6, 1);
    assertTrue(capped.truncated());
    assertEquals(1, capped.paths().size());
    assertFalse(a.allPaths("a1", "c3", 3, 10).found());
    assertFalse(a.allPaths("a1", "nobody", 3, 10).found());
  }
}
