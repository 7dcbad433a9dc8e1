package org.mirabella.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.model.InvalidData;
import org.mirabella.model.NotPermitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every error once, into the one {@link Problem} shape. Only 5xx are logged: types and frames, never messages. */
public final class ProblemMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private ProblemMapper() {}

  public static void install(Javalin app) {
    app.exception(InvalidData.class, (e, ctx) -> send(ctx, Problem.of(400, e.title(), e.getMessage(), e.errors())));
    app.exception(NotPermitted.class, (e, ctx) -> send(ctx, Problem.of(403, e.title(), e.getMessage(), e.errors())));
    app.exception(NotFound.class, (e, ctx) -> send(ctx, Problem.of(404, "Not found", e.getMessage(), null)));
    app.exception(ValidationException.class, (e, ctx) -> {
      Map<String, String> errors = new LinkedHashMap<>();
      e.getErrors().forEach((field, list) -> errors.put(field, list.isEmpty() ? "invalid" : list.get(0).getMessage()));
      send(ctx, Problem.of(400, "Invalid request", "Some parameters are invalid", errors));
    });
    app.exception(HttpResponseException.class, (e, ctx) -> {
      String detail = e.getMessage();
      // Javalin's 405 names the methods the path takes (availableMethods): tell the caller.
      String allowed = e.getDetails().get("availableMethods");
      if (allowed != null) {
        String methods = allowed.replaceAll("[\\[\\]]", ""); // "[GET, POST]" as Javalin gives it
        detail = ctx.method() + " " + ctx.path() + " is not taken here; use " + methods;
        ctx.header("Allow", methods);
      }
      send(ctx, Problem.of(e.getStatus(), reason(e.getStatus()), detail, null));
    });
    app.exception(Exception.class, (e, ctx) -> {
      // An unexpected exception's message can quote a value (a SQL error, a parser's complaint about
      // a name), and the path can hold an entity id: the log carries the route template, the
      // exception types and the stack frames only, under a reference the caller gets to quote.
      String reference = reference();
      LOG.atError().addKeyValue("event", "http.error").addKeyValue("method", ctx.method().name())
          .addKeyValue("route", ctx.endpointHandlerPath()).addKeyValue("exception", e.getClass().getName())
          .addKeyValue("reference", reference).addKeyValue("stack", redactedStack(e)).log("unexpected error");
      ctx.header("X-Error-Reference", reference);
      send(ctx, Problem.of(500, "Internal error", "The server could not answer; the error is logged under reference " + reference + ".",
          null));
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        send(ctx, Problem.of(404, "Not found", "No such resource: " + ctx.path(), null));
      }
    });
    app.error(405, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) send(ctx, Problem.of(405, "Method not allowed", ctx.method() + " " + ctx.path(), null));
    });
  }

  /** A random reference for one logged error (12 hex digits: enough to find it, nothing to learn from it). */
  static String reference() {
    return java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
        .putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong()).array(), 2, 8);
  }

  /**
   * The stack trace of {@code e} and its causes and suppressed exceptions with every message left
   * out: exception class names and frames only. (Logback's throwable converters always print the
   * message, hence by hand.)
   */
  static String redactedStack(Throwable e) {
    StringBuilder out = new StringBuilder();
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    appendRedacted(out, e, "", seen);
    return out.toString();
  }

  private static void appendRedacted(StringBuilder out, Throwable t, String prefix, java.util.Set<Throwable> seen) {
    if (t == null || !seen.add(t)) return;
    out.append(prefix).append(t.getClass().getName()).append(" (message withheld)\n");
    StackTraceElement[] frames = t.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, 40); i++) out.append("\tat ").append(frames[i]).append('\n');
    if (frames.length > 40) out.append("\t... ").append(frames.length - 40).append(" more\n");
    for (Throwable s : t.getSuppressed()) appendRedacted(out, s, "Suppressed: ", seen);
    appendRedacted(out, t.getCause(), "Caused by: ", seen);
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
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Request too large";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      default -> "Error";
    };
  }
}
