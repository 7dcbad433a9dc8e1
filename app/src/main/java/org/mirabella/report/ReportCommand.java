package org.mirabella.report;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mirabella.actions.MatchingCrossCheck;
import org.mirabella.actions.FieldCheckStore;
import org.mirabella.actions.OperationStore;
import org.mirabella.actions.Viewer;
import org.mirabella.actions.VisibleEntities;
import org.mirabella.agency.Agencies;
import org.mirabella.cli.StoreOptions;
import org.mirabella.model.Model;
import org.mirabella.routes.RouteSource;
import org.mirabella.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mirabella report --period 2025-Q3 --out DIR [--agency CODE]}: the periodic report as HTML, PDF and CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the periodic report for the G7 coordination: report.html, report.pdf, charts/*.png and csv/*.csv "
        + "(one per table) in the output folder.",
        "Counts only what the reader may see: with --agency, what that agency may see; without, the whole store "
            + "(the operator's view). Published counts below the threshold are shown as <N."})
public final class ReportCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "2025, 2025-H1, 2025-Q3 or 2025-07.")
  String period;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if absent).")
  Path out;

  @Option(names = "--agency", paramLabel = "CODE", description = "Report for this agency's view (e.g. IT, LY).")
  String agency;

  @Option(names = "--threshold", paramLabel = "N", defaultValue = "5",
      description = "Small-count suppression: counts from 1 to N-1 are shown as <N (default ${DEFAULT-VALUE}; 0 publishes every count).")
  int threshold;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Period p = Period.parse(period);
    if (threshold < 0) throw new org.mirabella.cli.Main.UserError("--threshold must be 0 or more, got " + threshold);
    Viewer viewer = agency == null ? Viewer.COORDINATION : Viewer.of(Agencies.get().require(agency).code(), "coordinator");
    if (Files.exists(out) && !Files.isDirectory(out)) throw new org.mirabella.cli.Main.UserError("--out " + out + " is a file, not a folder");
    try (Database db = store.openExisting()) {
      Report report = builder(db).build(p, viewer).published(new Suppression(threshold));
      ReportFiles.Written w;
      try {
        w = ReportFiles.write(report, out);
      } catch (UncheckedIOException e) {
        throw new org.mirabella.cli.Main.UserError("cannot write the report to " + out + ": " + e.getCause().getMessage());
      }
      spec.commandLine().getOut().printf("Report %s for %s: %s, %s, %d charts, %d CSV tables in %s%n", p.label(), report.audience(),
          w.html().getFileName(), w.pdf().getFileName(), w.charts().size(), w.csv().size(), out.toAbsolutePath());
    }
    return 0;
  }

  /** The report builder over a store, with the exact cross-check and no person resolution (until matching lands). */
  public static ReportBuilder builder(Database db) {
    OperationStore ops = new OperationStore(db);
    FieldCheckStore checks = new FieldCheckStore(db, ops, new MatchingCrossCheck(db, Model.get()));
    return new ReportBuilder(db, ops, checks, new RouteSource(new VisibleEntities(db, Model.get())), new org.mirabella.hits.ConfirmedHits(db));
  }
}
