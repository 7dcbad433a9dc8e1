package org.mirabella.actions;

import java.util.List;
import org.mirabella.htcds.HtcdsRoutes;
import org.mirabella.htcds.HtcdsService;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;
import org.mirabella.http.ServerContext;
import org.mirabella.report.ReportBuilder;
import org.mirabella.report.ReportRoutes;
import org.mirabella.routes.RouteRoutes;
import org.mirabella.routes.RouteSource;

/**
 * Joint actions, routes, reports and HTCDS, wired over the server's store: the one line in
 * {@code MirabellaServer.routes}. The cross-check is exact after normalisation and outcomes resolve
 * each entity as its own person until the matching engine provides both.
 */
public final class JointActionRoutes implements Routes {
  private final List<Routes> parts;

  public JointActionRoutes(ServerContext context) {
    OperationStore operations = new OperationStore(context.db());
    FieldCheckStore checks = new FieldCheckStore(context.db(), operations, new MatchingCrossCheck(context.db(), context.model()));
    VisibleEntities visible = new VisibleEntities(context.db(), context.model());
    RouteSource routes = new RouteSource(visible);
    var audit = new org.mirabella.audit.JdbcAuditLog(context.db());
    this.parts = List.of(
        new OperationRoutes(operations, checks, new org.mirabella.hits.ConfirmedHits(context.db()), audit, visible),
        new RouteRoutes(routes, audit),
        new ReportRoutes(new ReportBuilder(context.db(), operations, checks, routes, new org.mirabella.hits.ConfirmedHits(context.db())),
            audit),
        new HtcdsRoutes(new HtcdsService(context.db(), context.model())));
  }

  @Override
  public void register(Api api) {
    for (Routes r : parts) r.register(api);
  }
}
