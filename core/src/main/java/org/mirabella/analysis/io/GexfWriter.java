package org.mirabella.analysis.io;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GEXF 1.3 (gexf.net, Gephi 0.9.3 and later): nodes with their label, a {@code type} attribute and
 * every node attribute (declared as strings); edges with {@code label} (the type), {@code weight},
 * {@code type="directed"} where directed, and their edge attributes. When any edge has a date the
 * graph is written in {@code mode="dynamic"} with {@code timeformat="date"} and each dated edge
 * gets a spell {@code start}/{@code end} (first and last date; an open side is left out), so
 * Gephi's timeline can show the network as of any day. StAX escapes markup.
 */
public final class GexfWriter {
  private static final String NS = "http://gexf.net/1.3";

  private GexfWriter() {}

  public static void write(LabelledGraph g, OutputStream out) {
    try {
      XMLStreamWriter w = Xml.open(out);
      w.writeStartElement("gexf");
      w.writeDefaultNamespace(NS);
      w.writeAttribute("version", "1.3");
      w.writeStartElement("meta");
      w.writeStartElement("creator");
      w.writeCharacters("Mirabella");
      w.writeEndElement();
      w.writeEndElement();
      boolean dynamic = g.dated();
      w.writeStartElement("graph");
      w.writeAttribute("defaultedgetype", "undirected");
      w.writeAttribute("mode", dynamic ? "dynamic" : "static");
      if (dynamic) w.writeAttribute("timeformat", "date");
      List<String> nodeAttrs = g.nodeAttributeNames();
      List<String> edgeAttrs = g.edgeAttributeNames();
      w.writeStartElement("attributes");
      w.writeAttribute("class", "node");
      declare(w, "type", "type");
      for (int i = 0; i < nodeAttrs.size(); i++) declare(w, "n" + i, nodeAttrs.get(i));
      w.writeEndElement();
      if (!edgeAttrs.isEmpty()) {
        w.writeStartElement("attributes");
        w.writeAttribute("class", "edge");
        for (int i = 0; i < edgeAttrs.size(); i++) declare(w, "e" + i, edgeAttrs.get(i));
        w.writeEndElement();
      }
      w.writeStartElement("nodes");
      for (LabelledGraph.Node n : g.nodes()) {
        w.writeStartElement("node");
        Xml.attr(w, "id", n.id());
        Xml.attr(w, "label", n.label());
        w.writeStartElement("attvalues");
        if (n.type() != null) value(w, "type", n.type());
        for (Map.Entry<String, String> a : n.attributes().entrySet()) value(w, "n" + nodeAttrs.indexOf(a.getKey()), a.getValue());
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeStartElement("edges");
      List<LabelledGraph.Edge> edges = g.edges();
      for (int i = 0; i < edges.size(); i++) {
        LabelledGraph.Edge e = edges.get(i);
        w.writeStartElement("edge");
        w.writeAttribute("id", Integer.toString(i));
        Xml.attr(w, "source", e.source());
        Xml.attr(w, "target", e.target());
        if (e.directed()) w.writeAttribute("type", "directed");
        if (e.type() != null) Xml.attr(w, "label", e.type());
        w.writeAttribute("weight", Xml.number(e.weight()));
        if (e.firstDate() != null) w.writeAttribute("start", e.firstDate().toString());
        if (e.lastDate() != null) w.writeAttribute("end", e.lastDate().toString());
        if (!e.attributes().isEmpty()) {
          w.writeStartElement("attvalues");
          for (Map.Entry<String, String> a : e.attributes().entrySet()) value(w, "e" + edgeAttrs.indexOf(a.getKey()), a.getValue());
          w.writeEndElement();
        }
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write GEXF", e);
    }
  }

  private static void declare(XMLStreamWriter w, String id, String title) throws XMLStreamException {
    w.writeEmptyElement("attribute");
    w.writeAttribute("id", id);
    Xml.attr(w, "title", title);
    w.writeAttribute("type", "string");
  }

  private static void value(XMLStreamWriter w, String id, String v) throws XMLStreamException {
    w.writeEmptyElement("attvalue");
    w.writeAttribute("for", id);
    Xml.attr(w, "value", v);
  }
}
