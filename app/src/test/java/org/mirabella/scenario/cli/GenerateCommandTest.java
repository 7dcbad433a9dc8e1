package org.mirabella.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.cli.Main;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path tmp;

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void generatesTheDemoWithXlsxThatIsByteIdenticalAndReadable() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "generate", "--seed", "5", "--scale", "demo", "--out", tmp.resolve("a").toString())).isZero();
    assertThat(out.toString()).contains("Generated 1,000 persons in 5 networks").contains("agency rows/s").contains("peak heap");
    assertThat(run(new StringWriter(), err, "generate", "--seed", "5", "--scale", "demo", "--out", tmp.resolve("b").toString())).isZero();
    Path xlsx = Path.of("agencies/JP/jp-npa-persons.xlsx");
    assertThat(Files.readAllBytes(tmp.resolve("a").resolve(xlsx))).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(xlsx)));
    List<String> manifest = Files.readAllLines(tmp.resolve("a/manifest.csv"));
    long rows = manifest.stream().filter(l -> l.startsWith(xlsx.toString().replace('\\', '/')))
        .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(tmp.resolve("a").resolve(xlsx)))) {
      Sheet sheet = wb.getSheet("被疑者等一覧");
      assertThat(sheet).isNotNull();
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("整理番号");
      assertThat((long) sheet.getLastRowNum()).isEqualTo(rows).isPositive();
    }
  }

  @Test
  void refusesABadScaleAndAFolderThatHoldsACaseFileWithExitCode2() {
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "generate", "--scale", "lots", "--out", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("scale: 'lots' is not a number of persons");
    assertThat(run(new StringWriter(), new StringWriter(), "generate", "--scale", "50", "--out", tmp.toString())).isZero();
    StringWriter err2 = new StringWriter();
    assertThat(run(new StringWriter(), err2, "generate", "--scale", "50", "--out", tmp.toString())).isEqualTo(2);
    assertThat(err2.toString()).contains("already holds a generated case file");
  }

  @Test
  void refusesAnOutputThatIsAFileWithExitCode2() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "not a folder");
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "generate", "--scale", "50", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("mirabella: --out " + file + " is a file, not a folder" + System.lineSeparator());
  }
}
