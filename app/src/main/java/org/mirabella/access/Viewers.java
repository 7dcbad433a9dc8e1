package org.mirabella.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import org.mirabella.model.InvalidData;
import org.mirabella.model.json.EntityJson;

/**
 * The HTTP side of access: the authenticated {@link Viewer} of a request (set by the
 * authentication before-handler), role checks, justifications and request bodies. Handlers call
 * {@code Viewers.of(ctx)} and pass the viewer to {@link AccessControl}.
 */
public final class Viewers {
  static final String ATTRIBUTE = "mirabella.viewer";
  static final String SESSION = "mirabella.session";
  /** Header carrying the reason for a look-up; also accepted as the {@code justification} query parameter. */
  public static final String JUSTIFICATION_HEADER = "X-Justification";

  private Viewers() {}

  /** The request's viewer; 401 if the request was not authenticated. */
  public static Viewer of(Context ctx) {
    Authenticator.Authenticated a = ctx.attribute(ATTRIBUTE);
    if (a == null) throw new UnauthorizedResponse("Log in first: POST /api/login, then send Authorization: Bearer TOKEN");
    return a.viewer();
  }

  static Authenticator.Authenticated authenticated(Context ctx) {
    of(ctx);
    return ctx.attribute(ATTRIBUTE);
  }

  /** The viewer, if they have one of {@code roles}; 403 otherwise. */
  public static Viewer requireRole(Context ctx, Role... roles) {
    Viewer v = of(ctx);
    for (Role r : roles) if (v.has(r)) return v;
    throw new ForbiddenResponse("This needs the role " + java.util.Arrays.stream(roles).map(Role::code)
        .reduce((a, b) -> a + " or " + b).orElse("?"));
  }

  /** The viewer, if any of their roles reads case data; 403 otherwise. */
  public static Viewer requireReader(Context ctx) {
    Viewer v = of(ctx);
    if (!v.readsCaseData()) throw new ForbiddenResponse("This needs a role that reads case data");
    return v;
  }

  /** The justification given with the request, or null. */
  public static String justification(Context ctx) {
    String j = ctx.header(JUSTIFICATION_HEADER);
    if (j == null || j.isBlank()) j = ctx.queryParam("justification");
    return j == null || j.isBlank() ? null : j.strip();
  }

  /** The justification; 400 naming the header when none was given. */
  public static String requireJustification(Context ctx, String what) {
    String j = justification(ctx);
    if (j == null) {
      throw new InvalidData("Justification required", Map.of("justification",
          what + " needs a reason: send the " + JUSTIFICATION_HEADER + " header or the justification parameter"));
    }
    if (j.length() > 2000) throw new InvalidData("Justification too long", Map.of("justification", "at most 2000 characters"));
    return j;
  }

  /** The JSON body as a tree; 400 when it is not a JSON object. */
  public static JsonNode body(Context ctx) {
    try {
      JsonNode n = EntityJson.mapper().readTree(ctx.body());
      if (n == null || !n.isObject()) throw new InvalidData("Bad request body", Map.of("body", "expected a JSON object"));
      return n;
    } catch (java.io.IOException e) {
      throw new InvalidData("Bad request body", Map.of("body", "not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
    }
  }

  static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A required text field of the body. */
  public static String required(JsonNode body, String field) {
    String v = text(body, field);
    if (v == null || v.isBlank()) throw new InvalidData("Missing field", Map.of(field, "required"));
    return v.strip();
  }
}
