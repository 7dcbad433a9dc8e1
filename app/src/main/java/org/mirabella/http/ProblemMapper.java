package org.mirabella.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.model.InvalidData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every error once, into the one {@link Problem} shape. Only 5xx are logged, with the stack. */
public final class ProblemMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private ProblemMapper() {}

  public static void install(Javalin app) {
    app.exception(InvalidData.class, (e, ctx) -> send(ctx, Problem.of(400, e.title(), e.getMessage(), e.errors())));
    app.exception(NotFound.class, (e, ctx) -> send(ctx, Problem.of(404, "Not found", e.getMessage(), null)));
    app.exception(ValidationException.class, (e, ctx) -> {
      Map<String, String> errors = new LinkedHashMap<>();
      e.getErrors().forEach((field, list) -> errors.put(field, list.isEmpty() ? "invalid" : list.get(0).getMessage()));
      send(ctx, Problem.of(400, "Invalid request", "Some parameters are invalid", errors));
    });
    app.exception(HttpResponseException.class, (e, ctx) ->
        send(ctx, Problem.of(e.getStatus(), reason(e.getStatus()), e.getMessage(), null)));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      send(ctx, Problem.of(500, "Internal error", "The server could not answer; the error is logged.", null));
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        send(ctx, Problem.of(404, "Not found", "No such resource: " + ctx.path(), null));
      }
    });
    app.error(405, ctx -> send(ctx, Problem.of(405, "Method not allowed", ctx.method() + " " + ctx.path(), null)));
  }

  static void send(Context ctx, Problem p) {
    ctx.status(p.status()).result(ctx.jsonMapper().toJsonString(p, Problem.class)).contentType("application/problem+json");
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 413 -> "Request too large";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      default -> "Error";
    };
  }
}
