package org.mirabella.hits;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.mirabella.access.Viewer;
import org.mirabella.access.Viewers;
import org.mirabella.http.Api;
import org.mirabella.http.NotFound;
import org.mirabella.http.Routes;
import org.mirabella.provenance.HandlingCode;

/**
 * Hits and their release workflow, judgements, and messages on hits and cases. A hit the caller's
 * agency is not party to (or may not know of) answers 404, like a case not shared with it.
 */
public final class HitRoutes implements Routes {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;
  private final Exchange exchange;

  public HitRoutes(Exchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public void register(Api api) {
    api.get("/api/hits", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      // Paged and filtered in the database: the views (requests, released details) are built for one
      // page only, and X-Total-Count counts every hit the filter ({@code show}) admits. The body stays
      // a JSON array, as before, so that existing clients keep working.
      int limit = org.mirabella.http.QueryParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
      int offset = org.mirabella.http.QueryParams.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
      String entity = ctx.queryParam("entity");
      Exchange.Inbox inbox = exchange.inbox(v, Exchange.Show.parse(ctx.queryParam("show")),
          entity == null || entity.isBlank() ? null : entity.strip(), limit, offset);
      ctx.header("X-Total-Count", Long.toString(inbox.total()));
      ctx.json(inbox.hits());
    });
    api.get("/api/hits/{ref}", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      ctx.json(exchange.view(v, hit(ctx, v), true));
    });
    api.post("/api/hits/{ref}/requests", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      Hit h = hit(ctx, v);
      JsonNode b = optionalBody(ctx);
      String j = b.hasNonNull("justification") ? b.get("justification").asText() : Viewers.requireJustification(ctx, "Asking for details");
      long id = exchange.request(v, h, j);
      ctx.status(201).json(Map.of("id", id, "hit", h.ref()));
    });
    api.post("/api/hits/{ref}/requests/{id}/answer", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      Hit h = hit(ctx, v);
      JsonNode b = Viewers.body(ctx);
      Set<String> props = new LinkedHashSet<>();
      if (b.has("properties")) b.get("properties").forEach(p -> props.add(p.asText()));
      ReleaseDecision d = ReleaseDecision.of(Viewers.required(b, "decision"), props, b.hasNonNull("reason") ? b.get("reason").asText() : null);
      ctx.json(guard(() -> exchange.answer(v, h, requestId(ctx), d)));
    });
    api.post("/api/hits/{ref}/requests/{id}/revoke", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      Hit h = hit(ctx, v);
      String reason = Viewers.required(Viewers.body(ctx), "reason");
      int n = guard(() -> exchange.revoke(v, h, requestId(ctx), reason));
      ctx.json(Map.of("revoked", n));
    });
    api.post("/api/hits/{ref}/judgements", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      Hit h = hit(ctx, v);
      JsonNode b = Viewers.body(ctx);
      exchange.judge(v, h, Judgement.parse(Viewers.required(b, "judgement")), Viewers.required(b, "reason"));
      ctx.status(201).json(exchange.view(v, exchange.visibleHit(v, h.ref()).orElseThrow(), true));
    });
    api.post("/api/hits/{ref}/messages", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      Hit h = hit(ctx, v);
      JsonNode b = Viewers.body(ctx);
      long id = exchange.message(v, h.id(), null, null, Viewers.required(b, "body"), handling(b), text(b, "handlingCondition"),
          b.path("victimProtection").asBoolean(false), h.ref(), h.otherAgency(v.agency()));
      ctx.status(201).json(Map.of("id", id));
    });
    api.get("/api/cases/{agency}/{ref}/messages", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      String[] c = caseOf(ctx, v);
      ctx.json(exchange.messages(v, c[0] + "/" + c[1], c[0], Viewers.justification(ctx), "case_agency = :a AND case_ref = :r",
          Map.of("a", c[0], "r", c[1])));
    });
    api.post("/api/cases/{agency}/{ref}/messages", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      String[] c = caseOf(ctx, v);
      JsonNode b = Viewers.body(ctx);
      long id = exchange.message(v, null, c[0], c[1], Viewers.required(b, "body"), handling(b), text(b, "handlingCondition"),
          b.path("victimProtection").asBoolean(false), c[0] + "/" + c[1], c[0]);
      ctx.status(201).json(Map.of("id", id));
    });
  }

  private Hit hit(Context ctx, Viewer v) {
    String ref = ctx.pathParam("ref");
    return exchange.visibleHit(v, ref).orElseThrow(() -> new NotFound("no hit " + (ref.length() > 40 ? ref.substring(0, 40) : ref)));
  }

  private String[] caseOf(Context ctx, Viewer v) {
    String a = ctx.pathParam("agency").toUpperCase(java.util.Locale.ROOT);
    String r = ctx.pathParam("ref");
    if (!exchange.maySeeCase(v, a, r)) throw new NotFound("no case " + a + "/" + (r.length() > 40 ? r.substring(0, 40) : r));
    return new String[] {a, r};
  }

  private static long requestId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFound("no request " + ctx.pathParam("id"));
    }
  }

  private static JsonNode optionalBody(Context ctx) {
    return ctx.body().isBlank() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : Viewers.body(ctx);
  }

  private static HandlingCode handling(JsonNode b) {
    return HandlingCode.parse(text(b, "handling"));
  }

  private static String text(JsonNode b, String f) {
    return b.hasNonNull(f) ? b.get(f).asText() : null;
  }

  private static <T> T guard(Supplier<T> step) {
    try {
      return step.get();
    } catch (Exchange.NotYours e) {
      throw new ForbiddenResponse(e.getMessage());
    } catch (Exchange.Conflict e) {
      throw new ConflictResponse(e.getMessage());
    }
  }
}
