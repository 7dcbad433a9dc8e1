package org.mirabella.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;
import org.mirabella.model.InvalidData;

/** {@code POST /api/dpo/victim-export-permit} (grant, DPO only) and {@code POST /api/dpo/victim-export-permit/revoke}. */
public final class VictimExportRoutes implements Routes {
  private final VictimExportPermits permits;

  public VictimExportRoutes(VictimExportPermits permits) {
    this.permits = permits;
  }

  @Override
  public void register(Api api) {
    api.post("/api/dpo/victim-export-permit", ctx -> {
      Viewer v = Viewers.requireRole(ctx, Role.DPO);
      JsonNode b = Viewers.body(ctx);
      JsonNode days = b.get("days");
      if (days == null || !days.canConvertToInt()) throw new InvalidData("Bad permit", Map.of("days", "a whole number from 1 to 30"));
      var until = permits.grant(v, Duration.ofDays(days.asInt()), Viewers.required(b, "reason"));
      ctx.status(201).json(Map.of("agency", v.agency(), "validUntil", until.toString()));
    });
    api.post("/api/dpo/victim-export-permit/revoke", ctx -> {
      Viewer v = Viewers.requireRole(ctx, Role.DPO);
      ctx.json(Map.of("revoked", permits.revoke(v, Viewers.required(Viewers.body(ctx), "reason"))));
    });
  }
}
