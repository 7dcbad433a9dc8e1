package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.model.InvalidData;

class JsonLinesSourceTest {
  @TempDir Path dir;

  @Test
  void readsNestedObjectsByDottedPathAndArraysAsSeveralValues() throws Exception {
    Path p = dir.resolve("a.jsonl");
    Files.writeString(p, "{\"id\": 1, \"persona\": {\"nome\": \"Mario\"}, \"tel\": [\"1\", \"2\"], \"x\": null}\n\n{\"id\": 2}\n",
        StandardCharsets.UTF_8);
    try (var src = new JsonLinesSource(p, "a.jsonl", SourceSpec.defaults(SourceSpec.Format.JSONL), "m.yaml")) {
      Row r = src.next();
      assertThat(r.get("persona.nome")).isEqualTo("Mario");
      assertThat(r.values("tel")).containsExactly("1", "2");
      assertThat(r.get("x")).isNull();
      assertThat(((JsonLinesSource.JsonRow) r).has("x")).isTrue();
      assertThat(r.line()).isEqualTo(1);
      Row r2 = src.next();
      assertThat(r2.line()).isEqualTo(3);
      assertThat(r2.raw()).isEqualTo("{\"id\": 2}");
      assertThat(src.next()).isNull();
    }
  }

  @Test
  void failsOnATruncatedLine() throws Exception {
    Path p = dir.resolve("cut.jsonl");
    Files.writeString(p, "{\"id\": 1}\n{\"id\": 2, \"nome\": \"Ma", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> {
      try (var src = new JsonLinesSource(p, "cut.jsonl", SourceSpec.defaults(SourceSpec.Format.JSONL), "m.yaml")) {
        while (src.next() != null) {
          // read all
        }
      }
    }).isInstanceOf(InvalidData.class).message()
        .startsWith("Malformed file: cut.jsonl line 2: not valid JSON (")
        .endsWith("): the file is truncated or not JSON lines");
    Path arr = dir.resolve("arr.jsonl");
    Files.writeString(arr, "[1, 2]\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new JsonLinesSource(arr, "arr.jsonl", SourceSpec.defaults(SourceSpec.Format.JSONL), "m.yaml").next())
        .hasMessage("Malformed file: arr.jsonl line 1: not a JSON object");
    assertThat(List.of()).isEmpty();
  }
}
