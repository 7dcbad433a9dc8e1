package org.mirabella.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.cli.Main;
import picocli.CommandLine;

/** {@code mirabella bench match} end to end at a small scale: every measure runs and its figures are sane. */
class MatchBenchCommandTest {
  @Test
  void allThreeMeasuresRunAndFindThePersonsTheyShould(@TempDir Path dir) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int code = cl.execute("bench", "match", "--records", "1500", "--new", "60", "--batch", "30", "--queries", "40", "--dir", dir.toString());
    String text = out.toString();
    assertThat(code).as(text).isZero();
    assertThat(text).contains("end to end:", "store (H2): 1,500 entities", "model version 1 saved", "import plus match:", "hit/no-hit: 40 queries");
    assertThat(number(text, "blocking recall ([0-9.]+)")).isGreaterThan(0.95);
    assertThat(number(text, "clusters P=[0-9.]+ R=([0-9.]+)")).isGreaterThan(0.9);
    Matcher found = Pattern.compile("held persons found (\\d+)/(\\d+)").matcher(text);
    assertThat(found.find()).isTrue();
    assertThat(Integer.parseInt(found.group(1))).as(text).isGreaterThan(Integer.parseInt(found.group(2)) / 2);
    assertThat(text).containsPattern("incremental: 60 records in \\d+ imports");
  }

  @Test
  void badNumbersAreUsageErrors() {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("bench", "match", "--records", "1")).isNotZero();
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in " + text).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
