package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mirabella.http.ProblemMapper;
import org.slf4j.LoggerFactory;

/**
 * An unexpected exception whose message (and whose cause's message) quotes personal values, thrown
 * by a route whose path holds an entity id: the caller gets a 500 Problem with a reference, and the
 * log line carries that reference, the route template, the exception types and the frames, but not
 * one of the values.
 */
class UnexpectedErrorLogTest {
  private static final String NAME = "Zebulon Quixotefield";
  private static final String PASSPORT = "QZ7719304";
  private static final String ENTITY = "it-ros-99172";

  @Test
  void anUnexpectedErrorIsLoggedByTypeFramesAndReferenceWithoutItsMessages() throws Exception {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(logging);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(logging);
    appender.setEncoder(encoder);
    appender.setOutputStream(captured);
    appender.start();
    Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
    ProblemMapper.install(app);
    app.get("/api/things/{id}", ctx -> {
      IllegalArgumentException cause = new IllegalArgumentException("passport " + PASSPORT + " of " + ctx.pathParam("id"));
      cause.addSuppressed(new IllegalStateException("suppressed while closing: " + NAME));
      throw new IllegalStateException("cannot parse the name '" + NAME + "'", cause);
    });
    app.start("127.0.0.1", 0);
    String reference;
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + app.port() + "/api/things/" + ENTITY)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(500);
      JsonNode problem = new ObjectMapper().readTree(r.body());
      assertThat(problem.get("title").asText()).isEqualTo("Internal error");
      reference = r.headers().firstValue("X-Error-Reference").orElseThrow();
      assertThat(reference).matches("[0-9a-f]{12}");
      assertThat(problem.get("detail").asText()).contains(reference);
      assertThat(r.body()).doesNotContain(NAME).doesNotContain(PASSPORT).doesNotContain(ENTITY);
    } finally {
      app.stop();
      root.detachAppender(appender);
      appender.stop();
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    JsonNode line = null;
    for (String l : log.split("\n")) {
      if (l.contains("unexpected error")) line = new ObjectMapper().readTree(l);
    }
    assertThat(line).as("the error was logged: " + log).isNotNull();
    String logged = line.toString();
    assertThat(logged).doesNotContain("Zebulon").doesNotContain("Quixotefield").doesNotContain(PASSPORT).doesNotContain(ENTITY);
    assertThat(logged).contains("java.lang.IllegalStateException").contains("java.lang.IllegalArgumentException")
        .contains("Caused by").contains("Suppressed").contains("UnexpectedErrorLogTest").contains("/api/things/{id}")
        .contains(reference);
    assertThat(line.path("throwable").isNull() || line.path("throwable").isMissingNode()).as("no throwable with its message").isTrue();
  }
}
