package org.mirabella.htcds;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import org.mirabella.access.Role;
import org.mirabella.access.Viewers;
import org.mirabella.actions.RequestViewer;
import org.mirabella.actions.Viewer;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;

/** HTCDS over HTTP: export with the DPO's approval (recorded and audited as the logged-in user), list of exports, import of CSV. */
public final class HtcdsRoutes implements Routes {
  private final HtcdsService service;

  public HtcdsRoutes(HtcdsService service) {
    this.service = service;
  }

  record ExportInput(String caseRef, String dpo, String approvalRef, String purpose, String recipient, LocalDate approvedOn) {}

  @Override
  public void register(Api api) {
    api.post("/api/htcds/exports", ctx -> {
      Viewer v = RequestViewer.of(ctx);
      // An export is made by an investigator, coordinator or DPO: any other role is refused (403), as everywhere.
      String user = Viewers.requireRole(ctx, Role.INVESTIGATOR, Role.COORDINATOR, Role.DPO).user();
      ExportInput in = org.mirabella.actions.OperationRoutes.body(ctx, ExportInput.class);
      org.mirabella.actions.Json.write(ctx.status(201), service.export(v, in.caseRef(),
          new HtcdsService.Approval(in.dpo(), in.approvalRef(), in.purpose(), in.recipient(), in.approvedOn()), user));
    });
    api.get("/api/htcds/exports", ctx -> org.mirabella.actions.Json.write(ctx, service.exports(RequestViewer.of(ctx))));
    api.post("/api/htcds/imports", ctx -> {
      String caseRef = ctx.queryParam("case");
      org.mirabella.actions.Json.write(ctx.status(201), service.importCsv(new BufferedReader(new StringReader(ctx.body())), "request body", RequestViewer.of(ctx),
          caseRef, org.mirabella.access.Viewers.of(ctx).user()));
    });
  }
}
