package org.mirabella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The import and export commands end to end, on an embedded store in a temporary data folder. */
class ImportCommandTest {
  @TempDir Path dir;
  Path data;
  Path csv;
  Path mapping;

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

  Path copy(String name) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("ingest/" + name)) {
      Path p = dir.resolve(name);
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      return p;
    }
  }

  @BeforeEach
  void files() throws Exception {
    data = dir.resolve("data");
    csv = copy("it-persone.csv");
    mapping = copy("it-persone.yaml");
  }

  Run importFile(Path file, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("import", file.toString(), "--data", data.toString(),
        "--agency", "IT", "--case", "IT-SCO-1", "--mapping", mapping.toString(), "--user", "rossi"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void importsAndPrintsTheSummary() {
    Run r = importFile(csv);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Imported it-persone.csv into IT / IT-SCO-1 (mapping it-persone.yaml, run ")
        .contains("  3 rows read, 0 rejected\n")
        .contains("  4 entities and 23 statements added, 0 statements unchanged, 0 retracted\n");
    assertThat(RejectsFilePath.of(csv)).doesNotExist();
    // The embedded store's search index is kept by the import itself: the store is whole after it.
    Run check = run("check", "--data", data.toString());
    assertThat(check.code()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("search index: 4 entities; missing from index: 0");
    Run again = importFile(csv);
    assertThat(again.out()).contains("  0 entities and 0 statements added, 23 statements unchanged, 0 retracted\n");

    // Each committed import is in the audit trail, as an upload is: by whom, which run, what it added.
    try (var db = org.mirabella.store.Database.embedded(data)) {
      var imports = new org.mirabella.audit.JdbcAuditLog(db).query(org.mirabella.audit.JdbcAuditLog.Query.all()).stream()
          .map(org.mirabella.audit.AuditRecord::event).filter(e -> e.action().equals("import")).toList();
      assertThat(imports).allMatch(e -> e.user().equals("rossi") && e.agency().equals("IT"));
      assertThat(imports).extracting(org.mirabella.audit.AuditEvent::detail)
          .containsExactlyInAnyOrder("4 entities, 23 statements added to IT-SCO-1", "0 entities, 0 statements added to IT-SCO-1");
    }
  }

  @Test
  void anImportWithoutMatchingStillKeepsTheSearchIndex() {
    Run r = importFile(csv, "--no-match");
    assertThat(r.code()).as(r.err()).isZero();
    Run check = run("check", "--data", data.toString());
    assertThat(check.out()).contains("search index: 4 entities; missing from index: 0");
  }

  @Test
  void rejectedRowsExitTwoWriteTheRejectsFileAndNothingElse() throws Exception {
    Path bad = copy("it-persone-bad.csv");
    Run r = importFile(bad);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).startsWith("Did not import it-persone-bad.csv").contains("  5 rows read, 2 rejected\n")
        .contains("  Rejected rows by reason:\n")
        .contains("         1  data_nascita: birthDate: '…' matches none of the date formats dd/MM/yyyy, MM/yyyy, yyyy\n");
    Path rejects = dir.resolve("it-persone-bad.csv.rejects.csv");
    assertThat(r.err()).isEqualTo("mirabella: 2 rows rejected (see " + rejects
        + "): nothing imported; fix them, or pass --accept-rejects to import the other rows\n");
    assertThat(Files.readAllLines(rejects, StandardCharsets.UTF_8)).containsExactly(
        "file,line,column,reason,row",
        "it-persone-bad.csv,5,data_nascita,\"birthDate: '31/02/1980' matches none of the date formats dd/MM/yyyy, MM/yyyy, yyyy\","
            + "4;Luca;Verdi;31/02/1980;it;;indagato;B2;tanti;05/01/2024",
        "it-persone-bad.csv,5,importo,amount: not a number: 'tanti',4;Luca;Verdi;31/02/1980;it;;indagato;B2;tanti;05/01/2024",
        "it-persone-bad.csv,6,ruolo,\"'sconosciuto' is not one of suspect, victim, witness, contact, informant, other\","
            + "5;Marta;Neri;1981;it;;sconosciuto;B2;;");
    Run health = run("export", "--data", data.toString(), "--out", dir.resolve("none.json").toString());
    assertThat(health.out()).isEqualTo("Exported 0 entities to " + dir.resolve("none.json") + ".\n");

    Run accepted = importFile(bad, "--accept-rejects", "--json", "--rejects", dir.resolve("r.csv").toString());
    assertThat(accepted.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(accepted.out());
    assertThat(j.get("committed").asBoolean()).isTrue();
    assertThat(j.get("rowsRejected").asLong()).isEqualTo(2);
    assertThat(j.get("entitiesAdded").asLong()).isEqualTo(4);
    assertThat(j.get("rejects").get(0).get("column").asText()).isEqualTo("data_nascita");
    assertThat(dir.resolve("r.csv")).exists();
  }

  @Test
  void aBadMappingOrFileIsOneLineAndExitTwo() throws Exception {
    Path m = dir.resolve("bad.yaml");
    Files.writeString(m, "entities: {p: {schema: Person, keys: [id_soggetto], properties: {name: {colum: nome}}}}\n");
    Run r = run("import", csv.toString(), "--data", data.toString(), "--agency", "IT", "--case", "C", "--mapping", m.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: Bad mapping: bad.yaml: entities.p.properties.name.colum: unknown key 'colum' "
        + "(allowed: column, columns, entity, format, join, literal, literals, split, template)\n");
    Path cut = dir.resolve("cut.csv");
    Files.writeString(cut, "id_soggetto;nome;cognome;data_nascita;nazionalita;telefono;ruolo;valutazione;importo;data_pagamento\n1;Mario;Ro");
    Run t = importFile(cut);
    assertThat(t.code()).isEqualTo(2);
    assertThat(t.err()).isEqualTo("mirabella: Malformed file: cut.csv line 2: the last row has 3 of 10 fields and no line end: the file is truncated\n");
    Run agency = run("import", csv.toString(), "--data", data.toString(), "--agency", "XX", "--case", "C", "--mapping", mapping.toString());
    assertThat(agency.code()).isEqualTo(2);
    assertThat(agency.err()).startsWith("mirabella: Unknown agency: agency: 'XX' is not one of [US, JP");
  }

  @Test
  void exportsFtmThatImportsBackWithoutAMapping() throws Exception {
    importFile(csv);
    Path out = dir.resolve("it.ftm.json");
    Run e = run("export", "--format", "ftm", "--agency", "IT", "--case", "IT-SCO-1", "--data", data.toString(), "--out", out.toString());
    assertThat(e.code()).isZero();
    assertThat(e.out()).isEqualTo("Exported 4 entities to " + out + ".\n");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.has("id")).isTrue();
    assertThat(first.get("statements").get(0).get("source").asText()).isEqualTo("it-persone.yaml:it-persone.csv");
    Path other = dir.resolve("other");
    Run back = run("import", out.toString(), "--data", other.toString(), "--agency", "IT", "--case", "IT-SCO-1", "--json");
    assertThat(back.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(back.out());
    assertThat(j.get("entitiesAdded").asLong()).isEqualTo(4);
    assertThat(j.get("statementsAdded").asLong()).isEqualTo(23);
    Path again = dir.resolve("again.ftm.json");
    run("export", "--data", other.toString(), "--out", again.toString());
    assertThat(Files.readAllLines(again)).isEqualTo(lines);
  }

  @Test
  void aRejectsFileInAMissingFolderIsOneLineExitTwoBeforeAnythingIsRead() throws Exception {
    Path bad = copy("it-persone-bad.csv");
    Path nowhere = dir.resolve("no-such-folder").resolve("r.csv");
    Run r = importFile(bad, "--rejects", nowhere.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: cannot write the rejects file " + nowhere + ": no folder " + nowhere.getParent() + "\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aRejectsFileThatCannotBeWrittenIsOneLineExitTwoAndWritesNothing() throws Exception {
    Path bad = copy("it-persone-bad.csv");
    Files.createDirectory(RejectsFilePath.of(bad)); // where the rejects file would go, a folder: it cannot be written
    Run r = importFile(bad, "--accept-rejects");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("mirabella: cannot write the rejects file " + RejectsFilePath.of(bad) + " (")
        .endsWith("): nothing imported; name a writable place with --rejects FILE\n")
        .doesNotContain("Exception").doesNotContain("\tat ");
    Run clean = importFile(csv);
    assertThat(clean.out()).contains("  4 entities and 23 statements added, 0 statements unchanged, 0 retracted\n");
  }

  Run importInto(String caseRef) {
    return run("import", csv.toString(), "--data", data.toString(), "--agency", "IT", "--case", caseRef, "--mapping",
        mapping.toString(), "--user", "rossi");
  }

  @Test
  void anEmptyCaseIsBadUsageNotRejectedRows() {
    Run r = importInto(" ");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: --case: no case reference given (e.g. --case 'RGNR 4512/2021')\n");
    assertThat(RejectsFilePath.of(csv)).doesNotExist();
    Run padded = importInto(" IT-SCO-1 ");
    assertThat(padded.out()).contains(" into IT / IT-SCO-1 (mapping");
  }

  @Test
  void handlingH3WithoutItsConditionIsBadUsageNotEveryRowRejected() throws Exception {
    Path plain = dir.resolve("plain.yaml"); // no provenance: --handling is the default of every row
    Files.writeString(plain, "source: {format: csv, delimiter: \";\", encoding: windows-1252}\n"
        + "entities: {person: {schema: Person, keys: [id_soggetto], properties: {name: {template: \"{nome} {cognome}\"}}}}\n");
    Run r = run("import", csv.toString(), "--data", data.toString(), "--agency", "IT", "--case", "C", "--mapping", plain.toString(),
        "--handling", "H3");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: --handling H3 needs --handling-condition TEXT (the condition every reader sees)\n");
    assertThat(RejectsFilePath.of(csv)).doesNotExist();
    Run ok = run("import", csv.toString(), "--data", data.toString(), "--agency", "IT", "--case", "C", "--mapping", plain.toString(),
        "--handling", "H3", "--handling-condition", "Not for onward release");
    assertThat(ok.code()).as(ok.err()).isZero();
    Run mapped = importFile(csv, "--handling", "H3"); // the mapping's provenance.handling (H2) applies to every row
    assertThat(mapped.code()).as(mapped.err()).isZero();
  }

  @Test
  void aCsvWithoutAMappingIsToldToGiveOneNotThatItIsMalformed() {
    Run r = run("import", csv.toString(), "--data", data.toString(), "--agency", "IT", "--case", "C");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: " + csv + ": without --mapping the files are read as FtM JSON lines; "
        + "a CSV or XLSX file needs its mapping (--mapping M.yaml, docs/import-mapping.md)\n");
  }

  @Test
  void aCleanImportRemovesTheRejectsFileOfAnEarlierAttempt() throws Exception {
    Path bad = copy("it-persone-bad.csv");
    assertThat(importFile(bad).code()).isEqualTo(2);
    assertThat(RejectsFilePath.of(bad)).exists();
    Files.copy(csv, bad, StandardCopyOption.REPLACE_EXISTING); // the analyst fixes the file
    Run fixed = importFile(bad);
    assertThat(fixed.code()).as(fixed.err()).isZero();
    assertThat(RejectsFilePath.of(bad)).as("the earlier attempt's rejects no longer describe the file").doesNotExist();
  }

  @Test
  void textNotInTheEncodingIsReportedOnItsOwnLineDeepInTheFile() throws Exception {
    Path utf8 = dir.resolve("utf8.yaml"); // the default encoding, UTF-8; the file is Windows-1252
    Files.writeString(utf8, Files.readString(mapping).replace("  encoding: windows-1252\n", ""));
    StringBuilder rows = new StringBuilder("id_soggetto;nome;cognome;data_nascita;nazionalita;telefono;ruolo;valutazione;importo;data_pagamento\n");
    for (int i = 2; i <= 3000; i++) rows.append(i).append(i == 2001 ? ";Niccol\u00f2" : ";Mario").append(";Rossi;1987;it;;indagato;B2;;\n");
    Path late = dir.resolve("late.csv");
    Files.write(late, rows.toString().getBytes(java.nio.charset.Charset.forName("windows-1252")));
    Run r = run("import", late.toString(), "--data", data.toString(), "--agency", "IT", "--case", "C", "--mapping", utf8.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("mirabella: Malformed file: late.csv line 2001: not valid UTF-8 text");

    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      lines.append("{\"id\":\"it-").append(i).append("\",\"schema\":\"Person\",\"properties\":{\"name\":[\"")
          .append(i == 2500 ? "Jos\u00e9" : "Mario").append(" Rossi\"]}}\n");
    }
    Path ftm = dir.resolve("late.ftm.jsonl");
    Files.write(ftm, lines.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Run j = run("import", ftm.toString(), "--data", data.toString(), "--agency", "IT", "--case", "C");
    assertThat(j.code()).isEqualTo(2);
    assertThat(j.err()).startsWith("mirabella: Malformed file: late.ftm.jsonl line 2500: not valid UTF-8 text");
  }

  @Test
  void theRejectsFileCannotBeAnInputOrTheMapping() throws Exception {
    byte[] before = Files.readAllBytes(csv);
    for (Path target : List.of(csv, mapping)) {
      Run r = importFile(csv, "--rejects", target.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("mirabella: --rejects " + target + " is one of the import's own files: name another file\n");
    }
    assertThat(Files.readAllBytes(csv)).isEqualTo(before);
    assertThat(mapping).exists();
  }

  @Test
  void aBlankUserIsBadUsageNotAStatementWithoutItsRecorder() {
    Run r = run("import", csv.toString(), "--data", data.toString(), "--agency", "IT", "--case", "C", "--mapping", mapping.toString(),
        "--user", " ");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: --user: no name given (leave it out to record the system user)\n");
  }

  @Test
  void exportToAMissingFolderNamesTheFolder() {
    Path nowhere = dir.resolve("no-such-folder").resolve("x.jsonl");
    Run r = run("export", "--data", data.toString(), "--out", nowhere.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("mirabella: cannot write export " + nowhere + ": no folder " + nowhere.getParent() + "\n");
  }

  /** Where the rejects file goes by default. */
  static final class RejectsFilePath {
    static Path of(Path input) {
      return input.resolveSibling(input.getFileName() + ".rejects.csv");
    }
  }
}
