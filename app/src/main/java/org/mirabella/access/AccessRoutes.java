package org.mirabella.access;

import java.util.ArrayList;
import java.util.List;
import org.mirabella.audit.AuditRoutes;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.Exchange;
import org.mirabella.hits.HitRoutes;
import org.mirabella.hits.HitStore;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;
import org.mirabella.http.ServerContext;

/**
 * Access, exchange and audit over HTTP, wired in one place: authentication first (it guards every
 * other route), then entities, audit, hits and reviews.
 */
public final class AccessRoutes implements Routes {
  private final List<Routes> parts = new ArrayList<>();

  public AccessRoutes(ServerContext context) {
    JdbcAuditLog audit = new JdbcAuditLog(context.db());
    Authenticator auth = new Authenticator(new UserStore(context.db()), new TokenService(context.db()), audit);
    OidcVerifier.Config.from(AccessRoutes::setting).ifPresent(c -> auth.withOidc(new OidcVerifier(c)));
    AccessControl access = new AccessControl(context.db(), context.entities());
    parts.add(new AuthRoutes(auth, audit));
    parts.add(new EntityRoutes(access, audit));
    parts.add(new AuditRoutes(audit));
    HitStore hits = new HitStore(context.db(), audit);
    parts.add(new HitRoutes(new Exchange(context.db(), context.entities(), hits, access, audit,
        Exchange.deadlineFrom(AccessRoutes::setting))));
    Reviews reviews = new Reviews(context.db(), context.entities(), audit, ReviewClocks.from(AccessRoutes::setting));
    reviews.onErasure(id -> context.search().delete(List.of(id)));
    parts.add(new ReviewRoutes(reviews));
    parts.add(new VictimExportRoutes(new VictimExportPermits(context.db(), audit)));
    parts.add(new org.mirabella.search.SearchRoutes(context.db(), context.search(), access, audit));
  }

  /** A setting: the Java system property of that name, else the environment variable. */
  static String setting(String name) {
    String p = System.getProperty(name);
    return p != null ? p : System.getenv(name);
  }

  @Override
  public void register(Api api) {
    parts.forEach(p -> p.register(api));
  }
}
