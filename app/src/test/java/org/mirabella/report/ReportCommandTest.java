package org.mirabella.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.actions.JointActionDemo;
import org.mirabella.agency.Agencies;
import org.mirabella.cli.Main;
import org.mirabella.demo.SampleData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine;

/** {@code mirabella report} and {@code mirabella htcds} on an embedded store holding the demo. */
class ReportCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  /** An embedded store in {@code data} with the demo sample, and the joint action days when asked. */
  static Path demoStore(Path data, boolean jointActions) {
    try (Database db = Database.embedded(data)) {
      EntityStore store = new EntityStore(db, Model.get());
      store.ensureAgencies(Agencies.get());
      SampleData.load(store, Model.get());
      if (jointActions) JointActionDemo.load(db, store, Model.get());
    }
    return data;
  }

  @Test
  void writesTheReportForAPeriodAndAnAgency(@TempDir Path tmp) throws Exception {
    Path data = demoStore(tmp.resolve("data"), true);
    Path out = tmp.resolve("out");
    Run r = run("report", "--data", data.toString(), "--period", "2025-Q3", "--out", out.toString(), "--agency", "it");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Report 2025-Q3 for IT");
    assertThat(out.resolve("report.pdf")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("report.html"))).contains("IT — Servizio Centrale Operativo");
    assertThat(out.resolve("csv/joint-actions.csv")).isNotEmptyFile();

    Run bad = run("report", "--data", data.toString(), "--period", "Q3-2025", "--out", out.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).startsWith("mirabella: Bad period: period:").doesNotContain("Exception");

    Path csv = tmp.resolve("referral.csv");
    Run noDpo = run("htcds", "export", "--data", data.toString(), "--agency", "FR", "--dpo", " ", "--approval", "A-1",
        "--purpose", "shelter", "--recipient", "NGO", "--out", csv.toString());
    assertThat(noDpo.code()).isEqualTo(2);
    assertThat(noDpo.err()).contains("dpo");
    Run export = run("htcds", "export", "--data", data.toString(), "--agency", "FR", "--dpo", "dpo.fr", "--approval", "A-1",
        "--purpose", "shelter", "--recipient", "NGO", "--out", csv.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(Files.readString(csv)).startsWith("prs_FirstName,");
    Run imp = run("htcds", "import", csv.toString(), "--data", data.toString(), "--agency", "CA", "--case", "CA-REF-1");
    assertThat(imp.code()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("Imported 1 HTCDS records into CA CA-REF-1");
  }

  @Test
  void aReportOrHtcdsFileThatCannotBeWrittenOrReadIsOneLineExitTwo(@TempDir Path tmp) throws Exception {
    Path data = demoStore(tmp.resolve("data"), false);
    Path file = Files.writeString(tmp.resolve("notes.txt"), "not a folder");
    Run report = run("report", "--data", data.toString(), "--period", "2025-Q3", "--out", file.toString());
    assertThat(report.code()).isEqualTo(2);
    assertThat(report.err()).isEqualTo("mirabella: --out " + file + " is a file, not a folder\n");

    Path nowhere = tmp.resolve("no-such-folder").resolve("referral.csv");
    Run export = run("htcds", "export", "--data", data.toString(), "--agency", "FR", "--dpo", "dpo.fr", "--approval", "A-1",
        "--purpose", "shelter", "--recipient", "NGO", "--out", nowhere.toString());
    assertThat(export.code()).isEqualTo(2);
    assertThat(export.err()).isEqualTo("mirabella: cannot write the HTCDS export " + nowhere + ": no folder " + nowhere.getParent() + "\n");
    assertThat(run("audit", "list", "--data", data.toString()).out()).as("no export recorded that was not written")
        .doesNotContain("htcds.export");

    Path latin = tmp.resolve("referral-latin1.csv");
    Files.write(latin, "prs_FirstName,prs_LastName\nJos\u00e9,M\u00fcller\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Run imp = run("htcds", "import", latin.toString(), "--data", data.toString(), "--agency", "CA", "--case", "CA-REF-1");
    assertThat(imp.code()).isEqualTo(2);
    assertThat(imp.err()).isEqualTo("mirabella: Malformed file: referral-latin1.csv: not valid UTF-8 text (HTCDS CSV files are UTF-8)\n");
  }
}
