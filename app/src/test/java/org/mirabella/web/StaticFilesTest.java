package org.mirabella.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web application's files and libraries as the browser gets them, without a browser. */
class StaticFilesTest {
  private static WebTestServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = new WebTestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void modulesAndWebJarsAreServedAsJavaScript() throws Exception {
    for (String path : new String[] {"/js/app.js", "/js/screens/network.js", "/webjars/cytoscape/3.33.1/dist/cytoscape.esm.min.mjs",
        "/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js"}) {
      var r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type").orElse("")).as(path).startsWith("text/javascript");
    }
    assertThat(get("/webjars/leaflet/1.9.4/dist/leaflet.css").statusCode()).isEqualTo(200);
    assertThat(get("/geo/world-110m.geojson").body()).startsWith("{\"type\":\"FeatureCollection\"");
  }

  @Test
  void manyPageLoadsDoNotExhaustTheServersRequestSlots() throws Exception {
    // 64 is the default bound on requests in flight; static files must not use up its slots.
    for (int i = 0; i < 150; i++) assertThat(get(i % 2 == 0 ? "/" : "/css/app.css").statusCode()).isEqualTo(200);
    assertThat(get("/api/health").statusCode()).isEqualTo(200);
    assertThat(get("/js/app.js").statusCode()).isEqualTo(200);
  }
}
