package org.mirabella.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mirabella.agency.Agencies;
import org.mirabella.ingest.ImportResult;
import org.mirabella.ingest.ImportService;
import org.mirabella.ingest.ImportSettings;
import org.mirabella.ingest.Ingestor;
import org.mirabella.ingest.InputFile;
import org.mirabella.ingest.Mapping;
import org.mirabella.ingest.MappingLoader;
import org.mirabella.ingest.RejectsFile;
import org.mirabella.model.Model;
import org.mirabella.model.json.EntityJson;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports agency exports with a mapping (docs/import-mapping.md), or FtM JSON lines without one.
 * Parses flags, runs {@link ImportService}, prints the summary. Exit 2 when rows were rejected
 * (then nothing is written) unless {@code --accept-rejects}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import agency exports (CSV, JSON lines, XLSX) with a mapping, or FtM JSON entities without one, "
        + "in one transaction. Rejected rows go to a rejects file; the import then writes nothing and exits 2 "
        + "unless --accept-rejects.")
final class ImportCommand implements Runnable {
  @Mixin StoreOptions store;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to import (all read with the same mapping).")
  List<Path> files;

  @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The agency that owns the data, e.g. IT.")
  String agency;

  @Option(names = "--case", required = true, paramLabel = "REF", description = "The case the data belongs to (created if new).")
  String caseRef;

  @Option(names = "--mapping", paramLabel = "MAPPING.yaml", description = "The import mapping; without it the files are read as FtM JSON lines.")
  Path mapping;

  @Option(names = "--handling", paramLabel = "H0..H3", description = "Default handling code (default H0).")
  String handling;

  @Option(names = "--handling-condition", paramLabel = "TEXT", description = "The condition every reader sees (required with H3).")
  String handlingCondition;

  @Option(names = "--grade", paramLabel = "A1..X4", description = "Default grading: source reliability and information accuracy (default X4).")
  String grade;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Where rejected rows go (default: FILE.rejects.csv beside the first file).")
  Path rejects;

  @Option(names = "--accept-rejects", description = "Import the good rows even when some are rejected, and exit 0.")
  boolean acceptRejects;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(names = "--no-match", description = "Skip cross-matching after the import (run 'mirabella xref' later).")
  boolean noMatch;

