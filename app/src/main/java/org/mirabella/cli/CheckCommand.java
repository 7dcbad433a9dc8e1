package org.mirabella.cli;

import org.mirabella.model.Model;
import org.mirabella.reliability.StoreCheck;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Verifies the store against the search index, the audit trail's hash chain, the hits and the match
 * keys; exit 1 when anything disagrees (unless {@code --repair} fixed it). Prints the audit head
 * hash for anchoring outside the store.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Verify store, search index, audit trail (hash chain; prints the head hash to anchor externally), hits and "
        + "match keys against each other and report differences (exit 1); --repair rebuilds what can be derived (index, match keys).")
final class CheckCommand implements Runnable {
  @Mixin StoreOptions store;

  @Option(names = "--repair", description = "Re-index what the index lacks, drop what the store no longer has, rewrite missing or "
      + "stale match keys and re-match those entities.")
  boolean repair;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    var out = spec.commandLine().getOut();
    try (Database db = store.openExisting(); var index = store.openIndex()) {
      var check = new StoreCheck(db, new EntityStore(db, Model.get()), index);
      StoreCheck.Report r = repair ? check.repair() : check.check();
      for (StoreCheck.Part p : r.parts()) {
        out.printf("%-10s %s  %s%s%n", p.name() + ":", p.consistent() ? "ok  " : "FAIL", p.summary(),
            p.examples().isEmpty() ? "" : " e.g. " + String.join(", ", p.examples()));
      }
      out.printf("audit head: record %d, hash %s%n", r.auditRecords(), r.auditHead());
      out.flush();
      if (!r.consistent()) {
        throw new Main.UserError(repair ? "the store is inconsistent in ways --repair cannot derive (see above)"
            : "the store is inconsistent (see above): run 'mirabella check --repair'", Main.CHECK_FAILED);
      }
    }
  }
}
