package org.mirabella.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Metrics, readiness and overload protection. Every request is timed by method, route template and
 * status (never by concrete path or parameters, which could carry personal data). At most
 * {@code maxInFlight} requests are served at once; a request that cannot get a slot within
 * {@code queueMillis} is refused with 503 and a Retry-After hint instead of letting the server
 * fall over.
 */
public final class Observability {
  private static final String START = "mirabella.start";
  private static final String PERMIT = "mirabella.permit";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Semaphore slots;
  private final long queueMillis;

  public Observability(int maxInFlight, long queueMillis) {
    this.slots = new Semaphore(maxInFlight, true);
    this.queueMillis = queueMillis;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /** Defaults from system properties {@code mirabella.http.maxInFlight} (64) and {@code mirabella.http.queueMillis} (2000). */
  public static Observability fromSystemProperties() {
    return new Observability(Integer.getInteger("mirabella.http.maxInFlight", 64), Long.getLong("mirabella.http.queueMillis", 2_000));
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  void install(Javalin app) {
    app.before(ctx -> {
      // Only the API is timed and bounded. Static files (the web UI, WebJars) are cheap, and Javalin
      // serves them without running after-handlers, so a slot taken for one was never given back:
      // after 64 asset requests every request was refused with 503.
      if (!ctx.path().startsWith("/api/")) return;
      ctx.attribute(START, System.nanoTime());
      if (!slots.tryAcquire(queueMillis, TimeUnit.MILLISECONDS)) {
        registry.counter("mirabella.http.refused").increment();
        ctx.header("Retry-After", "2");
        throw new Overloaded();
      }
      ctx.attribute(PERMIT, Boolean.TRUE);
    });
    app.after(Observability.this::finish);
    app.exception(Overloaded.class, (e, ctx) -> ProblemMapper.send(ctx,
        Problem.of(503, "Service unavailable", "The server is at capacity; retry in a few seconds.", Map.of())));
  }

  private void finish(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(PERMIT))) {
      ctx.attribute(PERMIT, Boolean.FALSE);
      slots.release();
    }
    Long start = ctx.attribute(START);
    if (start == null) return;
    String route = ctx.endpointHandlerPath();
    Timer.builder("http.server.requests")
        .tag("method", ctx.method().name())
        .tag("uri", route == null || route.isEmpty() ? "unmatched" : route)
        .tag("status", String.valueOf(ctx.statusCode()))
        .register(registry)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  /** Requests being served now (for the readiness report). */
  public int inFlight(int maxInFlight) {
    return maxInFlight - slots.availablePermits();
  }

  static final class Overloaded extends RuntimeException {
    Overloaded() {
      super("overloaded", null, false, false);
    }
  }
}
