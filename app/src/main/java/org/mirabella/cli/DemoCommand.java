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

  @Option(names = "--scenario", arity = "0..1", fallbackValue = "demo", paramLabel = "SCALE",
      description = "Also load the synthetic G7 case file (every agency's files through their import mappings, "
          + "then cross-matched) at this scale (default when given: demo, 1,000 persons).")
  String scenario;

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
    if (scenario != null) {
      var s = org.mirabella.scenario.cli.ScenarioDemo.load(db, entities, org.mirabella.scenario.Scale.parse(scenario), out);
      var all = entities.counts();
      out.printf("Synthetic case file loaded: %d files, %d rows read (%d deliberately bad rows rejected), %d entities and %d "
          + "statements added, %d cross-agency hits; store holds %d entities, %d statements.%n", s.files(), s.rows(), s.rejected(),
          s.entitiesAdded(), s.statementsAdded(), s.hits(), all.entities(), all.statements());
    }
    org.mirabella.access.DemoLogins.create(db, out);
    if (noServe) {
      db.close();
      return;
    }
    ServeCommand.serveUntilStopped(db, store, serve, out);
  }
}
