package org.mirabella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mirabella bench import} at a small scale: the synthetic CSV, a generated case folder, with and without a store. */
class BenchImportCommandTest {
  @TempDir Path dir;

  @Test
  void theSyntheticCsvLandsInAFreshEmbeddedStore() {
    MainTest.Run r = MainTest.run("bench", "import", "--rows", "300", "--dir", dir.resolve("b").toString(), "--every", "0");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    // one row per payment, two payments per person: 300 payments and 150 persons
    assertThat(r.out()).contains("bench-300.csv", "300 rows (0 rejected) -> 450 entities", "; H2", "statements per CPU-second",
        "store folder after close");
  }

  @Test
  void aGeneratedCaseFolderIsMappedAloneOrImportedFileByFileWithTheSameRows() {
    Path folder = dir.resolve("case");
    MainTest.Run gen = MainTest.run("generate", "--seed", "3", "--scale", "200", "--out", folder.toString());
    assertThat(gen.code()).as(gen.out() + gen.err()).isZero();

    MainTest.Run mapped = MainTest.run("bench", "import", "--files", folder.toString(), "--no-store", "--every", "0");
    assertThat(mapped.code()).as(mapped.out() + mapped.err()).isZero();
    assertThat(mapped.out()).contains("bench import --no-store: " + folder, "(nothing written)", "statements per CPU-second");
    long[] m = counts(mapped.out(), "statements mapped");

    MainTest.Run stored = MainTest.run("bench", "import", "--files", folder.toString(), "--dir", dir.resolve("s").toString(), "--every", "0");
    assertThat(stored.code()).as(stored.out() + stored.err()).isZero();
    long[] s = counts(stored.out(), "statements in");
    // the same files, rows and rejects; the store keeps each distinct statement once
    assertThat(s[0]).isEqualTo(m[0]).isGreaterThan(1_000);
    assertThat(s[1]).isEqualTo(m[1]);
    assertThat(s[2]).isPositive().isLessThanOrEqualTo(m[2]);
  }

  @Test
  void filesAndCsvTogetherAreRefused() {
    MainTest.Run r = MainTest.run("bench", "import", "--files", dir.toString(), "--csv", dir.resolve("x.csv").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("--files and --csv: give one of them");
  }

  /** Rows read, rows rejected and statements of a summary line ending in {@code what}. */
  private static long[] counts(String text, String what) {
    Matcher m = Pattern.compile("(\\d+) rows \\((\\d+) rejected\\) -> \\d+ entities, (\\d+) " + Pattern.quote(what)).matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
  }
}
