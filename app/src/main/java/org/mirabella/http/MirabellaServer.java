package org.mirabella.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.mirabella.web.WebUi;

/**
 * The HTTP server: the REST API under {@code /api} (described by {@code /api/openapi.json}) and the
 * web UI, on one port bound to 127.0.0.1 unless told otherwise. A feature adds its routes by adding
 * its {@link Routes} to {@link #routes}.
 */
public final class MirabellaServer implements AutoCloseable {
  private final Javalin app;
  private final Api api;
  private final Observability observability = Observability.fromSystemProperties();
  private final ServerContext context;
  /** Indexes imports that other processes make into the same store (the command line on PostgreSQL). */
  private final org.mirabella.ingest.ImportFollower follower;
  /** How often the server looks for such imports (-Dmirabella.index.followSeconds). */
  static final long FOLLOW_SECONDS = 10;

  public MirabellaServer(ServerContext context) {
    this.context = context;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      // A known path with a method it does not take is a 405 naming the methods it does, not a 404.
      config.http.prefer405over404 = true;
      // Dates and times as ISO strings (2026-01-31, 2026-01-31T12:00:00Z), as the OpenAPI document gives them, never arrays.
      config.jsonMapper(new JavalinJackson().updateMapper(m -> m.findAndRegisterModules()
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)));
      Observability.configure(config);
      WebUi.configure(config);
    });
    ProblemMapper.install(app);
    observability.install(app);
    this.api = new Api(app);
    this.follower = new org.mirabella.ingest.ImportFollower(context.db(), context.entities(), context.search());
    for (Routes r : routes(context, follower)) r.register(api);
    new org.mirabella.reliability.StoreMetrics(context.db(), java.time.Duration.ofSeconds(5)).bindTo(observability.registry());
    api.get("/api/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(observability.registry().scrape()));
  }

  static List<Routes> routes(ServerContext context, org.mirabella.ingest.ImportFollower follower) {
    return List.of(new SystemRoutes(context), new org.mirabella.access.AccessRoutes(context),
        new org.mirabella.ingest.ImportRoutes(context, follower),
        new org.mirabella.actions.JointActionRoutes(context),
        new org.mirabella.network.NetworkRoutes(context),
        new org.mirabella.routes.MapRoutes(context),
        new org.mirabella.hits.MergedProfileRoutes(context));
  }

  public Observability observability() {
    return observability;
  }

  public MirabellaServer start(String host, int port) {
    // Matching an upload's records must leave a core to the analysts' requests (MatchPool).
    org.mirabella.xref.MatchPool.reserveOneCoreForRequests();
    // A larger store's pages must stay in memory while analysts read it (PageCache).
    org.mirabella.reliability.PageCache.sizeForServer(context.db());
    app.start(host, port);
    follower.start(java.time.Duration.ofSeconds(Long.getLong("mirabella.index.followSeconds", FOLLOW_SECONDS)));
    return this;
  }

  public int port() {
    return app.port();
  }

  public Api api() {
    return api;
  }

  @Override
  public void close() {
    follower.close();
    app.stop();
  }
}
