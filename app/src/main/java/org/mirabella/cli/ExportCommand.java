package org.mirabella.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mirabella.agency.Agencies;
import org.mirabella.ingest.FtmExport;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Exports entities of the local store as FtM JSON lines, provenance kept in statement fields. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export entities as FollowTheMoney JSON lines (with every statement's provenance); "
        + "'mirabella import FILE' without a mapping reads them back.")
final class ExportCommand implements Runnable {
  @Mixin StoreOptions store;

  @Option(names = "--format", defaultValue = "ftm", paramLabel = "FORMAT", description = "Output format: ftm (the only one so far).")
  String format;

  @Option(names = "--agency", paramLabel = "CODE", description = "Only entities owned by this agency.")
  String agency;

  @Option(names = "--case", paramLabel = "REF", description = "Only entities of this case.")
  String caseRef;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write ('-' for standard output).")
  Path out;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    if (!format.equalsIgnoreCase("ftm")) throw new Main.UserError("unknown export format '" + format + "': use ftm");
    if (agency != null) agency = Agencies.get().require(agency).code();
    if (!out.toString().equals("-")) {
      store.requireOutsideStore(out);
      Main.requireWritableFolder(out, "export");
    }
    try (Database db = store.openExisting()) {
      EntityStore entities = new EntityStore(db, Model.get());
      long n;
      if (out.toString().equals("-")) {
        var w = spec.commandLine().getOut();
        n = FtmExport.write(entities, agency, caseRef, w);
        w.flush();
        return;
      }
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        n = FtmExport.write(entities, agency, caseRef, w);
      } catch (IOException e) {
        throw new Main.UserError("cannot write " + out + ": " + e.getMessage());
      }
      spec.commandLine().getOut().printf("Exported %d entities to %s.%n", n, out);
    }
  }
}
