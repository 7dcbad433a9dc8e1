package org.mirabella.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.TestServer;
import org.mirabella.ingest.RowMapper;
import org.mirabella.model.json.EntityJson;

/**
 * The index commits lazily (SearchIndex): what an import added must still be searchable the moment
 * POST /api/imports answers, without waiting for the next commit.
 */
class SearchAfterImportTest {
  private static TestServer t;

  @BeforeAll
  static void start() {
    t = TestServer.start();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void anImportedEntityIsSearchableWhenTheImportAnswers() throws Exception {
    String id = RowMapper.entityId("IT", "IT-NRT-1", "person", List.of("1"));
    assertThat(ids(search("q=" + TestServer.q("Niccolò Rossi")))).doesNotContain(id);

    var r = importCsv("IT-NRT-1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    // No sleep, no retry: the very next request must find it (well inside the commit interval).
    assertThat(ids(search("q=" + TestServer.q("Niccolò Rossi")))).contains(id);
    assertThat(ids(search("q=" + TestServer.q("Amira Ben Salah")))).contains(RowMapper.entityId("IT", "IT-NRT-1", "person", List.of("2")));
  }

  private static JsonNode search(String query) throws Exception {
    var r = t.getAs("it.analyst", "/api/search?" + query, "X-Justification", "Case IT-NRT-1: check the upload");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return EntityJson.mapper().readTree(r.body());
  }

  private static List<String> ids(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.get("results").forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  private static HttpResponse<String> importCsv(String caseRef) throws Exception {
    String boundary = "----mirabella" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "case", null, caseRef.getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "acceptRejects", null, "true".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "file", "it-persone.csv", resource("it-persone.csv"));
    part(body, boundary, "mapping", "it-persone.yaml", resource("it-persone.yaml"));
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(t.uri("/api/imports"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", "Bearer " + t.token("it.analyst"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, byte[] value) throws Exception {
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.write(value);
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = SearchAfterImportTest.class.getClassLoader().getResourceAsStream("ingest/" + name)) {
      return in.readAllBytes();
    }
  }
}
