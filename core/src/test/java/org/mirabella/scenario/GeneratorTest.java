package org.mirabella.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
  @TempDir Path tmp;

  static Map<String, String> digests(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Test
  void sameSeedAndScaleGiveByteIdenticalOutput() throws IOException {
    new Generator(7, Scale.parse("demo")).generate(tmp.resolve("a"), ScenarioFiles.factory(), null);
    new Generator(7, Scale.parse("demo")).generate(tmp.resolve("b"), ScenarioFiles.factory(), null);
    new Generator(8, Scale.parse("demo")).generate(tmp.resolve("c"), ScenarioFiles.factory(), null);
    Map<String, String> a = digests(tmp.resolve("a"));
    assertThat(a).containsKey("manifest.csv").containsKey("truth/records.csv").containsKey("agencies/IT/it-sco-persons.csv");
    assertThat(digests(tmp.resolve("b"))).isEqualTo(a);
    Map<String, String> c = digests(tmp.resolve("c"));
    assertThat(c.keySet()).isEqualTo(a.keySet());
    assertThat(c.get("agencies/IT/it-sco-persons.csv")).isNotEqualTo(a.get("agencies/IT/it-sco-persons.csv"));
    assertThat(c.get("truth/persons.csv")).isNotEqualTo(a.get("truth/persons.csv"));
  }

  @Test
  void everyAgencyWritesEachOfItsTablesWithAMapping() {
    Generator.Summary s = new Generator(1, Scale.parse("demo")).generate(tmp, ScenarioFiles.factory(), null);
    assertThat(s.networks()).isEqualTo(5);
    for (AgencyProfile p : AgencyProfile.all()) {
      for (String table : p.tables()) {
        String file = "agencies/" + p.code() + "/" + Tables.fileName(table, p);
        assertThat(s.files()).anySatisfy(e -> assertThat(e.file()).isEqualTo(file));
        assertThat(tmp.resolve(file)).exists();
      }
    }
    List<Map<String, String>> manifest = ScenarioFiles.csv(tmp.resolve("manifest.csv"));
    for (Map<String, String> e : manifest) {
      assertThat(tmp.resolve(e.get("mapping"))).exists();
      assertThat(ScenarioFiles.rows(tmp, e)).as(e.get("file")).hasSize(Integer.parseInt(e.get("rows")));
    }
    assertThat(manifest.stream().mapToLong(e -> Long.parseLong(e.get("rows"))).sum()).isEqualTo(s.agencyRows()).isGreaterThan(1000);
  }
}
