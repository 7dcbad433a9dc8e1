package org.mirabella.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Registers API routes on Javalin and remembers them, so a test can prove that the served OpenAPI
 * document describes every route there is.
 */
public final class Api {
  /** One registered route. */
  public record Route(HandlerType method, String path) {}

  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  public Api(Javalin app) {
    this.app = app;
  }

  public Api get(String path, Handler h) {
    return add(HandlerType.GET, path, h);
  }

  public Api post(String path, Handler h) {
    return add(HandlerType.POST, path, h);
  }

  public Api put(String path, Handler h) {
    return add(HandlerType.PUT, path, h);
  }

  public Api delete(String path, Handler h) {
    return add(HandlerType.DELETE, path, h);
  }

  /**
   * A handler that runs before every matched route under {@code path} (authentication); it is not a
   * route itself, so it needs no OpenAPI entry.
   */
  public Api beforeMatched(String path, Handler h) {
    app.beforeMatched(path, h);
    return this;
  }

  private Api add(HandlerType method, String path, Handler h) {
    app.addHttpHandler(method, path, h);
    routes.add(new Route(method, path));
    return this;
  }

  public List<Route> routes() {
    return Collections.unmodifiableList(routes);
  }
}
