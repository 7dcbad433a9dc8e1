package org.mirabella.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mirabella.access.EntityViews;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.json.EntityJson;

/**
 * The export formats of the network API: GraphML (yEd, Gephi), GEXF (Gephi), CSV edge list, FtM
 * JSON lines of the visible records, and an i2 Analyst's Notebook chart (ANX XML) with entity kinds
 * mapped to i2's standard icons. XML is written with StAX (escaping is the library's), CSV with
 * RFC 4180 quoting.
 */
public final class NetworkExports {
  private NetworkExports() {}

  private static final Map<String, NetworkExport> FORMATS = List.of(graphml(), gexf(), csv(), ftm(), anx()).stream()
      .collect(Collectors.toMap(NetworkExport::format, Function.identity()));

  public static NetworkExport require(String format) {
    NetworkExport e = FORMATS.get(format == null ? "" : format.strip().toLowerCase(java.util.Locale.ROOT));
    if (e == null) throw new InvalidData("Unknown export format", Map.of("format", "'" + format + "': expected graphml, gexf, csv, ftm or anx"));
    return e;
  }

  private interface XmlBody {
    void write(XMLStreamWriter x, Graph g) throws XMLStreamException;
  }

  private static NetworkExport xml(String format, String contentType, String ext, XmlBody body) {
    return new NetworkExport() {
      public String format() {
        return format;
      }

      public String contentType() {
        return contentType;
      }

      public String extension() {
        return ext;
      }

      public void write(Graph g, Collection<Entity> records, OutputStream out) throws IOException {
        try {
          XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
          x.writeStartDocument("UTF-8", "1.0");
          body.write(x, g);
          x.writeEndDocument();
          x.flush();
        } catch (XMLStreamException e) {
          throw new IOException("cannot write " + format + ": " + e.getMessage(), e);
        }
      }
    };
  }

