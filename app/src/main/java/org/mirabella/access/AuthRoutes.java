package org.mirabella.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;

/**
 * Authentication over HTTP: the before-handler that authenticates every {@code /api} route but
 * the public ones, and {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/me}.
 */
public final class AuthRoutes implements Routes {
  /** Routes anyone may call: health and readiness (for probes), the API description, and logging in. */
  public static final Set<String> PUBLIC = Set.of("/api/health", "/api/ready", "/api/openapi.json", "/api/login");
  private final Authenticator auth;
  private final AuditLog audit;

  public AuthRoutes(Authenticator auth, AuditLog audit) {
    this.auth = auth;
    this.audit = audit;
  }

  @Override
  public void register(Api api) {
    api.beforeMatched("/api/*", this::authenticate);
    api.post("/api/login", ctx -> {
      JsonNode b = Viewers.body(ctx);
      String user = Viewers.required(b, "user");
      char[] password = Viewers.required(b, "password").toCharArray();
      switch (auth.login(user, password)) {
        case Authenticator.Login.Success s -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("token", s.token().token());
          m.put("expiresAt", s.token().expiresAt().toString());
          m.put("user", s.user().username());
          m.put("agency", s.user().agency());
          m.put("roles", s.user().roles().stream().map(Role::code).toList());
          ctx.json(m);
        }
        case Authenticator.Login.Locked l ->
            throw new HttpResponseException(429, "Too many failed attempts: the account is locked until " + l.until());
        case Authenticator.Login.Refused r -> throw new UnauthorizedResponse("Wrong user name or password");
      }
    });
    api.post("/api/logout", ctx -> {
      Authenticator.Authenticated a = Viewers.authenticated(ctx);
      if (a.sessionId() != null) auth.tokens().revoke(a.sessionId());
      audit.record(AuditEvent.of(a.viewer().user(), a.viewer().agency(), "logout", null));
      ctx.status(204);
    });
    api.get("/api/me", ctx -> {
      Authenticator.Authenticated a = Viewers.authenticated(ctx);
      Viewer v = a.viewer();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("user", v.user());
      m.put("agency", v.agency());
      m.put("tier", v.tier().name());
      m.put("roles", v.roles().stream().sorted().map(Role::code).toList());
      m.put("expiresAt", a.expiresAt().toString());
      ctx.json(m);
    });
  }

  private void authenticate(Context ctx) {
    if (PUBLIC.contains(ctx.path())) return;
    String header = ctx.header("Authorization");
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    var a = auth.authenticate(token);
    if (a.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"mirabella\"");
      throw new UnauthorizedResponse(token == null ? "Log in first: POST /api/login, then send Authorization: Bearer TOKEN"
          : "The token is invalid, expired or revoked: log in again");
    }
    ctx.attribute(Viewers.ATTRIBUTE, a.get());
  }
}
