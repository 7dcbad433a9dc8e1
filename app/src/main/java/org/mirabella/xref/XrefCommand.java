package org.mirabella.xref;

import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.cli.StoreOptions;
import org.mirabella.hits.HitStore;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Re-runs cross-agency matching over the whole store. */
@Command(name = "xref", mixinStandardHelpOptions = true,
    description = "Re-run cross-agency matching over the whole store: recompute every record's keys, score every candidate pair, record hits.")
public final class XrefCommand implements Runnable {
  @Mixin StoreOptions store;

  @picocli.CommandLine.Option(names = "--refit", description = "Fit a new matching model version over everything held first, and match with it.")
  boolean refit;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    try (Database db = store.open()) {
      EntityStore entities = new EntityStore(db, Model.get());
      long start = System.nanoTime();
      HitStore hits = new HitStore(db, new JdbcAuditLog(db));
      var s = (refit ? CrossMatcher.refitted(db, entities, hits, "cli:" + System.getProperty("user.name")) : new CrossMatcher(db, entities, hits)).rematchAll();
      double secs = (System.nanoTime() - start) / 1e9;
      spec.commandLine().getOut().printf(java.util.Locale.ROOT,
          "Cross-matched %d entities in %.1f s: %d candidate pairs, %d scored, %d hits between agencies.%n",
          s.entities(), secs, s.candidates(), s.scored(), s.hits());
    }
  }
}
