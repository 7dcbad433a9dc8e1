package org.mirabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirabella.network.NetworkFixture.*;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.http.NotFound;
import org.mirabella.model.InvalidData;
import org.mirabella.store.Database;

/** The graph service on a real store, H2 and PostgreSQL alike. */
class GraphServiceTest {
  private static final String BOTH = "org.mirabella.store.TestDatabases#both";

  private static Graph.Edge edge(Graph g, String kind, String a, String b) {
    return g.edges().stream().filter(e -> e.kind().equals(kind)
        && ((e.source().equals(a) && e.target().equals(b)) || (e.source().equals(b) && e.target().equals(a)))).findFirst().orElse(null);
  }

  private static Graph.Node node(Graph g, String id) {
    return g.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void writesOneLinkRowPerLinkingStatementAndBackfillsAnEmptyIndex(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM entity_link").mapTo(Long.class).one());
      // IT: associate 2, payments 2x2, calls 2x2, crossing 2, phones 2; DE: phones 3, associate 2, call 2
      assertEquals(2 + 4 + 4 + 2 + 2 + 3 + 2 + 2, rows);
      assertEquals(0, Links.backfillIfEmpty(db, org.mirabella.model.Model.get()), "a filled index is left alone");
      db.jdbi().useHandle(h -> h.execute("DELETE FROM entity_link"));
      assertEquals(rows, Links.backfillIfEmpty(db, org.mirabella.model.Model.get()));
      assertEquals(rows, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM entity_link").mapTo(Long.class).one()));
      f.store.write(List.of(NetworkFixture.person(AMIR, "IT", "IT-1", "Amir Haddad", SHARED_PHONE)));
      assertEquals(rows, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM entity_link").mapTo(Long.class).one()),
          "writing the same statements again adds no link");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void neighbourhoodAggregatesPaymentsCallsAndEvents(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      GraphService s = new GraphService(db, f.access);
      Graph one = s.neighbourhood(it(), AMIR, 1, DateRange.ALL);
      assertNotNull(node(one, CHADI));
      assertNull(node(one, DRISS), "Driss is two hops away, through the shared phone");
      Graph.Edge money = edge(one, "money", AMIR, CHADI);
      assertEquals(2, money.count());
      assertEquals(150.0, money.totals().get("EUR"));
      assertEquals("2024-03-01", money.first());
      assertEquals("2024-05-02", money.last());
      assertEquals(AMIR, money.source(), "a payment goes from payer to beneficiary");

      Graph two = s.neighbourhood(it(), AMIR, 2, DateRange.ALL);
      String pivot = "pivot:phone:" + SHARED_PHONE;
      assertNotNull(node(two, pivot), "a phone held by two visible persons is a pivot node");
      assertNotNull(edge(two, "pivot", DRISS, pivot));
      Graph.Edge calls = edge(two, "communication", GraphService.nodeOf(two, BILAL), CHADI);
      assertEquals(2, calls.count());
      assertEquals("2024-06-01", calls.first());
      assertEquals("2024-07-15", calls.last());
      assertNotNull(edge(two, "event", CHADI, VESSEL), "a crossing links the person to the vessel");
      assertFalse(two.truncated());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void confirmedHitsMergeTheSamePersonKeepingTheMembers(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      Graph g = new GraphService(db, f.access).neighbourhood(it(), AMIR, 2, DateRange.ALL);
      Graph.Node merged = node(g, BILAL.compareTo(YUSUF) < 0 ? BILAL : YUSUF);
      assertNotNull(merged);
      assertEquals(List.of(YUSUF, BILAL).stream().sorted().toList(), merged.members());
      assertEquals(1, g.nodes().stream().filter(n -> n.members().contains(BILAL) || n.members().contains(YUSUF)).count());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void dateFiltersAndRetractionsTakeLinksAway(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      GraphService s = new GraphService(db, f.access);
      Graph later = s.neighbourhood(it(), CHADI, 1, new DateRange("2025", null));
      assertNotNull(GraphService.nodeOf(later, BILAL));
      assertNull(edge(later, "communication", GraphService.nodeOf(later, BILAL), CHADI), "the 2024 calls are before 2025");
      assertNotNull(edge(later, "event", CHADI, VESSEL));
      Graph asOf = s.neighbourhood(it(), CHADI, 1, new DateRange(null, "2024-06"));
      assertEquals(1, edge(asOf, "communication", GraphService.nodeOf(asOf, BILAL), CHADI).count(), "as of June 2024 one call had been made");
      assertNull(edge(asOf, "event", CHADI, VESSEL));
      assertThrows(InvalidData.class, () -> new DateRange("yesterday", null));

      Graph before = s.neighbourhood(it(), AMIR, 1, DateRange.ALL);
      assertNotNull(edge(before, "link", AMIR, GraphService.nodeOf(before, BILAL)));
      String statement = f.store.find("it-assoc").orElseThrow().statements().stream()
          .filter(st -> st.property().equals("associate")).findFirst().orElseThrow().id();
      f.store.retract(statement, "it.analyst", "wrong person");
      Graph after = s.neighbourhood(it(), AMIR, 1, DateRange.ALL);
      assertNull(GraphService.nodeOf(after, BILAL), "Bilal was linked to Amir only by the retracted statement");
      assertNotNull(node(after, "it-assoc"), "the associate record, now naming Amir only, stays as a one-sided node");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void scopesAndBounds(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      GraphService s = new GraphService(db, f.access);
      Graph c = s.ofCase(it(), "IT", "IT-1", DateRange.ALL);
      assertNotNull(node(c, "pivot:phone:" + SHARED_PHONE), "a case graph finds the pivots its records share");
      assertNotNull(edge(c, "money", AMIR, CHADI));
      assertThrows(NotFound.class, () -> s.ofCase(it(), "DE", "DE-1", DateRange.ALL));
      assertFalse(s.ofCase(it(), "DE", "DE-2", DateRange.ALL).nodes().isEmpty(), "a shared case is visible");
      assertThrows(NotFound.class, () -> s.neighbourhood(it(), XAVER, 1, DateRange.ALL));
      assertThrows(InvalidData.class, () -> s.neighbourhood(it(), AMIR, 4, DateRange.ALL));

      Graph small = new GraphService(db, f.access, 3, 1000).neighbourhood(it(), AMIR, 3, DateRange.ALL);
      assertTrue(small.truncated());
      assertTrue(small.nodes().size() <= 3);

      Graph set = s.ofEntities(it(), List.of(AMIR, CHADI, VESSEL), DateRange.ALL);
      assertEquals(3, set.nodes().size());
      assertNotNull(edge(set, "money", AMIR, CHADI));
      assertNotNull(edge(set, "event", CHADI, VESSEL));
      var path = s.path(it(), AMIR, VESSEL, 3, DateRange.ALL);
      assertTrue(path.found());
      assertEquals(2, path.length());
      assertEquals(List.of(AMIR, CHADI, VESSEL), path.nodes().stream().map(Graph.Node::id).toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void measuresCommunitiesAndDisruptionRunOnTheViewersGraph(Supplier<Database> dbs) {
    try (Database db = dbs.get()) {
      NetworkFixture f = new NetworkFixture(db);
      Graph g = new GraphService(db, f.access).neighbourhood(it(), AMIR, 3, DateRange.ALL);
      GraphAnalysis a = new GraphAnalysis(g);
      GraphAnalysis.Scores b = a.measure("betweenness");
      assertEquals(g.nodes().size(), b.scores().size());
      assertEquals(AMIR, b.keyPlayers().get(0), "Amir sits between the phone, the payments and the associate");
      for (String m : GraphAnalysis.MEASURES) assertEquals(g.nodes().size(), a.measure(m).scores().size(), m);
      assertThrows(InvalidData.class, () -> a.measure("fame"));
      var c = a.communities();
      assertEquals(g.nodes().size(), c.communities().size());
      assertTrue(c.modularity() >= 0);
      var d = a.disruption("degree", "sequential");
      assertEquals(0, d.curve().get(0).removed());
      assertEquals(1.0, d.curve().get(0).lcc_ratio());
      assertTrue(d.curve().stream().allMatch(p -> p.lcc_ratio() >= 0 && p.lcc_ratio() <= 1));
      assertTrue(g.nodes().stream().map(Graph.Node::id).toList().containsAll(d.removed()));
      assertThrows(InvalidData.class, () -> a.disruption("luck", "sequential"));
      assertThrows(InvalidData.class, () -> a.disruption("degree", "sometimes"));
      assertEquals(Map.of(), new GraphAnalysis(Graph.empty()).measure("degree").scores());
    }
  }
}
