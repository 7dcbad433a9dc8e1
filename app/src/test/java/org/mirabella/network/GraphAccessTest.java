package org.mirabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirabella.network.NetworkFixture.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.access.Viewer;
import org.mirabella.http.NotFound;
import org.mirabella.store.Database;

/**
 * A user of one agency never receives another agency's undisclosed entity in a network: not as a
 * node, not as a merged member, not as an edge's record, not as the holder behind a pivot, and
 * not as an id anywhere in the answer, whatever scope or analysis is asked for.
 */
class GraphAccessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every graph IT can ask for, serialised as the API would send it. */
  private static List<String> everythingItCanAskFor(GraphService s) throws Exception {
    Viewer it = it();
    List<Object> answers = new ArrayList<>();
    for (String id : List.of(AMIR, BILAL, CHADI, DRISS, VESSEL, YUSUF)) {
      for (int hops = 1; hops <= GraphService.MAX_HOPS; hops++) answers.add(s.neighbourhood(it, id, hops, DateRange.ALL));
    }
    answers.add(s.ofCase(it, "IT", "IT-1", DateRange.ALL));
    answers.add(s.ofCase(it, "DE", "DE-2", DateRange.ALL));
    answers.add(s.all(it, DateRange.ALL));
    List<String> asked = new ArrayList<>(List.of(AMIR, DRISS, "pivot:phone:" + SHARED_PHONE, "pivot:phone:" + DE_ONLY_PHONE));
    asked.addAll(DE_SECRET);
    Graph set = s.ofEntities(it, asked, DateRange.ALL);
    answers.add(set);
    GraphAnalysis a = new GraphAnalysis(set);
    answers.add(a.measure("betweenness"));
    answers.add(a.communities());
    answers.add(a.disruption("degree", "block"));
    answers.add(s.path(it, AMIR, DRISS, 3, DateRange.ALL));
    List<String> out = new ArrayList<>();
    for (Object o : answers) out.add(JSON.writeValueAsString(o));
    for (String f : List.of("graphml", "gexf", "csv", "csv-nodes", "anx", "ftm")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      NetworkExports.require(f).write(set, s.records(it, set), bytes);
      out.add(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void anotherAgencysUndisclosedRecordsNeverReachTheGraph(Supplier<Database> dbs) throws Exception {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      GraphService s = new GraphService(db, f.access);
      List<String> answers = everythingItCanAskFor(s);
      for (String answer : answers) {
        for (String secret : DE_SECRET) assertFalse(answer.contains(secret), secret + " leaked into " + answer);
        assertFalse(answer.contains("Xaver") || answer.contains("Xenia"), "a DE name leaked into " + answer);
        assertFalse(answer.contains(DE_ONLY_PHONE), "DE's own pivot leaked into " + answer);
      }
      assertTrue(answers.stream().anyMatch(a -> a.contains(YUSUF)), "the shared DE case is visible, so the merge is");
      assertThrows(NotFound.class, () -> s.neighbourhood(it(), XAVER, 1, DateRange.ALL));
      assertThrows(NotFound.class, () -> s.path(it(), AMIR, XAVER, 3, DateRange.ALL));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void aSharedPivotCountsOnlyTheHoldersTheViewerMaySee(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      GraphService s = new GraphService(db, f.access);
      String pivot = "pivot:phone:" + SHARED_PHONE;
      Graph it = s.neighbourhood(it(), AMIR, 2, DateRange.ALL);
      List<String> holders = it.edges().stream().filter(e -> e.target().equals(pivot)).map(Graph.Edge::source).sorted().toList();
      assertEquals(List.of(AMIR, DRISS), holders);

      // DE holds the same phone on Xaver, but Amir and Driss are IT's: for DE the phone links nothing,
      // and DE's own Associate record naming Amir does not bring Amir in.
      Graph de = s.neighbourhood(de(), XAVER, 3, DateRange.ALL);
      assertTrue(de.nodes().stream().noneMatch(n -> n.id().equals(pivot)));
      String all = de.toString();
      for (String it1 : List.of(AMIR, BILAL, CHADI, DRISS, VESSEL)) assertFalse(all.contains(it1), it1 + " leaked to DE: " + all);
      assertNotNull(GraphService.nodeOf(de, XENIA), "DE sees its own network: Xaver called Xenia");
      assertTrue(de.nodes().stream().anyMatch(n -> n.id().equals("pivot:phone:" + DE_ONLY_PHONE)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void aRoleRecordedOnlyByAnotherAgencyIsNeverUsedNorShown(Supplier<Database> dbs) throws Exception {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      f.store.write(List.of(entity("it-org", "Organization", "IT", "IT-1", "name", "Lampedusa cell"),
          entity("it-role", "NetworkRole", "IT", "IT-1", "person", CHADI, "role", "hawaladar", "network", "it-org"),
          entity("it-role2", "NetworkRole", "IT", "IT-1", "person", CHADI, "role", "organiser", "network", "it-org"),
          entity("de-org", "Organization", "DE", "DE-1", "name", "Secret cell"),
          entity("de-role", "NetworkRole", "DE", "DE-1", "person", AMIR, "role", "exploiter", "network", "de-org")));
      GraphService s = new GraphService(db, f.access);
      Graph g = s.ofEntities(it(), List.of(AMIR, BILAL, CHADI, DRISS, VESSEL), DateRange.ALL);
      Graph.Node chadi = g.nodes().stream().filter(n -> n.id().equals(CHADI)).findFirst().orElseThrow();
      assertEquals(List.of("moneyHandler", "organiser"), chadi.roles(), "both of Chadi's roles are kept");
      assertEquals("moneyHandler", chadi.role());
      String shown = JSON.writeValueAsString(g) + JSON.writeValueAsString(s.neighbourhood(it(), AMIR, 3, DateRange.ALL));
      for (String secret : List.of("de-role", "de-org", "exploiter", "Secret cell")) assertFalse(shown.contains(secret), secret + " leaked: " + shown);
      GraphAnalysis a = new GraphAnalysis(g);
      var exploiters = a.disruption("role", "sequential", List.of("exploiter"), "degree");
      assertEquals(List.of(), exploiters.removed(), "IT may not know Amir is an exploiter");
      assertEquals(1, exploiters.curve().size());
      assertEquals(List.of(CHADI), a.disruption("role", "block", List.of("moneyHandler"), null).removed());
      assertEquals(List.of(CHADI), a.disruption("role", "block", List.of("organiser"), null).removed(), "his second role counts too");
      assertEquals(List.of(CHADI), a.disruption("role", "block", List.of("organiser", "moneyHandler"), null).removed(), "removed once");
      // DE sees its own role record, but not Amir (IT's, not shared with DE): nothing of the role reaches IT's man.
      Graph de = s.ofEntities(de(), List.of(AMIR, XAVER, XENIA), DateRange.ALL);
      assertTrue(de.nodes().stream().noneMatch(n -> n.id().equals(AMIR)));
      assertEquals(List.of(), new GraphAnalysis(de).disruption("role", "block", List.of("exploiter"), null).removed());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void theNetworkAroundOperationTargetsLeavesOutTargetsTheViewerMayNotSee(Supplier<Database> dbs) throws Exception {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      GraphService s = new GraphService(db, f.access);
      for (int hops = 0; hops <= GraphService.MAX_HOPS; hops++) {
        Graph g = s.around(it(), List.of(AMIR, XAVER), hops, DateRange.ALL);
        String shown = JSON.writeValueAsString(g);
        assertNotNull(GraphService.nodeOf(g, AMIR), "hops " + hops);
        for (String secret : DE_SECRET) assertFalse(shown.contains(secret), secret + " leaked at hops " + hops + ": " + shown);
        assertFalse(shown.contains(DE_ONLY_PHONE));
      }
      Graph one = s.around(it(), List.of(AMIR, XAVER), 1, DateRange.ALL);
      assertNotNull(GraphService.nodeOf(one, BILAL), "Amir's associate, one hop away");
      assertNotNull(GraphService.nodeOf(one, CHADI), "Amir paid Chadi");
      assertEquals(null, GraphService.nodeOf(s.around(it(), List.of(AMIR), 0, DateRange.ALL), BILAL), "hops 0: the targets alone");
      assertTrue(s.around(it(), List.of(XAVER, XENIA), 2, DateRange.ALL).nodes().isEmpty(), "no visible target: an empty network");
      Graph de = s.around(de(), List.of(AMIR, XAVER), 1, DateRange.ALL);
      assertNotNull(GraphService.nodeOf(de, XENIA));
      assertFalse(JSON.writeValueAsString(de).contains(AMIR + "\""), "Amir is IT's: " + de);
      assertThrows(org.mirabella.model.InvalidData.class, () -> s.around(it(), List.of(AMIR), 4, DateRange.ALL));
    }
  }
}
