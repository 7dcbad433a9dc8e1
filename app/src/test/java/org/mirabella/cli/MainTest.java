package org.mirabella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everySubcommandHasHelp() {
    CommandLine cl = Main.commandLine();
    assertThat(run("--help").code()).isZero();
    for (String name : cl.getSubcommands().keySet()) {
      if (name.equals("help")) continue;
      Run r = run(name, "--help");
      assertThat(r.code()).as(name + " --help").isZero();
      assertThat(r.out()).as(name + " --help").contains("Usage: mirabella " + name);
    }
  }

  @Test
  void everyOptionOfEveryCommandIsDescribedInItsHelp() {
    List<String> undescribed = new ArrayList<>();
    List<CommandLine> todo = new ArrayList<>(List.of(Main.commandLine()));
    while (!todo.isEmpty()) {
      CommandLine c = todo.remove(0);
      todo.addAll(c.getSubcommands().values());
      for (var o : c.getCommandSpec().options()) {
        if (String.join("", o.description()).isBlank()) undescribed.add(c.getCommandSpec().qualifiedName() + " " + o.longestName());
      }
    }
    assertThat(undescribed).isEmpty();
  }

  @Test
  void badUsageExitsTwoWithOneLine() {
    Run r = run("schema", "--no-such-flag");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--no-such-flag'");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void badInputNamesWhatWasWrong() {
    Run r = run("schema", "Persn");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mirabella: Unknown schema: schema: no schema named 'Persn'");
  }

  @Test
  void demoLoadsTheSampleIdempotentlyAndEntityShowsIt(@TempDir Path data) {
    Run first = run("demo", "--no-serve", "--no-scenario", "--data", data.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("8 entities and 32 statements added");
    Run second = run("demo", "--no-serve", "--no-scenario", "--data", data.toString());
    assertThat(second.out()).contains("0 entities and 0 statements added (32 already there)");

    Run show = run("entity", "ly-aiia-0042", "--data", data.toString());
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains("\"schema\" : \"Person\"", "+218912345678", "\"handling\" : \"H2\"", "\"original\" : \"091-2345678\"");

    Run missing = run("entity", "nobody", "--data", data.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no entity 'nobody'");
  }

  @Test
  void backupAndRestoreThroughTheCommandLine(@TempDir Path dir) {
    Path data = dir.resolve("data");
    assertThat(run("demo", "--no-serve", "--no-scenario", "--data", data.toString()).code()).isZero();
    Run backup = run("backup", "--data", data.toString(), "--out", dir.resolve("b.zip").toString());
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(backup.out()).contains("rows");
    Run restore = run("restore", dir.resolve("b.zip").toString(), "--data", dir.resolve("copy").toString());
    assertThat(restore.code()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("every checksum equal", "search index holds 8 entities");
    Run again = run("restore", dir.resolve("b.zip").toString(), "--data", dir.resolve("copy").toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("not empty");
  }

  @Test
  void backupToAMissingFolderIsOneLineExitTwo(@TempDir Path dir) {
    Path nowhere = dir.resolve("no-such-folder").resolve("b.zip");
    Run r = run("backup", "--data", dir.resolve("data").toString(), "--out", nowhere.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: cannot write backup " + nowhere + ": no folder " + nowhere.getParent() + "\n");
  }

  @Test
  void backupOrExportOverTheStoreItselfIsRefusedAndTheStoreSurvives(@TempDir Path dir) {
    Path data = dir.resolve("data");
    assertThat(run("demo", "--no-serve", "--no-scenario", "--data", data.toString()).code()).isZero();
    Path storeFile = data.resolve("mirabella.mv.db");
    for (String[] args : new String[][] {{"backup", "--out", storeFile.toString()}, {"export", "--out", storeFile.toString()},
        {"backup", "--out", data.resolve("index").resolve("b.zip").toString()}}) {
      List<String> full = new ArrayList<>(List.of(args));
      full.addAll(List.of("--data", data.toString()));
      Run r = run(full.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).startsWith("mirabella: --out " + args[2] + " is part of the store in " + data);
    }
    Run entity = run("entity", "ly-aiia-0042", "--data", data.toString());
    assertThat(entity.code()).as(entity.err()).isZero();
  }

  @Test
  void anOutputFileThatIsAFolderIsOneLineExitTwo(@TempDir Path dir) {
    Path data = dir.resolve("data");
    assertThat(run("demo", "--no-serve", "--no-scenario", "--data", data.toString()).code()).isZero();
    for (String[] args : new String[][] {{"backup", "backup"}, {"export", "export"}, {"htcds", "the HTCDS export", "export", "--agency", "FR",
        "--dpo", "dpo.fr", "--approval", "A-1", "--purpose", "shelter", "--recipient", "NGO"}}) {
      List<String> full = new ArrayList<>(List.of(args[0]));
      full.addAll(List.of(args).subList(2, args.length));
      full.addAll(List.of("--out", dir.toString(), "--data", data.toString()));
      Run r = run(full.toArray(String[]::new));
      assertThat(r.code()).as(args[0]).isEqualTo(2);
      assertThat(r.err()).as(args[0]).isEqualTo("mirabella: cannot write " + args[1] + " " + dir + ": it is a folder, not a file\n");
    }
  }

  @Test
  void benchWithoutWhatToMeasureNamesTheChoices() {
    Run r = run("bench");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: bench: say what to measure: import, match or load (see 'mirabella bench --help')\n");
    assertThat(run("bench", "imports").err()).isEqualTo("mirabella: unknown benchmark 'imports': use import, match or load\n");
  }

  @Test
  void benchLoadIsTheLoadBenchmarkAsTheReadmeSays() {
    Run help = run("bench", "load", "--help");
    assertThat(help.code()).as(help.err()).isZero();
    assertThat(help.out()).contains("Usage: mirabella bench load", "--analysts");
    Run missing = run("bench", "load");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--data=DIR'");
  }

  @Test
  void theDemoSampleIsCrossMatchedAsAnImportWouldBe(@TempDir Path dir) {
    Path data = dir.resolve("data");
    Run demo = run("demo", "--no-serve", "--no-scenario", "--data", data.toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("Demo records cross-matched against other agencies: 7 entities, 6 hits.");
    Run check = run("check", "--data", data.toString());
    assertThat(check.out()).contains("hits:      ok    6 hits;", "match keys: ok    7 matchable entities; 0 with missing or stale keys");
    Run again = run("demo", "--no-serve", "--no-scenario", "--data", data.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(run("check", "--data", data.toString()).out()).contains("hits:      ok    6 hits;");
  }

  @Test
  void theCommandsThatReadAStoreRefuseAFolderWithoutOne(@TempDir Path dir) {
    Path typo = dir.resolve("dta");
    String expected = "mirabella: no store in " + typo + " (expected " + typo.resolve("mirabella.mv.db")
        + "): give its folder with --data DIR or MIRABELLA_DATA\n";
    for (String[] args : new String[][] {{"check"}, {"check", "--repair"}, {"audit", "verify"}, {"audit", "list"}, {"xref"},
        {"entity", "it-sco-0001"}, {"export", "--out", dir.resolve("x.jsonl").toString()},
        {"backup", "--out", dir.resolve("b.zip").toString()}, {"report", "--period", "2025-Q3", "--out", dir.resolve("r").toString()},
        {"htcds", "export", "--agency", "FR", "--dpo", "dpo.fr", "--approval", "A-1", "--purpose", "shelter", "--recipient", "NGO",
            "--out", dir.resolve("h.csv").toString()}}) {
      List<String> full = new ArrayList<>(List.of(args));
      full.addAll(List.of("--data", typo.toString()));
      Run r = run(full.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).isEqualTo(expected);
    }
    assertThat(typo).doesNotExist();
  }

  @Test
  void checkFindsAnIndexBehindTheStoreAndRepairsIt(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    assertThat(run("demo", "--no-serve", "--no-scenario", "--data", data.toString()).code()).isZero();
    assertThat(run("check", "--data", data.toString()).code()).as("the demo leaves a whole store").isZero();
    try (var files = java.nio.file.Files.walk(data.resolve("index"))) { // an index lost (a folder restored without it)
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    Run check = run("check", "--data", data.toString());
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out()).contains("missing from index: 8");
    Run repair = run("check", "--repair", "--data", data.toString());
    assertThat(repair.code()).isZero();
    Run again = run("check", "--data", data.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("search index: 8 entities; missing from index: 0; not in store: 0");
  }

  @Test
  void unsupportedDatabaseUrlIsAUserError() {
    Run r = run("entity", "x", "--db", "jdbc:mysql://localhost/x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unsupported database");
  }
}
