package org.mirabella.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.cli.Main;
import picocli.CommandLine;

class ScenarioDemoTest {
  private static String demo(Path data) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("demo", "--no-serve", "--scenario", "50", "--data", data.toString());
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void loadsEveryAgencyFileThroughItsMappingAndAddsNothingTheSecondTime(@TempDir Path data) {
    String first = demo(data);
    assertThat(first).containsPattern("Synthetic case file loaded: 48 files, [1-9]\\d* rows read")
        .doesNotContain(" 0 entities and 0 statements added, ");
    String again = demo(data);
    assertThat(again).contains("0 entities and 0 statements added, ");
  }
}
