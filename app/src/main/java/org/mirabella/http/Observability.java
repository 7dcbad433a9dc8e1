package org.mirabella.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics, request logs and overload protection for the API. Every request is timed by method,
 * route template and status (never by concrete path or parameters, which could carry personal
 * data), and logged the same way. At most {@code maxInFlight} API requests are served at once; the
 * rest wait in a fair queue, and one that cannot get a slot within {@code queueMillis} is refused
 * with 503. One caller (a bearer token) may have at most {@code maxPerCaller}
 * requests in flight; beyond that it gets 429, so one runaway client cannot take every slot. Both
 * refusals carry Retry-After and a Problem body.
 */
public final class Observability {
  private static final Logger LOG = LoggerFactory.getLogger(Observability.class);
  private static final String START = "mirabella.start";
  private static final String PERMIT = "mirabella.permit";
  private static final String CALLER = "mirabella.caller";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Semaphore slots;
  private final long queueMillis;
  private final int maxPerCaller;
  private final int maxInFlight;
  private final long slowMillis;
  private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  public Observability(int maxInFlight, long queueMillis) {
    this(maxInFlight, queueMillis, maxInFlight, 1_000);
  }

  public Observability(int maxInFlight, long queueMillis, int maxPerCaller, long slowMillis) {
    if (maxInFlight < 1 || maxPerCaller < 1 || queueMillis < 0) {
      throw new IllegalArgumentException("maxInFlight and maxPerCaller must be positive, queueMillis not negative");
    }
    this.slots = new Semaphore(maxInFlight, true);
    this.queueMillis = queueMillis;
    this.maxPerCaller = maxPerCaller;
    this.maxInFlight = maxInFlight;
    this.slowMillis = slowMillis;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Gauge.builder("mirabella.http.queue", slots, Semaphore::getQueueLength)
        .description("API requests waiting for a slot").register(registry);
    Gauge.builder("mirabella.http.inflight", inFlight, AtomicInteger::get)
        .description("API requests being served").register(registry);
  }

  /**
   * Defaults from system properties: {@code mirabella.http.maxInFlight} (64),
   * {@code mirabella.http.queueMillis} (2000), {@code mirabella.http.maxPerCaller} (16),
   * {@code mirabella.http.slowMillis} (1000; slower requests are logged at info).
   */
  public static Observability fromSystemProperties() {
    return new Observability(Integer.getInteger("mirabella.http.maxInFlight", 64), Long.getLong("mirabella.http.queueMillis", 2_000),
        Integer.getInteger("mirabella.http.maxPerCaller", 16), Long.getLong("mirabella.http.slowMillis", 1_000));
  }