  private static void text(XMLStreamWriter x, String element, String attrName, String attrValue, String value) throws XMLStreamException {
    if (value == null) return;
    x.writeStartElement(element);
    x.writeAttribute(attrName, attrValue);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  static NetworkExport graphml() {
    return xml("graphml", "application/graphml+xml", "graphml", (x, g) -> {
      x.writeStartElement("graphml");
      x.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
      String[][] keys = {{"label", "node"}, {"schema", "node"}, {"agency", "node"}, {"kind", "all"}, {"elabel", "edge"},
          {"count", "edge"}, {"first", "edge"}, {"last", "edge"}};
      for (String[] k : keys) {
        x.writeEmptyElement("key");
        x.writeAttribute("id", k[0]);
        x.writeAttribute("for", k[1]);
        x.writeAttribute("attr.name", k[0].equals("elabel") ? "label" : k[0]);
        x.writeAttribute("attr.type", k[0].equals("count") ? "int" : "string");
      }
      x.writeStartElement("graph");
      x.writeAttribute("id", "mirabella");
      x.writeAttribute("edgedefault", "undirected");
      for (Graph.Node n : g.nodes()) {
        x.writeStartElement("node");
        x.writeAttribute("id", n.id());
        text(x, "data", "key", "label", n.caption());
        text(x, "data", "key", "schema", n.schema());
        text(x, "data", "key", "agency", n.agency());
        text(x, "data", "key", "kind", n.kind());
        x.writeEndElement();
      }
      for (Graph.Edge e : g.edges()) {
        x.writeStartElement("edge");
        x.writeAttribute("id", e.id());
        x.writeAttribute("source", e.source());
        x.writeAttribute("target", e.target());
        x.writeAttribute("directed", String.valueOf(e.directed()));
        text(x, "data", "key", "kind", e.kind());
        text(x, "data", "key", "elabel", e.label());
        text(x, "data", "key", "count", String.valueOf(e.count()));
        text(x, "data", "key", "first", e.first());
        text(x, "data", "key", "last", e.last());
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndElement();
    });
  }

  static NetworkExport gexf() {
    return xml("gexf", "application/gexf+xml", "gexf", (x, g) -> {
      x.writeStartElement("gexf");
      x.writeDefaultNamespace("http://gexf.net/1.3");
      x.writeAttribute("version", "1.3");
      x.writeStartElement("graph");
      x.writeAttribute("defaultedgetype", "undirected");
      x.writeStartElement("attributes");
      x.writeAttribute("class", "node");
      String[] attrs = {"schema", "agency", "kind"};
      for (int i = 0; i < attrs.length; i++) {
        x.writeEmptyElement("attribute");
        x.writeAttribute("id", String.valueOf(i));
        x.writeAttribute("title", attrs[i]);
        x.writeAttribute("type", "string");
      }
      x.writeEndElement();
      x.writeStartElement("nodes");
      for (Graph.Node n : g.nodes()) {
        x.writeStartElement("node");
        x.writeAttribute("id", n.id());
        x.writeAttribute("label", n.caption() == null ? n.id() : n.caption());
        x.writeStartElement("attvalues");
        String[] values = {n.schema(), n.agency(), n.kind()};
        for (int i = 0; i < values.length; i++) {
          if (values[i] == null) continue;
          x.writeEmptyElement("attvalue");
          x.writeAttribute("for", String.valueOf(i));
          x.writeAttribute("value", values[i]);
        }
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeStartElement("edges");
      for (Graph.Edge e : g.edges()) {
        x.writeEmptyElement("edge");
        x.writeAttribute("id", e.id());
        x.writeAttribute("source", e.source());
        x.writeAttribute("target", e.target());
        x.writeAttribute("type", e.directed() ? "directed" : "undirected");
        x.writeAttribute("weight", String.valueOf(e.count()));
        if (e.label() != null) x.writeAttribute("label", e.label());
      }
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
    });
  }

  /** i2 icon types by schema (Analyst's Notebook standard palette), "Document" otherwise. */
  static String i2Icon(Graph.Node n) {
    if (Graph.PIVOT.equals(n.kind())) return switch (n.schema()) {
      case "phone" -> "Phone";
      case "email" -> "Email";
      case "iban" -> "Bank Account";
      case "address" -> "Place";
      default -> "Document";
    };
    return switch (n.schema() == null ? "" : n.schema()) {
      case "Person" -> "Person";
      case "Vessel" -> "Ship";
      case "Vehicle" -> "Car";
      case "Airplane" -> "Aircraft";
      case "BankAccount" -> "Bank Account";
      case "Company", "Organization", "LegalEntity", "PublicBody" -> "Organisation";
      case "Address", "RealEstate" -> "Place";
      case "Passport", "Identification" -> "Passport";
      default -> "Document";
    };
  }

  static NetworkExport anx() {
    return xml("anx", "application/xml", "anx", (x, g) -> {
      x.writeStartElement("Chart");
      x.writeAttribute("IdReferenceLinking", "false");
      x.writeStartElement("ChartItemCollection");
      for (Graph.Node n : g.nodes()) {
        x.writeStartElement("ChartItem");
        x.writeAttribute("Label", n.caption() == null ? n.id() : n.caption());
        x.writeStartElement("End");
        x.writeStartElement("Entity");
        x.writeAttribute("EntityId", n.id());
        x.writeAttribute("Identity", n.id());
        x.writeStartElement("Icon");
        x.writeEmptyElement("IconStyle");
        x.writeAttribute("Type", i2Icon(n));
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
      }
      for (Graph.Edge e : g.edges()) {
        x.writeStartElement("ChartItem");
        x.writeAttribute("Label", e.label() + (e.count() > 1 ? " ×" + e.count() : ""));
        x.writeStartElement("Link");
        x.writeAttribute("End1Id", e.source());
        x.writeAttribute("End2Id", e.target());
        x.writeEmptyElement("LinkStyle");
        x.writeAttribute("ArrowStyle", e.directed() ? "ArrowOnHead" : "ArrowNone");
        x.writeAttribute("Type", "Link");
        x.writeAttribute("Strength", "1");
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndElement();
    });
  }

  static NetworkExport csv() {
    return new NetworkExport() {
      public String format() {
        return "csv";
      }

      public String contentType() {
        return "text/csv; charset=utf-8";
      }

      public String extension() {
        return "csv";
      }

      public void write(Graph g, Collection<Entity> records, OutputStream out) throws IOException {
        Map<String, String> captions = g.nodes().stream().collect(Collectors.toMap(Graph.Node::id,
            n -> n.caption() == null ? n.id() : n.caption(), (a, b) -> a));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("source,target,source_caption,target_caption,kind,label,count,first,last\r\n");
        for (Graph.Edge e : g.edges()) {
          w.write(String.join(",", List.of(q(e.source()), q(e.target()), q(captions.get(e.source())), q(captions.get(e.target())),
              q(e.kind()), q(e.label()), String.valueOf(e.count()), q(e.first()), q(e.last()))) + "\r\n");
        }
        w.flush();
      }
    };
  }

  private static String q(String s) {
    if (s == null) return "";
    return s.matches("[^\",\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  static NetworkExport ftm() {
    return new NetworkExport() {
      public String format() {
        return "ftm";
      }

      public String contentType() {
        return "application/x-ndjson";
      }

      public String extension() {
        return "ftm.json";
      }

      public void write(Graph g, Collection<Entity> records, OutputStream out) throws IOException {
        for (Entity e : records) {
          out.write(EntityJson.mapper().writeValueAsBytes(EntityViews.json(e)));
          out.write('\n');
        }
        out.flush();
      }
    };
  }
}
