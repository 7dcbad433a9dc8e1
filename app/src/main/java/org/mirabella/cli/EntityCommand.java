package org.mirabella.cli;

import org.mirabella.model.Model;
import org.mirabella.model.json.EntityJson;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Shows an entity from the local store as FtM-shaped JSON with its statements. This is the store
 * operator's view of their own data folder (no user, no agency): the HTTP API serves analysts
 * through the access rules.
 */
@Command(name = "entity", mixinStandardHelpOptions = true,
    description = "Show an entity of the local store as FtM JSON with every statement's provenance.")
final class EntityCommand implements Runnable {
  @Mixin StoreOptions store;

  @Parameters(paramLabel = "ID", description = "The entity id.")
  String id;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    try (Database db = store.openExisting()) {
      var e = new EntityStore(db, Model.get()).find(id)
          .orElseThrow(() -> new Main.UserError("no entity '" + id + "' in " + db.url(), Main.CHECK_FAILED));
      spec.commandLine().getOut().println(EntityJson.toJson(e).toPrettyString());
    }
  }
}
