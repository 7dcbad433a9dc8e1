package org.mirabella.report;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.access.Viewers;
import org.mirabella.actions.RequestViewer;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.http.Api;
import org.mirabella.http.NotFound;
import org.mirabella.http.Routes;
import org.mirabella.model.InvalidData;

/**
 * The periodic report over HTTP, for the reader's agency, always published (small counts suppressed;
 * {@code threshold} may raise it, not lower it below the default): as JSON tables, HTML (charts
 * inline), PDF, and one table as CSV.
 */
public final class ReportRoutes implements Routes {
  private final ReportBuilder builder;
  private final AuditLog audit;

  public ReportRoutes(ReportBuilder builder, AuditLog audit) {
    this.builder = builder;
    this.audit = audit;
  }

  /** The report for the request's period and threshold; every one built is audited ({@code report.read}, with its form). */
  private Report report(io.javalin.http.Context ctx, String form) {
    Report r = build(ctx);
    var v = Viewers.of(ctx);
    audit.record(new AuditEvent(v.user(), v.agency(), "report.read", r.period().label(), null, Viewers.justification(ctx), form));
    return r;
  }

  private Report build(io.javalin.http.Context ctx) {
    String t = ctx.queryParam("threshold");
    int threshold = Suppression.DEFAULT.threshold();
    if (t != null) {
      try {
        threshold = Integer.parseInt(t);
      } catch (NumberFormatException e) {
        throw new InvalidData("Bad threshold", Map.of("threshold", "'" + t + "' is not a number"));
      }
      if (threshold < Suppression.DEFAULT.threshold()) {
        throw new InvalidData("Bad threshold", Map.of("threshold", "published reports suppress counts below at least " + Suppression.DEFAULT.threshold()));
      }
    }
    return builder.build(Period.parse(ctx.pathParam("period")), RequestViewer.of(ctx)).published(new Suppression(threshold));
  }

  @Override
  public void register(Api api) {
    api.get("/api/reports/{period}", ctx -> {
      Report r = report(ctx, "json");
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("title", r.title());
      out.put("period", r.period().label());
      out.put("audience", r.audience());
      out.put("notes", r.notes());
      out.put("tables", r.tables().stream().map(ReportRoutes::json).toList());
      org.mirabella.actions.Json.write(ctx, out);
    });
    api.get("/api/reports/{period}/html", ctx -> ctx.contentType("text/html; charset=utf-8").result(html(report(ctx, "html"))));
    api.get("/api/reports/{period}/pdf", ctx -> {
      Report r = report(ctx, "pdf");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PdfReport.write(html(r), null, out);
      ctx.contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"mirabella-" + r.period().label() + ".pdf\"")
          .result(out.toByteArray());
    });
    api.get("/api/reports/{period}/csv/{table}", ctx -> {
      Table t = report(ctx, "csv " + ctx.pathParam("table")).table(ctx.pathParam("table"));
      if (t == null) throw new NotFound("no table " + ctx.pathParam("table"));
      ctx.contentType("text/csv; charset=utf-8").result(Csv.of(t));
    });
  }

  private static String html(Report r) {
    Map<String, String> refs = new LinkedHashMap<>();
    for (Report.Section s : r.sections()) {
      for (Report.Chart c : s.charts()) {
        byte[] png = Charts.png(r, c);
        if (png != null) refs.put(c.id(), "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
      }
    }
    return HtmlReport.render(r, HtmlReport.refs(refs));
  }

  private static Map<String, Object> json(Table t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("title", t.title());
    m.put("columns", t.columns().stream().map(c -> Map.of("name", c.name(), "kind", c.kind().name().toLowerCase(java.util.Locale.ROOT))).toList());
    m.put("rows", t.rows().stream().map(r -> r.stream().map(ReportRoutes::cell).toList()).toList());
    m.put("totals", t.totals() == null ? null : t.totals().stream().map(ReportRoutes::cell).toList());
    m.put("notes", t.notes());
    return m;
  }

  private static Object cell(Object v) {
    return v instanceof Table.Withheld w ? w.display() : v;
  }
}
