package org.mirabella.routes;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.mirabella.access.Viewers;
import org.mirabella.actions.RequestViewer;
import org.mirabella.actions.VisibleEntities;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.http.Api;
import org.mirabella.http.QueryParams;
import org.mirabella.http.Routes;
import org.mirabella.http.ServerContext;
import org.mirabella.model.InvalidData;

/**
 * {@code GET /api/map/events?from=&to=&agency=&route=&kinds=}: the crossings, interceptions, arrests
 * and safe-house stays the reader may see as points, and the journey legs as flows between places,
 * read through {@link RouteSource} (only the statements the rules let the reader see). Every read is
 * audited (the filter and the counts, never content).
 */
public final class MapRoutes implements Routes {
  /** Points sent at most (the busiest map stays drawable); flows are never cut. */
  public static final int MAX_POINTS = 5000;
  private final RouteSource source;
  private final AuditLog audit;

  public MapRoutes(ServerContext context) {
    this(new RouteSource(new VisibleEntities(context.db(), context.model())), new JdbcAuditLog(context.db()));
  }

  public MapRoutes(RouteSource source, AuditLog audit) {
    this.source = source;
    this.audit = audit;
  }

  @Override
  public void register(Api api) {
    api.get("/api/map/events", ctx -> {
      MapView.Filter filter = filter(ctx);
      int limit = QueryParams.intParam(ctx, "limit", 2000, 0, MAX_POINTS);
      RouteNetwork network = source.network(RequestViewer.of(ctx));
      MapView.Result r = MapView.of(network.events(), filter, limit);
      var v = Viewers.of(ctx);
      String query = "from=" + filter.from() + " to=" + filter.to() + " agency=" + filter.agency() + " route=" + filter.route()
          + " kinds=" + filter.kinds();
      audit.record(new AuditEvent(v.user(), v.agency(), "map.read", query.length() > 200 ? query.substring(0, 200) : query, null,
          Viewers.justification(ctx), r.matched() + " events matched, " + r.events().size() + " points and " + r.legs().size() + " flows shown"));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("events", r.events());
      out.put("legs", r.legs());
      out.put("matched", r.matched());
      out.put("unplaced", r.unplaced());
      out.put("truncated", r.truncated());
      out.put("routes", Gazetteer.get().routes());
      org.mirabella.actions.Json.write(ctx, out);
    });
  }

  static MapView.Filter filter(Context ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidData("Invalid request", Map.of("to", to + " is before from " + from));
    }
    Set<RouteEvent.Kind> kinds = EnumSet.noneOf(RouteEvent.Kind.class);
    String raw = ctx.queryParam("kinds");
    if (raw != null && !raw.isBlank()) {
      for (String k : raw.split(",")) {
        if (k.isBlank()) continue;
        RouteEvent.Kind kind = RouteEvent.Kind.ofSchema(k.strip());
        if (kind == null) {
          throw new InvalidData("Invalid request", Map.of("kinds", "'" + k.strip() + "' is none of SmugglingService, BorderCrossing, "
              + "Interception, Arrest, SafeHouseUse"));
        }
        kinds.add(kind);
      }
    }
    return new MapView.Filter(from, to, blank(ctx.queryParam("agency")), blank(ctx.queryParam("route")), kinds);
  }

  private static LocalDate date(Context ctx, String name) {
    String raw = blank(ctx.queryParam(name));
    if (raw == null) return null;
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw new InvalidData("Invalid request", Map.of(name, "'" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw)
          + "' is not a date (YYYY-MM-DD)"));
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