  /**
   * Transport limits, set before the server is created: request bodies ({@code mirabella.http.maxBodyBytes},
   * 64 MB: imports upload files) and the idle timeout of a connection that stops sending or reading
   * ({@code mirabella.http.idleMillis}, 30 s), so slow or stalled clients cannot hold threads.
   */
  public static void configure(JavalinConfig config) {
    config.http.maxRequestSize = Long.getLong("mirabella.http.maxBodyBytes", 64L * 1024 * 1024);
    long idle = Long.getLong("mirabella.http.idleMillis", 30_000);
    config.jetty.modifyHttpConfiguration(h -> h.setIdleTimeout(idle));
    config.jetty.modifyServer(s -> {
      for (var c : s.getConnectors()) if (c instanceof org.eclipse.jetty.server.AbstractConnector a) a.setIdleTimeout(idle);
      s.setErrorHandler(new org.mirabella.reliability.ProblemErrorHandler());
    });
    config.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new org.mirabella.reliability.ProblemErrorHandler()));
    // A path with an empty or dot segment (raw or percent-encoded: /a//b, /a/..%2Fb) names nothing
    // Mirabella serves: refused as a 404 Problem by a servlet filter, ahead of Javalin, because
    // Jetty's alias check threw inside Javalin's static-file lookup (a 500 without a body, found by
    // ApiFuzzTest) before any Javalin handler could run.
    config.jetty.modifyServletContextHandler(h -> h.addFilter(new org.eclipse.jetty.servlet.FilterHolder(
        (jakarta.servlet.Filter) (req, res, chain) -> {
          if (req instanceof jakarta.servlet.http.HttpServletRequest r && oddPath(r.getRequestURI())) {
            var w = (jakarta.servlet.http.HttpServletResponse) res;
            w.setStatus(404);
            w.setContentType("application/problem+json");
            w.getOutputStream().write(ODD_PATH_BODY);
            return;
          }
          chain.doFilter(req, res);
        }), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
  }

  private static final byte[] ODD_PATH_BODY;

  static {
    try {
      ODD_PATH_BODY = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(
          Problem.of(404, "Not found", "No such path: it has an empty or a dot segment.", Map.of()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void install(Javalin app) {
    app.before(ctx -> {
      // Only the API is timed and bounded. Static files (the web UI, WebJars) are cheap, and Javalin
      // serves them without running after-handlers, so a slot taken for one was never given back:
      // after 64 asset requests every request was refused with 503.
      if (!ctx.path().startsWith("/api/")) return;
      ctx.attribute(START, System.nanoTime());
      String caller = maxPerCaller < maxInFlight ? caller(ctx) : null;
      if (caller != null) { // (a share as large as the whole capacity bounds nothing)
        AtomicInteger mine = perCaller.computeIfAbsent(caller, k -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerCaller) {
          mine.decrementAndGet();
          refuse(ctx, "mirabella.http.refused.caller", "1");
          throw new TooManyRequests();
        }
        ctx.attribute(CALLER, caller);
      }
      if (!slots.tryAcquire(queueMillis, TimeUnit.MILLISECONDS)) {
        release(ctx);
        refuse(ctx, "mirabella.http.refused", "2");
        throw new Overloaded();
      }
      inFlight.incrementAndGet();
      ctx.attribute(PERMIT, Boolean.TRUE);
    });
    app.after(Observability.this::finish);
    app.exception(Overloaded.class, (e, ctx) -> {
      ProblemMapper.send(ctx, Problem.of(503, "Service unavailable", "The server is at capacity; retry in a few seconds.", Map.of()));
    });
    // Hostile input: a body that is not the JSON a route reads is the caller's error (400 naming where
    // parsing stopped), not the server's. Found by ApiFuzzTest: a truncated body was a 500. Failing to
    // write JSON (a generation or definition error) stays a 500.
    app.exception(com.fasterxml.jackson.core.JsonProcessingException.class, (e, ctx) -> {
      if (e instanceof com.fasterxml.jackson.core.JsonGenerationException
          || e instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException) {
        LOG.atError().addKeyValue("event", "http.error").addKeyValue("route", ctx.endpointHandlerPath())
            .addKeyValue("exception", e.getClass().getName()).log("writing JSON failed");
        ProblemMapper.send(ctx, Problem.of(500, "Internal error", "The server could not answer; the error is logged.", null));
        return;
      }
      var at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String why = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
      ProblemMapper.send(ctx, Problem.of(400, "Malformed JSON body", "The request body is not valid JSON for this route" + where + ".",
          Map.of("body", why.length() > 200 ? why.substring(0, 200) + "…" : why)));
    });
    // A value the store cannot hold (SQLState class 22: too long, out of range, malformed) is the
    // caller's error. Found by ApiFuzzTest: a 519-character case reference was a 500, and the log
    // line quoted the value. Database errors are logged by route and SQLState only, never by message,
    // which can quote personal data.
    app.exception(org.jdbi.v3.core.statement.UnableToExecuteStatementException.class, (e, ctx) -> {
      String state = null;
      for (Throwable t = e; t != null && state == null; t = t.getCause()) {
        if (t instanceof java.sql.SQLException q) state = q.getSQLState();
      }
      if (state != null && state.startsWith("22")) {
        ProblemMapper.send(ctx, Problem.of(400, "Invalid value",
            "A value is too long or not of the kind the store holds (SQLState " + state + ").", Map.of("body", "a value is too long or malformed")));
        return;
      }
      LOG.atError().addKeyValue("event", "http.error").addKeyValue("route", ctx.endpointHandlerPath())
          .addKeyValue("sqlState", state).log("database error");
      ProblemMapper.send(ctx, Problem.of(500, "Internal error", "The server could not answer; the error is logged.", null));
    });
    app.exception(TooManyRequests.class, (e, ctx) -> {
      ProblemMapper.send(ctx, Problem.of(429, "Too many requests",
          "This caller already has " + maxPerCaller + " requests in progress; retry when one has finished.", Map.of()));
    });
  }

  /** Counts a refusal ({@code mirabella.http.refused}: at capacity; {@code ….caller}: one caller's share used up). */
  private void refuse(Context ctx, String counter, String retryAfter) {
    registry.counter(counter).increment();
    ctx.header("Retry-After", retryAfter);
  }

  private void release(Context ctx) {
    String caller = ctx.attribute(CALLER);
    if (caller == null) return;
    ctx.attribute(CALLER, null);
    AtomicInteger n = perCaller.get(caller);
    if (n != null && n.decrementAndGet() <= 0) perCaller.remove(caller, n);
  }

  private void finish(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(PERMIT))) {
      ctx.attribute(PERMIT, Boolean.FALSE);
      inFlight.decrementAndGet();
      slots.release();
    }
    release(ctx);
    Long start = ctx.attribute(START);
    if (start == null) return;
    ctx.attribute(START, null);
    String route = ctx.endpointHandlerPath();
    String uri = route == null || route.isEmpty() ? "unmatched" : route;
    long nanos = System.nanoTime() - start;
    int status = ctx.statusCode();
    Timer.builder("http.server.requests")
        .tag("method", ctx.method().name())
        .tag("uri", uri)
        .tag("status", String.valueOf(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    long ms = nanos / 1_000_000;
    var event = status >= 500 || status == 429 ? LOG.atWarn() : ms >= slowMillis ? LOG.atInfo() : LOG.atDebug();
    event.addKeyValue("event", "http.request").addKeyValue("method", ctx.method().name()).addKeyValue("route", uri)
        .addKeyValue("status", status).addKeyValue("ms", ms).log("request served");
  }

  /** Requests being served now (for the readiness report). */
  public int inFlight(int maxInFlight) {
    return maxInFlight - slots.availablePermits();
  }

  /** Requests waiting for a slot now. */
  public int queued() {
    return slots.getQueueLength();
  }

  /**
   * Who a request is from, for the per-caller bound: a digest of its bearer token. Requests without
   * one (logins, health probes) are bounded by the shared capacity only: many analysts behind one
   * address (a unit's proxy; the load benchmark on loopback) all log in from it, and 185 of 200
   * benchmark logins were refused with 429 when the address was the caller.
   */
  private static String caller(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || auth.isBlank()) return null;
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(auth.getBytes(StandardCharsets.UTF_8));
      return "token:" + HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a request path, raw or percent-decoded, has an empty ({@code //}) or dot ({@code .}, {@code ..}) segment. */
  public static boolean oddPath(String raw) {
    if (raw == null) return false;
    String decoded;
    try {
      decoded = java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return true; // a malformed escape
    }
    for (String p : List.of(raw, decoded.replace('\\', '/'))) {
      if (p.contains("//")) return true;
      for (String seg : p.split("/", -1)) if (seg.equals(".") || seg.equals("..")) return true;
    }
    return false;
  }

  static final class Overloaded extends RuntimeException {
    Overloaded() {
      super("overloaded", null, false, false);
    }
  }

  static final class TooManyRequests extends RuntimeException {
    TooManyRequests() {
      super("too many requests", null, false, false);
    }
  }
}
