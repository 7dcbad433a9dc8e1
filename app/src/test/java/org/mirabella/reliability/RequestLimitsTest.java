package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mirabella.access.TestServer;
import org.mirabella.http.Observability;
import org.mirabella.http.ProblemMapper;

/** Overload is refused cleanly (503 / 429 with Retry-After and a Problem), and bodies, pages and idle connections are bounded. */
class RequestLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private static Javalin slowServer(Observability obs, CountDownLatch release) {
    Javalin app = Javalin.create(c -> {
      c.showJavalinBanner = false;
      Observability.configure(c);
    });
    ProblemMapper.install(app);
    obs.install(app);
    app.get("/api/slow", ctx -> {
      release.await(10, TimeUnit.SECONDS);
      ctx.result("done");
    });
    app.post("/api/echo", ctx -> ctx.result(String.valueOf(ctx.body().length())));
    return app.start("127.0.0.1", 0);
  }

  private HttpRequest get(Javalin app, String path, String token) {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b.build();
  }

  private static void awaitInFlight(Observability obs, int max, int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (obs.inFlight(max) < n && System.currentTimeMillis() < deadline) Thread.sleep(10);
    assertThat(obs.inFlight(max)).isEqualTo(n);
  }

  private static void assertProblem(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
  }

  @Test
  void requestsBeyondCapacityWaitInTheQueueThenAreRefusedWith503() throws Exception {
    Observability obs = new Observability(2, 300, 16, 1_000);
    CountDownLatch release = new CountDownLatch(1);
    Javalin app = slowServer(obs, release);
    try {
      var a = http.sendAsync(get(app, "/api/slow", "a"), HttpResponse.BodyHandlers.ofString());
      var b = http.sendAsync(get(app, "/api/slow", "b"), HttpResponse.BodyHandlers.ofString());
      awaitInFlight(obs, 2, 2);
      long t0 = System.nanoTime();
      HttpResponse<String> refused = http.send(get(app, "/api/slow", "c"), HttpResponse.BodyHandlers.ofString());
      assertThat((System.nanoTime() - t0) / 1_000_000).as("waited in the queue first").isGreaterThanOrEqualTo(250);
      assertProblem(refused, 503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("2");

      // A queued request gets the slot a finished one gives back.
      var queued = http.sendAsync(get(app, "/api/slow", "d"), HttpResponse.BodyHandlers.ofString());
      long deadline = System.currentTimeMillis() + 5_000;
      while (obs.queued() < 1 && System.currentTimeMillis() < deadline) Thread.sleep(5);
      assertThat(obs.queued()).isEqualTo(1);
      assertThat(obs.registry().scrape()).contains("mirabella_http_queue 1.0");
      release.countDown();
      assertThat(a.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(b.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      // The queued one waited for a slot for at most 300 ms: it either got one or was refused, never hung.
      assertThat(queued.get(10, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
      assertThat(obs.inFlight(2)).isZero();
      assertThat(obs.registry().counter("mirabella.http.refused").count()).isGreaterThanOrEqualTo(1.0);
    } finally {
      release.countDown();
      app.stop();
    }
  }

  @Test
  void oneCallerBeyondItsShareGets429WhileOthersAreServed() throws Exception {
    Observability obs = new Observability(10, 0, 2, 1_000);
    CountDownLatch release = new CountDownLatch(1);
    Javalin app = slowServer(obs, release);
    try {
      CompletableFuture<?> one = http.sendAsync(get(app, "/api/slow", "greedy"), HttpResponse.BodyHandlers.ofString());
      CompletableFuture<?> two = http.sendAsync(get(app, "/api/slow", "greedy"), HttpResponse.BodyHandlers.ofString());
      awaitInFlight(obs, 10, 2);
      HttpResponse<String> third = http.send(get(app, "/api/slow", "greedy"), HttpResponse.BodyHandlers.ofString());
      assertProblem(third, 429);
      assertThat(third.headers().firstValue("Retry-After")).contains("1");
      var other = http.sendAsync(get(app, "/api/slow", "patient"), HttpResponse.BodyHandlers.ofString());
      awaitInFlight(obs, 10, 3);
      release.countDown();
      assertThat(other.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      one.get(10, TimeUnit.SECONDS);
      two.get(10, TimeUnit.SECONDS);
      assertThat(http.send(get(app, "/api/slow", "greedy"), HttpResponse.BodyHandlers.ofString()).statusCode())
          .as("the share is given back").isEqualTo(200);
      assertThat(obs.inFlight(10)).isZero();
      assertThat(obs.registry().counter("mirabella.http.refused.caller").count()).isEqualTo(1.0);
    } finally {
      release.countDown();
      app.stop();
    }
  }

  @Test
  void anOversizedBodyIs413AndAStalledConnectionIsClosed() throws Exception {
    System.setProperty("mirabella.http.maxBodyBytes", "4096");
    System.setProperty("mirabella.http.idleMillis", "500");
    CountDownLatch release = new CountDownLatch(1);
    Javalin app;
    try {
      app = slowServer(new Observability(4, 0), release);
    } finally {
      System.clearProperty("mirabella.http.maxBodyBytes");
      System.clearProperty("mirabella.http.idleMillis");
    }
    try {
      URI echo = URI.create("http://127.0.0.1:" + app.port() + "/api/echo");
      var small = http.send(HttpRequest.newBuilder(echo).POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(small.body()).isEqualTo("100");
      var big = http.send(HttpRequest.newBuilder(echo).POST(HttpRequest.BodyPublishers.ofString("x".repeat(10_000))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertProblem(big, 413);

      // A client that sends half a request and stalls is cut off after the idle timeout, not held for ever.
      try (Socket s = new Socket("127.0.0.1", app.port())) {
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write("POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long t0 = System.nanoTime();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
          // drain whatever error answer comes until the server closes
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("closed after the 500 ms idle timeout").isLessThan(8_000);
      }
    } finally {
      release.countDown();
      app.stop();
    }
  }

  @Test
  void pagesAreBoundedOnEveryListingRoute() throws Exception {
    try (TestServer s = TestServer.start()) {
      String it = s.token("it.analyst");
      HttpResponse<String> search = s.get(it, "/api/search?q=a&limit=100000", "X-Justification", "case work");
      assertProblem(search, 400);
      assertThat(search.body()).contains("limit");
      HttpResponse<String> entities = s.get(it, "/api/entities?limit=100000", "X-Justification", "case work");
      assertProblem(entities, 400);
      assertThat(entities.body()).contains("limit");
      assertThat(s.get(it, "/api/search?q=a&offset=-1", "X-Justification", "case work").statusCode()).isEqualTo(400);
      assertThat(s.get(it, "/api/search?q=a&limit=200", "X-Justification", "case work").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void pathsWithEmptyOrDotSegmentsAreRefusedAsProblemsNeverA500() throws Exception {
    try (TestServer s = TestServer.start()) {
      String it = s.token("it.analyst");
      // found by ApiFuzzTest: Jetty's alias check threw inside the static-file lookup
      for (String path : List.of("/api/reports//csv/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/..%2F..%2Fetc%2Fpasswd", "/js/..%2F..%2Fopenapi.yaml",
          "/api/entities/%2E%2E", "/api//health")) {
        HttpResponse<String> r = s.get(it, path);
        // Jetty refuses some ambiguous paths itself (400), the filter the rest (404): a Problem either way
        assertThat(r.statusCode()).as(path + " → " + r.body()).isIn(400, 404);
        assertProblem(r, r.statusCode());
        assertThat(r.body()).as(path).doesNotContain("root:");
      }
      assertThat(s.get(it, "/api/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void oddPathsAreRecognisedRawAndDecoded() {
    assertThat(Observability.oddPath("/api/a//b")).isTrue();
    assertThat(Observability.oddPath("/api/a/..%2Fb")).isTrue();
    assertThat(Observability.oddPath("/api/%2e%2e/x")).isTrue();
    assertThat(Observability.oddPath("/api/a/%ZZ")).isTrue();
    assertThat(Observability.oddPath("/api/entities/it-sco-0001")).isFalse();
    assertThat(Observability.oddPath("/api/search")).isFalse();
    assertThat(Observability.oddPath("/")).isFalse();
    assertThat(Observability.oddPath("/api/entities/a.b..c")).isFalse();
  }
}
