package org.mirabella.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ObservabilityTest {
  @Test
  void refusesRequestsBeyondCapacityWithRetryAfterAndRecoversAfterwards() throws Exception {
    Observability obs = new Observability(1, 0);
    CountDownLatch release = new CountDownLatch(1);
    Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
    ProblemMapper.install(app);
    obs.install(app);
    app.get("/api/slow", ctx -> {
      release.await(10, TimeUnit.SECONDS);
      ctx.result("done");
    });
    app.start("127.0.0.1", 0);
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI slow = URI.create("http://127.0.0.1:" + app.port() + "/api/slow");
      var first = http.sendAsync(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString());
      long deadline = System.currentTimeMillis() + 5_000;
      while (obs.inFlight(1) < 1 && System.currentTimeMillis() < deadline) Thread.sleep(10);
      assertThat(obs.inFlight(1)).isEqualTo(1);

      var refused = http.send(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("2");
      assertThat(refused.body()).contains("\"status\":503");

      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(obs.inFlight(1)).isZero();
      assertThat(obs.registry().counter("mirabella.http.refused").count()).isEqualTo(1.0);
    } finally {
      app.stop();
    }
  }
}
