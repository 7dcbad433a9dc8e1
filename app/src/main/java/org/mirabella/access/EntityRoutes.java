package org.mirabella.access;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.http.Api;
import org.mirabella.http.NotFound;
import org.mirabella.http.Routes;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;

/**
 * {@code GET /api/entities/{id}} and {@code GET /api/entities?schema=&case=}: through
 * {@link AccessControl} only. Looking up a person needs a justification; every look-up is audited.
 */
public final class EntityRoutes implements Routes {
  private final AccessControl access;
  private final AuditLog audit;

  public EntityRoutes(AccessControl access, AuditLog audit) {
    this.access = access;
    // Reads are audited in group commits: one commit shared by concurrent look-ups (AuditGroupCommit).
    this.audit = org.mirabella.reliability.AuditGroupCommit.over(access.database(), audit);
  }

  @Override
  public void register(Api api) {
    api.get("/api/entities/{id}", this::one);
    api.get("/api/entities", this::list);
  }

  private void one(Context ctx) {
    Viewer v = Viewers.of(ctx);
    String id = ctx.pathParam("id");
    var found = access.find(v, id);
    if (found.isEmpty()) {
      // The owner (if the record exists) is told through its DPO's view of the trail; the caller learns nothing.
      String owner = access.ownerOf(id).orElse(null);
      audit.record(new AuditEvent(v.user(), v.agency(), "entity.read.absent", cut(id), owner, Viewers.justification(ctx), null));
      throw new NotFound("no entity " + cut(id));
    }
    Entity e = found.get();
    String justification = isPerson(e.schema()) ? Viewers.requireJustification(ctx, "Looking up a person")
        : Viewers.justification(ctx);
    audit.record(new AuditEvent(v.user(), v.agency(), "entity.read", e.id(), e.agency(), justification,
        e.statements().size() + " statements shown"));
    ctx.json(EntityViews.json(e));
  }

  private void list(Context ctx) {
    Viewer v = Viewers.of(ctx);
    String schemaName = ctx.queryParam("schema");
    Schema schema = schemaName == null || schemaName.isBlank() ? null : Model.get().require(schemaName.strip());
    String caseRef = ctx.queryParam("case");
    int limit = org.mirabella.http.QueryParams.intParam(ctx, "limit", 50, 1, 500);
    int offset = org.mirabella.http.QueryParams.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    boolean persons = schema == null || isPerson(schema) || Model.get().require("Person").isA(schema.name());
    String justification = persons ? Viewers.requireJustification(ctx, "Listing persons") : Viewers.justification(ctx);
    AccessControl.Page page = access.list(v, schema, caseRef == null || caseRef.isBlank() ? null : caseRef, limit, offset);
    audit.record(new AuditEvent(v.user(), v.agency(), "entity.list",
        cut("schema=" + (schema == null ? "*" : schema.name()) + " case=" + (caseRef == null ? "*" : caseRef)), null,
        justification, page.total() + " found, " + page.results().size() + " shown"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", page.total());
    out.put("limit", limit);
    out.put("offset", offset);
    out.put("results", page.results().stream().map(EntityViews::json).toList());
    ctx.json(out);
  }

  static boolean isPerson(Schema s) {
    return s.isA("Person");
  }


  private static String cut(String s) {
    return s == null || s.length() <= 200 ? s : s.substring(0, 200);
  }
}
