package org.mirabella.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mirabella.access.EntityViews;
import org.mirabella.analysis.io.AnxWriter;
import org.mirabella.analysis.io.CsvGraphWriter;
import org.mirabella.analysis.io.GexfWriter;
import org.mirabella.analysis.io.GraphMlWriter;
import org.mirabella.analysis.io.LabelledGraph;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.json.EntityJson;

/**
 * The export formats of the network API: GraphML (yEd, Gephi), GEXF (Gephi), CSV node and edge
 * lists, FtM JSON lines of the visible records, and an i2 Analyst's Notebook chart (ANX XML). The
 * chart formats are the core's writers ({@code org.mirabella.analysis.io}); this class only turns
 * a viewer's {@link Graph} into their {@link LabelledGraph}.
 */
public final class NetworkExports {
  private NetworkExports() {}

  private static final Map<String, NetworkExport> FORMATS = List.of(
          chart("graphml", "application/graphml+xml", "graphml", GraphMlWriter::write),
          chart("gexf", "application/gexf+xml", "gexf", GexfWriter::write),
          chart("anx", "application/xml", "anx", AnxWriter::write),
          csv("csv", "edges.csv", CsvGraphWriter::writeEdges),
          csv("csv-nodes", "nodes.csv", CsvGraphWriter::writeNodes),
          ftm())
      .stream().collect(Collectors.toMap(NetworkExport::format, Function.identity()));

  public static NetworkExport require(String format) {
    NetworkExport e = FORMATS.get(format == null ? "" : format.strip().toLowerCase(Locale.ROOT));
    if (e == null) {
      throw new InvalidData("Unknown export format", Map.of("format", "'" + format + "': expected graphml, gexf, anx, csv, csv-nodes or ftm"));
    }
    return e;
  }

  /** The viewer's graph as the exporters' input: captions, schemata, agencies, kinds, counts, dates and totals kept. */
  static LabelledGraph labelled(Graph g) {
    List<LabelledGraph.Node> nodes = g.nodes().stream().map(n -> {
      Map<String, String> a = new LinkedHashMap<>();
      put(a, "kind", n.kind());
      put(a, "agency", n.agency());
      put(a, "role", n.role());
      if (n.members() != null && n.members().size() > 1) a.put("members", String.join(" ", n.members()));
      String type = Graph.PIVOT.equals(n.kind()) ? pivotType(n.schema()) : n.schema();
      return new LabelledGraph.Node(n.id(), n.caption(), type, a);
    }).toList();
    List<LabelledGraph.Edge> edges = g.edges().stream().map(e -> {
      Map<String, String> a = new LinkedHashMap<>();
      put(a, "kind", e.kind());
      put(a, "label", e.label());
      put(a, "count", String.valueOf(e.count()));
      put(a, "first", e.first());
      put(a, "last", e.last());
      if (e.totals() != null) {
        e.totals().forEach((currency, sum) -> a.put("total " + currency, String.format(Locale.ROOT, "%.2f", sum)));
      }
      LocalDate first = start(e.first());
      LocalDate last = end(e.last());
      if (first != null && last != null && last.isBefore(first)) last = first;
      return new LabelledGraph.Edge(e.source(), e.target(), e.schema() != null ? e.schema() : e.kind(), e.count(),
          e.directed(), first, last, a);
    }).toList();
    return new LabelledGraph(nodes, edges);
  }

  /** A pivot node's type as the tools name it: the shared value's kind (phone, iban…) as an FtM-like schema. */
  private static String pivotType(String kind) {
    return switch (kind == null ? "" : kind) {
      case "phone" -> "Phone";
      case "iban" -> "BankAccount";
      case "address" -> "Address";
      case "email" -> "Email";
      default -> kind;
    };
  }

  private static void put(Map<String, String> a, String k, String v) {
    if (v != null && !v.isBlank()) a.put(k, v);
  }

  /** First day of a partial ISO date ("2024", "2024-03", "2024-03-05"); null when absent or unreadable. */
  static LocalDate start(String partial) {
    try {
      if (partial == null || partial.isBlank()) return null;
      return switch (partial.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(partial), 1, 1);
        case 7 -> YearMonth.parse(partial).atDay(1);
        default -> LocalDate.parse(partial.substring(0, 10));
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Last day of a partial ISO date. */
  static LocalDate end(String partial) {
    try {
      if (partial == null || partial.isBlank()) return null;
      return switch (partial.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(partial), 12, 31);
        case 7 -> YearMonth.parse(partial).atEndOfMonth();
        default -> LocalDate.parse(partial.substring(0, 10));
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  private interface ChartWriter {
    void write(LabelledGraph g, OutputStream out);
  }

  private interface CsvWriter {
    void write(LabelledGraph g, Writer out);
  }

  private static NetworkExport chart(String format, String contentType, String ext, ChartWriter writer) {
    return export(format, contentType, ext, (g, records, out) -> writer.write(labelled(g), out));
  }

  private static NetworkExport csv(String format, String ext, CsvWriter writer) {
    return export(format, "text/csv; charset=utf-8", ext, (g, records, out) -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write(labelled(g), w);
      w.flush();
    });
  }

  private static NetworkExport ftm() {
    return export("ftm", "application/x-ndjson", "ftm.json", (g, records, out) -> {
      for (Entity e : records) {
        out.write(EntityJson.mapper().writeValueAsBytes(EntityViews.json(e)));
        out.write('\n');
      }
      out.flush();
    });
  }

  private interface Body {
    void write(Graph g, Collection<Entity> records, OutputStream out) throws IOException;
  }

  private static NetworkExport export(String format, String contentType, String ext, Body body) {
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

      public void write(Graph graph, Collection<Entity> records, OutputStream out) throws IOException {
        try {
          body.write(graph, records, out);
        } catch (java.io.UncheckedIOException e) {
          throw e.getCause();
        }
      }
    };
  }
}
