package org.mirabella.cli;

import java.time.Instant;
import org.mirabella.audit.AuditChain;
import org.mirabella.audit.AuditRecord;
import org.mirabella.audit.AuditRoutes;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The audit trail: verify its hash chain, or list records for a DPO. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or query the audit trail.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.ListRecords.class})
final class AuditCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check the hash chain of the audit trail; exit 1 naming the first changed, deleted or reordered record.")
  static final class Verify implements Runnable {
    @Mixin StoreOptions store;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      AuditChain.Verification v;
      try (Database db = store.openExisting()) {
        v = new JdbcAuditLog(db).verify();
      }
      if (!v.intact()) throw new Main.UserError("audit trail broken at record " + v.firstBad() + ": " + v.problem(), Main.CHECK_FAILED);
      spec.commandLine().getOut().printf("Audit trail intact: %d records, head %s%n", v.records(), v.headHash());
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List audit records, newest first, by user, agency, entity or period.")
  static final class ListRecords implements Runnable {
    @Mixin StoreOptions store;

    @Option(names = "--user", paramLabel = "NAME", description = "Records made by this user.") String user;

    @Option(names = "--agency", paramLabel = "CODE", description = "Records made by this agency's users or about its data.")
    String agency;

    @Option(names = "--entity", paramLabel = "ID", description = "Records about this entity.") String entity;

    @Option(names = "--from", paramLabel = "DATE|INSTANT", description = "Records made at or after this day (UTC, e.g. 2026-01-31) or instant (2026-01-31T12:00:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "DATE|INSTANT", description = "Records made up to the end of this day (UTC) or before this instant.")
    String to;

    @Option(names = "--limit", defaultValue = "200", paramLabel = "N", description = "At most this many records, the newest (default ${DEFAULT-VALUE}).")
    int limit;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      Instant f = from == null ? null : AuditRoutes.parseTime(from, "--from", false);
      Instant t = to == null ? null : AuditRoutes.parseTime(to, "--to", true);
      try (Database db = store.openExisting()) {
        var out = spec.commandLine().getOut();
        for (AuditRecord r : new JdbcAuditLog(db).query(new JdbcAuditLog.Query(user, null, entity, f, t, agency, limit))) {
          var e = r.event();
          out.printf("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", r.seq(), r.at(), e.user(), e.agency(), e.action(),
              e.object() == null ? "-" : e.object(), e.justification() == null ? "-" : e.justification(),
              e.detail() == null ? "-" : e.detail());
        }
      }
    }
  }
}
