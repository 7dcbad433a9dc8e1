package org.mirabella.analysis.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultUndirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphExportersTest {
  static final String NASTY = "Ali <\"Boss\"> & 'Co' \u0001 \uD83D\uDEA4";
  static final String NASTY_CLEAN = "Ali <\"Boss\"> & 'Co' \uFFFD \uD83D\uDEA4"; // control character replaced

  static LabelledGraph sample() {
    return new LabelledGraph(
        List.of(
            new LabelledGraph.Node("p1", NASTY, "Person", ordered("nationality", "ly", "role", "organiser")),
            new LabelledGraph.Node("p2", "Omar", "Person", Map.of("role", "=HYPERLINK(\"x\")")),
            new LabelledGraph.Node("v1", "Sea Star, IMO 9074729", "Vessel"),
            new LabelledGraph.Node("ph", "+218 91 234 5678", "Phone"),
            new LabelledGraph.Node("x", "untyped", null)),
        List.of(
            new LabelledGraph.Edge("p1", "p2", "Call", 12, false, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30),
                Map.of("note", "a,b \"c\"\nd")),
            new LabelledGraph.Edge("p1", "v1", "Ownership", 1, true, LocalDate.of(2024, 1, 5), null, Map.of()),
            new LabelledGraph.Edge("p2", "ph", "UnknownLink", 2.5, false, null, null, Map.of()),
            new LabelledGraph.Edge("x", "p2", null)));
  }

  static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  static byte[] bytes(java.util.function.Consumer<ByteArrayOutputStream> writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.accept(out);
    return out.toByteArray();
  }

  static List<Element> all(Document d, String tag) {
    NodeList l = d.getElementsByTagNameNS("*", tag);
    List<Element> out = new java.util.ArrayList<>();
    for (int i = 0; i < l.getLength(); i++) out.add((Element) l.item(i));
    return out;
  }

  @Test
  void labelledGraphRejectsInconsistentInput() {
    LabelledGraph.Node a = new LabelledGraph.Node("a", null, null);
    assertThat(a.label()).isEqualTo("a");
    assertThatThrownBy(() -> new LabelledGraph(List.of(a, a), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate node id 'a'");
    assertThatThrownBy(() -> new LabelledGraph(List.of(a), List.of(new LabelledGraph.Edge("a", "b", "Call"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("edge 0: unknown target node 'b'");
    assertThatThrownBy(() -> new LabelledGraph.Edge("a", "b", "Call", 1, false, LocalDate.of(2025, 2, 1),
        LocalDate.of(2025, 1, 1), Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    assertThatThrownBy(() -> new LabelledGraph.Node(" ", "x", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyGraphGivesReadableFiles() throws Exception {
    LabelledGraph empty = new LabelledGraph(List.of(), List.of());
    assertThat(all(parse(bytes(o -> GraphMlWriter.write(empty, o))), "node")).isEmpty();
    assertThat(all(parse(bytes(o -> GexfWriter.write(empty, o))), "edge")).isEmpty();
    assertThat(all(parse(bytes(o -> AnxWriter.write(empty, o))), "ChartItem")).isEmpty();
    StringWriter csv = new StringWriter();
    CsvGraphWriter.writeNodes(empty, csv);
    assertThat(csv).hasToString("id,label,type\r\n");
  }

  @Test
  void graphMlReadsBackWithJGraphT() throws Exception {
    byte[] xml = bytes(o -> GraphMlWriter.write(sample(), o));
    Graph<String, DefaultWeightedEdge> g = new DefaultUndirectedWeightedGraph<>(DefaultWeightedEdge.class);
    GraphMLImporter<String, DefaultWeightedEdge> importer = new GraphMLImporter<>();
    importer.setVertexFactory(id -> id);
    Map<String, String> labels = new HashMap<>();
    importer.addVertexAttributeConsumer((p, attr) -> {
      if (p.getSecond().equals("label")) labels.put(p.getFirst(), attr.getValue());
    });
    importer.importGraph(g, new StringReader(new String(xml, StandardCharsets.UTF_8)));
    assertThat(g.vertexSet()).containsExactlyInAnyOrder("p1", "p2", "v1", "ph", "x");
    assertThat(g.edgeSet()).hasSize(4);
    assertThat(g.getEdgeWeight(g.getEdge("p1", "p2"))).isEqualTo(12.0);
    assertThat(g.getEdgeWeight(g.getEdge("p2", "ph"))).isEqualTo(2.5);
    assertThat(labels).containsEntry("p1", NASTY_CLEAN).containsEntry("v1", "Sea Star, IMO 9074729");
  }

  @Test
  void graphMlKeysAndDirectionParse() throws Exception {
    Document d = parse(bytes(o -> GraphMlWriter.write(sample(), o)));
    assertThat(all(d, "key")).extracting(k -> k.getAttribute("attr.name"))
        .contains("label", "type", "nationality", "role", "weight", "firstDate", "lastDate", "note");
    Element owns = all(d, "edge").get(1);
    assertThat(owns.getAttribute("directed")).isEqualTo("true");
    assertThat(all(d, "edge").get(0).getTextContent()).contains("2025-03-01", "2025-06-30", "a,b \"c\"\nd");
  }

  @Test
  void gexfIsDynamicWithSpellsAndAttributes() throws Exception {
    Document d = parse(bytes(o -> GexfWriter.write(sample(), o)));
    Element root = d.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
    assertThat(root.getAttribute("version")).isEqualTo("1.3");
    Element graph = all(d, "graph").get(0);
    assertThat(graph.getAttribute("mode")).isEqualTo("dynamic");
    assertThat(graph.getAttribute("timeformat")).isEqualTo("date");
    List<Element> nodes = all(d, "node");
    assertThat(nodes).hasSize(5);
    assertThat(nodes.get(0).getAttribute("label")).isEqualTo(NASTY_CLEAN);
    List<Element> edges = all(d, "edge");
    assertThat(edges.get(0).getAttribute("start")).isEqualTo("2025-03-01");
    assertThat(edges.get(0).getAttribute("end")).isEqualTo("2025-06-30");
    assertThat(edges.get(0).getAttribute("weight")).isEqualTo("12");
    assertThat(edges.get(1).getAttribute("type")).isEqualTo("directed");
    assertThat(edges.get(1).hasAttribute("end")).isFalse();
    assertThat(edges.get(2).hasAttribute("start")).isFalse();
    Map<String, String> titles = new HashMap<>();
    for (Element a : all(d, "attribute")) titles.put(a.getAttribute("id"), a.getAttribute("title"));
    Map<String, String> p1 = new HashMap<>();
    for (Element v : all(d, "attvalue")) {
      if (v.getParentNode().getParentNode() == nodes.get(0)) p1.put(titles.get(v.getAttribute("for")), v.getAttribute("value"));
    }
    assertThat(p1).containsEntry("type", "Person").containsEntry("nationality", "ly").containsEntry("role", "organiser");
    Document undated = parse(bytes(o -> GexfWriter.write(new LabelledGraph(sample().nodes(), List.of()), o)));
    assertThat(all(undated, "graph").get(0).getAttribute("mode")).isEqualTo("static");
  }

  @Test
  void csvQuotesAndDefusesFormulas() {
    StringWriter nodes = new StringWriter();
    CsvGraphWriter.writeNodes(sample(), nodes);
    String[] rows = nodes.toString().split("\r\n");
    assertThat(rows[0]).isEqualTo("id,label,type,nationality,role");
    assertThat(rows[2]).isEqualTo("p2,Omar,Person,,\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(rows[3]).isEqualTo("v1,\"Sea Star, IMO 9074729\",Vessel,,");
    assertThat(rows[4]).isEqualTo("ph,'+218 91 234 5678,Phone,,");
    StringWriter edges = new StringWriter();
    CsvGraphWriter.writeEdges(sample(), edges);
    assertThat(edges.toString()).startsWith("source,target,type,weight,directed,first_date,last_date,note\r\n"
        + "p1,p2,Call,12,false,2025-03-01,2025-06-30,\"a,b \"\"c\"\"\nd\"\r\n");
    assertThat(edges.toString()).contains("p2,ph,UnknownLink,2.5,false,,,\r\n");
    assertThat(CsvGraphWriter.field("-3.5")).isEqualTo("-3.5");
  }

  @Test
  void anxMapsTypesToI2IconsAndLinksEntities() throws Exception {
    Document d = parse(bytes(o -> AnxWriter.write(sample(), o)));
    assertThat(d.getDocumentElement().getTagName()).isEqualTo("Chart");
    Map<String, String> icons = new HashMap<>();
    for (Element t : all(d, "EntityType")) icons.put(t.getAttribute("Name"), t.getAttribute("IconFile"));
    assertThat(icons).containsEntry("Person", "Person").containsEntry("Vessel", "Boat").containsEntry("Phone", "Phone")
        .containsEntry("Unknown", "Unknown").hasSize(4);
    assertThat(AnxWriter.icon("BankAccount")).isEqualTo("Bank Account");
    assertThat(AnxWriter.icon("Address")).isEqualTo("Building");
    assertThat(AnxWriter.icon("Vehicle")).isEqualTo("Car");
    assertThat(AnxWriter.icon("Organization")).isEqualTo("Organization");
    assertThat(all(d, "LinkType")).extracting(t -> t.getAttribute("Name"))
        .containsExactly("Call", "Ownership", "UnknownLink", "Link");
    List<Element> entities = all(d, "Entity");
    assertThat(entities).extracting(e -> e.getAttribute("EntityId")).containsExactly("p1", "p2", "v1", "ph", "x");
    assertThat(((Element) entities.get(0).getParentNode().getParentNode()).getAttribute("Label")).isEqualTo(NASTY_CLEAN);
    List<Element> links = all(d, "Link");
    assertThat(links).hasSize(4);
    assertThat(links.get(0).getAttribute("End1Id")).isEqualTo("p1");
    assertThat(links.get(0).getAttribute("End2Id")).isEqualTo("p2");
    Element callItem = (Element) links.get(0).getParentNode();
    assertThat(callItem.getAttribute("DateTime")).isEqualTo("2025-03-01T00:00:00.000");
    Element ownStyle = (Element) links.get(1).getElementsByTagName("LinkStyle").item(0);
    assertThat(ownStyle.getAttribute("ArrowStyle")).isEqualTo("ArrowOnHead");
    assertThat(((Element) links.get(0).getElementsByTagName("LinkStyle").item(0)).getAttribute("LineWidth")).isEqualTo("10");
    assertThat(all(d, "Attribute")).anySatisfy(a -> {
      assertThat(a.getAttribute("AttributeClass")).isEqualTo("Last date");
      assertThat(a.getAttribute("Value")).isEqualTo("2025-06-30");
    });
  }
}
