package org.mirabella.analysis.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV node and edge lists (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold
 * a comma, quote or line break, quotes doubled), as Gephi's spreadsheet import and most tools read
 * them. Nodes: {@code id,label,type,<attributes…>}; edges: {@code
 * source,target,type,weight,directed,first_date,last_date,<attributes…>}. A text field starting
 * with {@code = + - @} (other than a number) gets a leading apostrophe so a spreadsheet does not
 * run it as a formula (OWASP "CSV injection"). Hand-written: four lines of quoting do not justify
 * a CSV library in the core.
 */
public final class CsvGraphWriter {
  private CsvGraphWriter() {}

  public static void writeNodes(LabelledGraph g, Writer out) {
    List<String> attrs = g.nodeAttributeNames();
    List<String> header = new ArrayList<>(List.of("id", "label", "type"));
    header.addAll(attrs);
    row(out, header);
    for (LabelledGraph.Node n : g.nodes()) {
      List<String> r = new ArrayList<>(List.of(n.id(), n.label(), n.type() == null ? "" : n.type()));
      for (String a : attrs) r.add(n.attributes().getOrDefault(a, ""));
      row(out, r);
    }
    flush(out);
  }

  public static void writeEdges(LabelledGraph g, Writer out) {
    List<String> attrs = g.edgeAttributeNames();
    List<String> header = new ArrayList<>(List.of("source", "target", "type", "weight", "directed", "first_date", "last_date"));
    header.addAll(attrs);
    row(out, header);
    for (LabelledGraph.Edge e : g.edges()) {
      List<String> r = new ArrayList<>(List.of(e.source(), e.target(), e.type() == null ? "" : e.type(),
          Xml.number(e.weight()), Boolean.toString(e.directed()),
          e.firstDate() == null ? "" : e.firstDate().toString(), e.lastDate() == null ? "" : e.lastDate().toString()));
      for (String a : attrs) r.add(e.attributes().getOrDefault(a, ""));
      row(out, r);
    }
    flush(out);
  }

  private static void row(Writer out, List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) out.write(',');
        out.write(field(fields.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String field(String s) {
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) s = "'" + s;
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void flush(Writer out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