  @Option(names = "--user", paramLabel = "NAME", description = "Who records the statements (default: the system user).")
  String user;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    String code = Agencies.get().require(agency).code();
    if (caseRef.isBlank()) throw new Main.UserError("--case: no case reference given (e.g. --case 'RGNR 4512/2021')");
    caseRef = caseRef.strip();
    if (user != null && user.isBlank()) throw new Main.UserError("--user: no name given (leave it out to record the system user)");
    List<InputFile> inputs = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) throw new Main.UserError("no file " + f);
      String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if (mapping == null && (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".xlsx"))) {
        throw new Main.UserError(f + ": without --mapping the files are read as FtM JSON lines; "
            + "a CSV or XLSX file needs its mapping (--mapping M.yaml, docs/import-mapping.md)");
      }
      inputs.add(InputFile.of(f));
    }
    if (mapping != null && !Files.isRegularFile(mapping)) throw new Main.UserError("no mapping file " + mapping);
    Mapping m = mapping == null ? Mapping.ftm("ftm") : MappingLoader.load(mapping, Model.get());
    var prov = m.provenance();
    if (HandlingCode.parse(handling) == HandlingCode.H3 && handlingCondition == null && prov.handling() == null
        && prov.handlingCondition() == null) { // else every row would be rejected for the same missing flag
      throw new Main.UserError("--handling H3 needs --handling-condition TEXT (the condition every reader sees)");
    }
    ImportSettings settings = new ImportSettings(code, caseRef, HandlingCode.parse(handling), handlingCondition,
        Grading.parse(grade), user != null ? user : "cli:" + System.getProperty("user.name"),
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    Path rejectsPath = rejects != null ? rejects : RejectsFile.beside(files.get(0));
    if (rejects != null) Main.requireWritableFolder(rejects, "the rejects file");
    List<Path> own = new ArrayList<>(files);
    if (mapping != null) own.add(mapping);
    for (Path f : own) {
      if (f.toAbsolutePath().normalize().equals(rejectsPath.toAbsolutePath().normalize())) {
        throw new Main.UserError("--rejects " + rejectsPath + " is one of the import's own files: name another file");
      }
    }
    try { // an earlier attempt's rejects would otherwise stay beside a file they no longer describe
      if (Files.isRegularFile(rejectsPath)) Files.delete(rejectsPath);
    } catch (java.io.IOException e) {
      throw new Main.UserError("cannot replace the rejects file " + rejectsPath + ": " + e.getMessage());
    }
    ImportResult r;
    org.mirabella.xref.CrossMatcher.Summary crossMatch = null;
    try (Database db = store.open(); RejectsFile rf = new RejectsFile(rejectsPath); TerminalProgress progress = TerminalProgress.open(json)) {
      EntityStore entities = new EntityStore(db, Model.get());
      try {
        r = new ImportService(entities, Model.get()).run(inputs, m, settings, acceptRejects, rf, progress);
      } catch (RejectsFile.Unwritable e) {
        throw new Main.UserError(e.getMessage() + ": nothing imported; name a writable place with --rejects FILE");
      }
      // After the commit, as an upload's: the audit chain is not held for the length of the import's commit.
      if (r.committed()) new org.mirabella.audit.JdbcAuditLog(db).record(r.auditEvent(settings.recordedBy()));
      // The embedded store's index is kept here (H2's lock means no server has the store open), also
      // with --no-match; on PostgreSQL the running server indexes the run itself (ImportFollower).
      if (r.committed()) {
        try (var index = store.embedded() ? store.openIndex() : null) {
          if (!noMatch) crossMatch = org.mirabella.xref.AfterImport.run(db, entities, index, r.agency(), r.caseRef(), settings.recordedAt());
          else if (index != null) org.mirabella.xref.AfterImport.index(db, entities, index, r.agency(), r.caseRef(), settings.recordedAt());
        }
      }
    }
    if (json) {
      out.println(EntityJson.mapper().valueToTree(r.toMap()).toPrettyString());
    } else {
      printSummary(out, r, rejectsPath);
      if (crossMatch != null) {
        out.printf("  cross-matched %d entities against other agencies: %d candidate pairs scored, %d hits%n",
            crossMatch.entities(), crossMatch.scored(), crossMatch.hits());
      }
    }
    out.flush();
    if (!r.committed()) {
      throw new Main.UserError(r.read().rowsRejected() + " rows rejected (see " + rejectsPath
          + "): nothing imported; fix them, or pass --accept-rejects to import the other rows");
    }
  }

  private static void printSummary(PrintWriter out, ImportResult r, Path rejectsPath) {
    var read = r.read();
    out.printf("%s %s into %s / %s (mapping %s, run %s) in %.1f s:%n", r.committed() ? "Imported" : "Did not import",
        String.join(", ", read.rowsByFile().keySet()), r.agency(), r.caseRef(), r.mapping(), r.run(), r.millis() / 1000.0);
    out.printf("  %d rows read, %d rejected%n", read.rowsRead(), read.rowsRejected());
    out.printf("  %d entities and %d statements %s, %d statements unchanged, %d retracted%n", r.entitiesAdded(),
        r.statementsAdded(), r.committed() ? "added" : "would have been added", r.statementsUnchanged(), r.statementsRetracted());
    if (read.rowsRejected() > 0) {
      out.println("  Rejected rows by reason:");
      for (Map.Entry<String, Long> e : read.rejectedByReason().entrySet()) out.printf("    %8d  %s%n", e.getValue(), e.getKey());
      out.println("  Rejects: " + rejectsPath);
    }
  }

  /** A progress bar on standard error when it is a terminal; nothing otherwise. */
  static final class TerminalProgress implements Ingestor.Progress, AutoCloseable {
    private ProgressBar bar;
    private String file;
    private final boolean enabled;

    private TerminalProgress(boolean enabled) {
      this.enabled = enabled;
    }

    static TerminalProgress open(boolean quiet) {
      return new TerminalProgress(!quiet && isTerminal());
    }

    private static boolean isTerminal() {
      var console = System.console();
      if (console == null) return false;
      try {
        return (Boolean) console.getClass().getMethod("isTerminal").invoke(console); // Java 22+
      } catch (ReflectiveOperationException e) {
        return true; // before Java 22 a console exists only on a terminal
      }
    }

    @Override
    public void update(String f, long rowsRead, long done, long total) {
      if (!enabled) return;
      if (!f.equals(file)) {
        if (bar != null) bar.close();
        file = f;
        bar = new ProgressBarBuilder().setTaskName(f).setInitialMax(Math.max(total, 1)).setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500).build();
      }
      bar.stepTo(done);
      bar.setExtraMessage(rowsRead + " rows");
    }

    @Override
    public void close() {
      if (bar != null) bar.close();
    }
  }
}
