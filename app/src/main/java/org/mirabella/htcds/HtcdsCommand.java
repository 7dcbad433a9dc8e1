package org.mirabella.htcds;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.mirabella.actions.Viewer;
import org.mirabella.agency.Agencies;
import org.mirabella.cli.Main;
import org.mirabella.cli.StoreOptions;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mirabella htcds export|import}: victim case records in the Human Trafficking Case Data Standard. */
@Command(name = "htcds", mixinStandardHelpOptions = true,
    description = "Victim case records in the Human Trafficking Case Data Standard (HTCDS v2.0, by IOM): export for referral "
        + "with the DPO's approval, or import.",
    subcommands = {HtcdsCommand.Export.class, HtcdsCommand.Import.class})
public final class HtcdsCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export an agency's victims as HTCDS CSV for referral to a victim-support organisation. The DPO's approval is required and recorded.")
  static final class Export implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The agency that owns the victims.") String agency;
    @Option(names = "--case", paramLabel = "REF", description = "Only the victims of this case.") String caseRef;
    @Option(names = "--dpo", required = true, paramLabel = "NAME", description = "The data-protection officer who approved.") String dpo;
    @Option(names = "--approval", required = true, paramLabel = "REF", description = "Reference of the DPO's approval.") String approval;
    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "Why the records are referred.") String purpose;
    @Option(names = "--recipient", required = true, paramLabel = "ORG", description = "The receiving organisation.") String recipient;
    @Option(names = "--approved-on", paramLabel = "DATE", description = "Date of the approval (default today).") LocalDate approvedOn;
    @Option(names = "--by", paramLabel = "USER", description = "Who exports.") String by;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.") Path out;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Viewer viewer = Viewer.of(Agencies.get().require(agency).code(), "dpo");
      store.requireOutsideStore(out);
      Main.requireWritableFolder(out, "the HTCDS export"); // before the export is recorded as made
      try (Database db = store.openExisting()) {
        var e = new HtcdsService(db, Model.get()).export(viewer, caseRef,
            new HtcdsService.Approval(dpo, approval, purpose, recipient, approvedOn), by);
        Files.writeString(out, e.csv(), StandardCharsets.UTF_8);
        spec.commandLine().getOut().printf("Export %s: %d victim records of %s to %s written to %s (approval %s by %s recorded).%n",
            e.id(), e.records(), viewer.agency(), recipient, out, approval, dpo);
      }
      return 0;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Import HTCDS records (CSV) as victims of a case.")
  static final class Import implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Parameters(paramLabel = "FILE", description = "HTCDS CSV: a header of field names with prefix (prs_FirstName, ...).") Path file;
    @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The agency taking the records.") String agency;
    @Option(names = "--case", required = true, paramLabel = "REF", description = "The case to hold them (created if absent).") String caseRef;
    @Option(names = "--by", paramLabel = "USER", description = "Who imports.") String by;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Viewer viewer = Viewer.of(Agencies.get().require(agency).code());
      try (Database db = store.open(); BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        var s = new HtcdsService(db, Model.get()).importCsv(in, file.getFileName().toString(), viewer, caseRef, by);
        spec.commandLine().getOut().printf("Imported %d HTCDS records into %s %s: %d entities and %d statements added.%n",
            s.records(), viewer.agency(), caseRef, s.entitiesAdded(), s.statementsAdded());
      } catch (NoSuchFileException e) {
        throw new Main.UserError("no such file: " + file);
      }
      return 0;
    }
  }
}
