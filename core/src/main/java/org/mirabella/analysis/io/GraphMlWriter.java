package org.mirabella.analysis.io;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML (graphml.graphdrawing.org), as read by yEd, Gephi, Cytoscape, networkx and JGraphT: one
 * {@code <key>} per field, {@code label}, {@code type} and every node attribute on nodes;
 * {@code type}, {@code weight} (double), {@code firstDate}, {@code lastDate} and every edge
 * attribute on edges. The graph is undirected by default; directed edges say so with
 * {@code directed="true"}. Written with StAX, so markup in values is escaped.
 */
public final class GraphMlWriter {
  private static final String NS = "http://graphml.graphdrawing.org/xmlns";

  private GraphMlWriter() {}

  public static void write(LabelledGraph g, OutputStream out) {
    try {
      XMLStreamWriter w = Xml.open(out);
      w.writeStartElement("graphml");
      w.writeDefaultNamespace(NS);
      w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
      w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
          NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
      Map<String, String> nodeKeys = new LinkedHashMap<>();
      nodeKeys.put("label", "label");
      nodeKeys.put("type", "type");
      int k = 0;
      for (String a : g.nodeAttributeNames()) nodeKeys.putIfAbsent(a, "n" + k++);
      Map<String, String> edgeKeys = new LinkedHashMap<>();
      edgeKeys.put("type", "etype");
      edgeKeys.put("weight", "weight");
      edgeKeys.put("firstDate", "firstDate");
      edgeKeys.put("lastDate", "lastDate");
      k = 0;
      for (String a : g.edgeAttributeNames()) edgeKeys.putIfAbsent(a, "e" + k++);
      for (Map.Entry<String, String> e : nodeKeys.entrySet()) key(w, e.getValue(), "node", e.getKey(), "string");
      for (Map.Entry<String, String> e : edgeKeys.entrySet()) {
        key(w, e.getValue(), "edge", e.getKey(), e.getKey().equals("weight") ? "double" : "string");
      }
      w.writeStartElement("graph");
      w.writeAttribute("id", "G");
      w.writeAttribute("edgedefault", "undirected");
      for (LabelledGraph.Node n : g.nodes()) {
        w.writeStartElement("node");
        Xml.attr(w, "id", n.id());
        data(w, "label", n.label());
        if (n.type() != null) data(w, "type", n.type());
        for (Map.Entry<String, String> a : n.attributes().entrySet()) data(w, nodeKeys.get(a.getKey()), a.getValue());
        w.writeEndElement();
      }
      List<LabelledGraph.Edge> edges = g.edges();
      for (int i = 0; i < edges.size(); i++) {
        LabelledGraph.Edge e = edges.get(i);
        w.writeStartElement("edge");
        w.writeAttribute("id", "e" + i);
        Xml.attr(w, "source", e.source());
        Xml.attr(w, "target", e.target());
        if (e.directed()) w.writeAttribute("directed", "true");
        if (e.type() != null) data(w, "etype", e.type());
        data(w, "weight", Xml.number(e.weight()));
        if (e.firstDate() != null) data(w, "firstDate", e.firstDate().toString());
        if (e.lastDate() != null) data(w, "lastDate", e.lastDate().toString());
        for (Map.Entry<String, String> a : e.attributes().entrySet()) data(w, edgeKeys.get(a.getKey()), a.getValue());
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write GraphML", e);
    }
  }

  private static void key(XMLStreamWriter w, String id, String on, String name, String type) throws XMLStreamException {
    w.writeEmptyElement("key");
    w.writeAttribute("id", id);
    w.writeAttribute("for", on);
    Xml.attr(w, "attr.name", name);
    w.writeAttribute("attr.type", type);
  }

  private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
    w.writeStartElement("data");
    w.writeAttribute("key", key);
    w.writeCharacters(Xml.text(value));
    w.writeEndElement();
  }
}
