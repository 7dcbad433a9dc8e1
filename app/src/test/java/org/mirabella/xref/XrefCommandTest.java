package org.mirabella.xref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.cli.Main;
import org.mirabella.hits.ScoredPair;
import org.mirabella.model.InvalidData;
import picocli.CommandLine;

/** xref's Spark side that runs without Spark: the hits file, the child command, the missing jar. */
class XrefCommandTest {
  @Test
  void readsTheHitsFileAndNamesTheBadLine(@TempDir Path dir) throws Exception {
    Path ok = Files.writeString(dir.resolve("hits.jsonl"),
        "{\"left\":\"a-1\",\"right\":\"b-2\",\"score\":0.9912,\"band\":\"HIGH\",\"kinds\":[\"name\",\"phone\"],\"algorithm\":\"mirabella-fs-v1\",\"reasons\":[\"x\"]}\n");
    List<ScoredPair> pairs = XrefCommand.readHits(ok);
    assertThat(pairs).containsExactly(new ScoredPair("a-1", "b-2", 0.9912, ScoredPair.Band.HIGH, java.util.Set.of("name", "phone"), "mirabella-fs-v1"));

    Path bad = Files.writeString(dir.resolve("bad.jsonl"), Files.readString(ok) + "{\"left\":\"a-1\",\"right\":\"b-3\",\"score\":0.7,\"band\":\"SURE\",\"algorithm\":\"v\"}\n");
    assertThatThrownBy(() -> XrefCommand.readHits(bad)).isInstanceOf(InvalidData.class)
        .hasMessageContaining("bad.jsonl line 2").hasMessageContaining("band");
    Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"left\":");
    assertThatThrownBy(() -> XrefCommand.readHits(broken)).isInstanceOf(InvalidData.class).hasMessageContaining("broken.jsonl line 1");
  }

  @Test
  void theChildJvmGetsSparksFlagsTheJarAndSparksLibraries() {
    List<String> cmd = XrefCommand.childCommand(Path.of("/opt/m/spark/target/mirabella-spark.jar"), "jdbc:postgresql://h/m", "local[2]", 4,
        Path.of("out/h.jsonl"));
    assertThat(cmd.get(0)).endsWith("java");
    assertThat(cmd).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED");
    assertThat(cmd).containsSubsequence("-cp", "/opt/m/spark/target/mirabella-spark.jar:/opt/m/spark/target/spark-lib/*",
        "org.mirabella.spark.SparkMain", "xref", "--db", "jdbc:postgresql://h/m", "--master", "local[2]", "--partitions", "4", "--out", "out/h.jsonl");
  }

  @Test
  void withoutTheSparkJarItSaysHowToBuildItAndTheSparkSubmitLine(@TempDir Path dir) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("xref", "--engine", "spark", "--spark-jar", dir.resolve("none.jar").toString(), "--data", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("none.jar is missing", "./mvnw -q -pl spark -am package -DskipTests",
        "spark-submit --class org.mirabella.spark.SparkMain --master spark://HOST:7077");
  }

  @Test
  void anUnknownEngineIsABadOption(@TempDir Path dir) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("xref", "--engine", "hadoop", "--data", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--engine must be in-process or spark");
  }
}
