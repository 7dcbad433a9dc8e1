package org.mirabella.cli;

import java.nio.file.Path;
import org.mirabella.store.Database;
import org.mirabella.store.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Moves an embedded store into PostgreSQL without loss, proven by counts and checksums. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Copy a unit's embedded store (--from DIR) into an empty PostgreSQL database (--to URL), "
        + "then compare every table's row count and checksum. Exit 1 if any differs.")
final class MigrateCommand implements Runnable {
  @Option(names = "--from", paramLabel = "DIR", required = true, description = "Data folder of the embedded store.")
  Path from;

  @Option(names = "--to", paramLabel = "JDBC_URL", required = true,
      description = "Target PostgreSQL database, e.g. jdbc:postgresql://db.unit.local/mirabella (credentials from MIRABELLA_DB_USER/MIRABELLA_DB_PASSWORD).")
  String to;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    var out = spec.commandLine().getOut();
    if (!from.resolve("mirabella.mv.db").toFile().exists()) {
      throw new Main.UserError("no embedded store in " + from + " (expected " + from.resolve("mirabella.mv.db") + ")");
    }
    try (Database source = Database.embedded(from); Database target = Database.open(to, null, null)) {
      var reports = StoreCopy.copy(source, target, (table, rows) -> { });
      boolean ok = true;
      for (var r : reports) {
        out.printf("%-24s %10d -> %10d  %s%n", r.table(), r.sourceRows(), r.targetRows(), r.equal() ? "checksum equal" : "DIFFERENT");
        ok &= r.equal();
      }
      if (!ok) throw new Main.UserError("migration check failed: see the tables marked DIFFERENT", Main.CHECK_FAILED);
      out.println("Migrated " + source.url() + " to " + target.url() + ": every table equal.");
    }
  }
}
