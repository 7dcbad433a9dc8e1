package org.mirabella.routes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.access.Viewers;
import org.mirabella.actions.RequestViewer;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;
import org.mirabella.model.InvalidData;
import org.mirabella.report.Period;

/**
 * {@code GET /api/routes?period=2025-Q3}: the route network the reader may see, for one period, with
 * persons per quarter and route over all periods (change over time). Aggregates of case data, so
 * every read is audited ({@code routes.read}: the period and the counts).
 */
public final class RouteRoutes implements Routes {
  private final RouteSource source;
  private final AuditLog audit;

  public RouteRoutes(RouteSource source, AuditLog audit) {
    this.source = source;
    this.audit = audit;
  }

  @Override
  public void register(Api api) {
    api.get("/api/routes", ctx -> {
      String p = ctx.queryParam("period");
      if (p == null) throw new InvalidData("Which period?", Map.of("period", "required, e.g. 2025-Q3"));
      Period period = Period.parse(p);
      RouteNetwork n = source.network(RequestViewer.of(ctx));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("period", period.label());
      out.put("previous", period.previous().label());
      out.put("flows", n.flows(period));
      out.put("countryFlows", n.countryFlows(period));
      out.put("hotspots", n.hotspots(period));
      out.put("trends", n.trends(period));
      Map<String, Object> monthly = new LinkedHashMap<>();
      n.monthly(period).forEach((m, counts) -> monthly.put(m.toString(), counts));
      out.put("monthly", monthly);
      out.put("undated", n.undatable(period));
      out.put("quarterly", n.quarterly());
      out.put("routes", Gazetteer.get().routes());
      var v = Viewers.of(ctx);
      audit.record(new AuditEvent(v.user(), v.agency(), "routes.read", period.label(), null, Viewers.justification(ctx),
          n.flows(period).size() + " flows, " + n.hotspots(period).size() + " hotspots"));
      org.mirabella.actions.Json.write(ctx, out);
    });
  }
}
