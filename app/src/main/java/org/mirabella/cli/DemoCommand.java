package org.mirabella.cli;

import org.mirabella.demo.SampleData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Loads the demo case file into the store and serves it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Load the demo case file into the embedded store (./data unless --data) and serve it on 127.0.0.1.")
final class DemoCommand implements Runnable {
  @Mixin StoreOptions store;
  @Mixin ServeOptions serve;

  @Option(names = "--no-serve", description = "Load the demo data, print the summary and exit.")
  boolean noServe;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    var out = spec.commandLine().getOut();
    Database db = store.open();
    EntityStore entities = new EntityStore(db, Model.get());
    var summary = SampleData.load(entities, Model.get());
    var counts = entities.counts();
    out.printf("Demo data loaded into %s: %d entities and %d statements added (%d already there); store holds %d entities, %d statements.%n",
        db.url(), summary.entitiesAdded(), summary.statementsAdded(), summary.statementsUnchanged(), counts.entities(), counts.statements());
    org.mirabella.access.DemoLogins.create(db, out);
    if (noServe) {
      db.close();
      return;
    }
    ServeCommand.serveUntilStopped(db, store, serve, out);
  }
}
