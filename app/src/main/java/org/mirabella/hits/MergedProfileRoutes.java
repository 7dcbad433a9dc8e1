package org.mirabella.hits;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.mirabella.access.AccessControl;
import org.mirabella.access.EntityViews;
import org.mirabella.access.Viewer;
import org.mirabella.access.Viewers;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.http.Api;
import org.mirabella.http.NotFound;
import org.mirabella.http.Routes;
import org.mirabella.http.ServerContext;
import org.mirabella.model.Entity;
import org.mirabella.model.json.EntityJson;

/**
 * {@code GET /api/entities/{id}/merged}: the record and, beside it, the other agencies' records of
 * the same person by confirmed hits, each with only the statements the caller may see
 * ({@link MergedProfile}). Like the entity route: 404 when the record is not visible, a person
 * needs a justification, and every record shown is audited for its owner's DPO.
 */
public final class MergedProfileRoutes implements Routes {
  private final MergedProfile profiles;
  private final JdbcAuditLog audit;

  public MergedProfileRoutes(ServerContext context) {
    this.profiles = new MergedProfile(context.db(), new AccessControl(context.db(), context.entities()));
    this.audit = new JdbcAuditLog(context.db());
  }

  @Override
  public void register(Api api) {
    api.get("/api/entities/{id}/merged", this::merged);
  }

  private void merged(Context ctx) {
    Viewer v = Viewers.of(ctx);
    String id = ctx.pathParam("id");
    MergedProfile.View view = profiles.of(v, id).orElseThrow(() -> new NotFound("no entity " + (id.length() > 200 ? id.substring(0, 200) : id)));
    Entity e = view.entity();
    String justification = e.schema().isA("Person") ? Viewers.requireJustification(ctx, "Looking up a person") : Viewers.justification(ctx);
    audit.record(new AuditEvent(v.user(), v.agency(), "entity.read.merged", e.id(), e.agency(), justification,
        e.statements().size() + " statements; " + view.alsoHeldBy().size() + " records of the same person by confirmed hits"));
    for (MergedProfile.Held held : view.alsoHeldBy()) {
      audit.record(new AuditEvent(v.user(), v.agency(), "entity.read", held.visible().id(), held.visible().agency(), justification,
          held.visible().statements().size() + " statements shown beside " + e.id() + " (confirmed hit)"));
    }
    ObjectNode out = EntityJson.mapper().createObjectNode();
    out.set("entity", EntityViews.json(e));
    ArrayNode also = out.putArray("alsoHeldBy");
    for (MergedProfile.Held held : view.alsoHeldBy()) {
      ObjectNode o = also.addObject();
      o.put("agency", held.visible().agency());
      o.put("hit", held.hitRef());
      o.set("entity", EntityViews.json(held.visible()));
    }
    ctx.json(out);
  }
}
