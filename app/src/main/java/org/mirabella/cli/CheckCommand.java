package org.mirabella.cli;

import org.mirabella.model.Model;
import org.mirabella.search.IndexSync;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Verifies that the search index agrees with the store; exit 1 when it does not (unless repaired). */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Verify the store and the search index against each other and report differences (exit 1); --repair fixes the index from the store.")
final class CheckCommand implements Runnable {
  @Mixin StoreOptions store;

  @Option(names = "--repair", description = "Re-index what the index lacks and drop what the store no longer has.")
  boolean repair;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    var out = spec.commandLine().getOut();
    try (Database db = store.open(); var index = store.openIndex()) {
      EntityStore entities = new EntityStore(db, Model.get());
      var r = repair ? IndexSync.sync(entities, index) : IndexSync.diff(entities, index);
      out.printf("store: %d entities; search index: %d entities; missing from index: %d; not in store: %d%s%n",
          r.inStore(), r.inIndex(), r.added(), r.removed(), repair && !r.wasConsistent() ? " (repaired)" : "");
      if (!r.wasConsistent() && !repair) {
        throw new Main.UserError("store and search index disagree: run 'mirabella check --repair'", Main.CHECK_FAILED);
      }
    }
  }
}
