package org.mirabella.analysis.io;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An i2 Analyst's Notebook chart in its XML exchange format (ANX): a {@code <Chart>} with an
 * {@code AttributeClassCollection} (one text attribute class per node or edge attribute, plus
 * "Last date"), an {@code EntityTypeCollection} (one entity type per node type, with an i2 standard
 * icon, {@link #ICONS}), a {@code LinkTypeCollection} (one per edge type) and a {@code
 * ChartItemCollection}: each node an {@code <End><Entity><Icon><IconStyle Type=…>} item laid out on
 * a grid, each edge a {@code <Link End1Id End2Id>} item with an arrow where directed, its first
 * date as the item's date and its weight as the link width (1–10). Entities are referred to by
 * their {@code EntityId} ({@code IdReferenceLinking="false"}). StAX escapes markup.
 *
 * <p>The element and attribute names follow charts written by Analyst's Notebook 7–9 and by
 * open-source exporters; the chart was not checked against i2's schema, which is not public.
 */
public final class AnxWriter {
  /** Node type (FtM schema) to i2 standard icon; other types use their own name, which i2 shows with its default icon. */
  public static final Map<String, String> ICONS = Map.ofEntries(
      Map.entry("Person", "Person"),
      Map.entry("Organization", "Organization"),
      Map.entry("Company", "Organization"),
      Map.entry("LegalEntity", "Organization"),
      Map.entry("Phone", "Phone"),
      Map.entry("Vessel", "Boat"),
      Map.entry("Vehicle", "Car"),
      Map.entry("BankAccount", "Bank Account"),
      Map.entry("Address", "Building"));

  private static final int SPACING = 120;

  private AnxWriter() {}

  /** The i2 icon for a node type; "Person" for untyped nodes is not assumed: they get "Unknown". */
  public static String icon(String type) {
    if (type == null) return "Unknown";
    return ICONS.getOrDefault(type, type);
  }

  public static void write(LabelledGraph g, OutputStream out) {
    try {
      XMLStreamWriter w = Xml.open(out);
      w.writeStartElement("Chart");
      w.writeAttribute("IdReferenceLinking", "false");
      w.writeAttribute("Rigorous", "true");

      Set<String> attrClasses = new LinkedHashSet<>(g.nodeAttributeNames());
      attrClasses.addAll(g.edgeAttributeNames());
      boolean lastDates = g.edges().stream().anyMatch(e -> e.lastDate() != null);
      if (lastDates) attrClasses.add("Last date");
      if (!attrClasses.isEmpty()) {
        w.writeStartElement("AttributeClassCollection");
        for (String a : attrClasses) {
          w.writeEmptyElement("AttributeClass");
          Xml.attr(w, "Name", a);
          w.writeAttribute("Type", "AttText");
          w.writeAttribute("ShowValue", "true");
        }
        w.writeEndElement();
      }

      Map<String, String> entityTypes = new LinkedHashMap<>();
      for (LabelledGraph.Node n : g.nodes()) entityTypes.putIfAbsent(typeName(n.type()), icon(n.type()));
      w.writeStartElement("EntityTypeCollection");
      for (Map.Entry<String, String> t : entityTypes.entrySet()) {
        w.writeEmptyElement("EntityType");
        Xml.attr(w, "Name", t.getKey());
        Xml.attr(w, "IconFile", t.getValue());
        w.writeAttribute("Colour", "0");
        w.writeAttribute("PreferredRepresentation", "RepresentAsIcon");
      }
      w.writeEndElement();

      Set<String> linkTypes = new LinkedHashSet<>();
      for (LabelledGraph.Edge e : g.edges()) linkTypes.add(linkName(e.type()));
      w.writeStartElement("LinkTypeCollection");
      for (String t : linkTypes) {
        w.writeEmptyElement("LinkType");
        Xml.attr(w, "Name", t);
        w.writeAttribute("Colour", "0");
      }
      w.writeEndElement();

      double maxWeight = 0;
      for (LabelledGraph.Edge e : g.edges()) maxWeight = Math.max(maxWeight, Math.abs(e.weight()));
      int columns = Math.max(1, (int) Math.ceil(Math.sqrt(g.nodes().size())));
      w.writeStartElement("ChartItemCollection");
      List<LabelledGraph.Node> nodes = g.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        LabelledGraph.Node n = nodes.get(i);
        int x = (i % columns) * SPACING;
        int y = (i / columns) * SPACING;
        w.writeStartElement("ChartItem");
        Xml.attr(w, "Label", n.label());
        w.writeAttribute("XPosition", Integer.toString(x));
        w.writeAttribute("DateSet", "false");
        w.writeStartElement("End");
        w.writeAttribute("X", Integer.toString(x));
        w.writeAttribute("Y", Integer.toString(y));
        w.writeAttribute("Z", "0");
        w.writeStartElement("Entity");
        Xml.attr(w, "EntityId", n.id());
        Xml.attr(w, "Identity", n.id());
        w.writeAttribute("LabelIsIdentity", "false");
        w.writeStartElement("Icon");
        w.writeEmptyElement("IconStyle");
        Xml.attr(w, "Type", typeName(n.type()));
        w.writeEndElement(); // Icon
        w.writeEndElement(); // Entity
        w.writeEndElement(); // End
        attributes(w, n.attributes(), null);
        w.writeEndElement(); // ChartItem
      }
      for (LabelledGraph.Edge e : g.edges()) {
        w.writeStartElement("ChartItem");
        Xml.attr(w, "Label", e.type() == null ? "" : e.type());
        if (e.firstDate() != null) {
          w.writeAttribute("DateSet", "true");
          w.writeAttribute("DateTime", e.firstDate() + "T00:00:00.000");
          w.writeAttribute("TimeSet", "false");
        } else {
          w.writeAttribute("DateSet", "false");
        }
        w.writeStartElement("Link");
        Xml.attr(w, "End1Id", e.source());
        Xml.attr(w, "End2Id", e.target());
        w.writeEmptyElement("LinkStyle");
        Xml.attr(w, "Type", linkName(e.type()));
        w.writeAttribute("ArrowStyle", e.directed() ? "ArrowOnHead" : "ArrowNone");
        int width = maxWeight <= 0 ? 1 : 1 + (int) Math.round(9 * Math.abs(e.weight()) / maxWeight);
        w.writeAttribute("LineWidth", Integer.toString(width));
        w.writeEndElement(); // Link
        attributes(w, e.attributes(), e.lastDate() == null ? null : e.lastDate().toString());
        w.writeEndElement(); // ChartItem
      }
      w.writeEndElement(); // ChartItemCollection
      w.writeEndElement(); // Chart
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write ANX", e);
    }
  }

  private static void attributes(XMLStreamWriter w, Map<String, String> attrs, String lastDate) throws XMLStreamException {
    if (attrs.isEmpty() && lastDate == null) return;
    w.writeStartElement("AttributeCollection");
    for (Map.Entry<String, String> a : attrs.entrySet()) {
      w.writeEmptyElement("Attribute");
      Xml.attr(w, "AttributeClass", a.getKey());
      Xml.attr(w, "Value", a.getValue());
    }
    if (lastDate != null) {
      w.writeEmptyElement("Attribute");
      w.writeAttribute("AttributeClass", "Last date");
      w.writeAttribute("Value", lastDate);
    }
    w.writeEndElement();
  }

  private static String typeName(String type) {
    return type == null ? "Unknown" : type;
  }

  private static String linkName(String type) {
    return type == null ? "Link" : type;
  }
}
