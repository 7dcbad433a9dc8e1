package org.mirabella.cli;

import java.util.List;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.demo.SampleData;
import org.mirabella.hits.HitStore;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;
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

  @Option(names = "--scenario", paramLabel = "SCALE", defaultValue = "demo",
      description = "Scale of the synthetic G7 case file loaded with the demo (every agency's files through their import "
          + "mappings, then cross-matched): demo (1,000 persons, the default), 10k, or a number of persons.")
  String scenario;

  @Option(names = "--no-scenario", description = "Load only the small sample case file, without the synthetic case file and the joint action days (quick start).")
  boolean noScenario;

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
    if (!noScenario) {
      var s = org.mirabella.scenario.cli.ScenarioDemo.load(db, entities, org.mirabella.scenario.Scale.parse(scenario), out);
      var all = entities.counts();
      out.printf("Synthetic case file loaded: %d files, %d rows read (%d deliberately bad rows rejected), %d entities and %d "
          + "statements added, %d cross-agency hits; store holds %d entities, %d statements.%n", s.files(), s.rows(), s.rejected(),
          s.entitiesAdded(), s.statementsAdded(), s.hits(), all.entities(), all.statements());
    }
    if (!noScenario) {
      var a = org.mirabella.actions.JointActionDemo.load(db, entities, Model.get());
      out.printf("Joint action days: %d operations with %d tasks, %d field checks (%d hits) and %d outcomes; %d route records.%n",
          a.operations(), a.tasks(), a.checks(), a.hits(), a.outcomes(), a.routeEntities());
    }
    var matched = matchUnkeyed(db, entities);
    out.printf("Demo records cross-matched against other agencies: %d entities, %d hits.%n", matched.entities(), matched.hits());
    org.mirabella.access.DemoLogins.create(db, out);
    if (noServe) {
      // Indexed now, so that the store is whole (`check` passes) and search is ready when it is served.
      try (var index = store.openIndex()) {
        var sync = org.mirabella.search.IndexSync.sync(entities, index);
        out.printf("Search index: %d records.%n", sync.inStore());
      }
      db.close();
      return;
    }
    ServeCommand.serveUntilStopped(db, store, serve, out);
  }

  /**
   * The sample and the joint action days' records are written straight into the store, not
   * imported, so nothing cross-matched them: without this the quick-start demo had no hits and
   * {@code check} reported their match keys missing. Matches every matchable entity that has no
   * match keys yet (the synthetic case file's imports keyed theirs), as an import would.
   */
  private static org.mirabella.xref.CrossMatcher.Summary matchUnkeyed(Database db, EntityStore entities) {
    List<String> matchable = Model.get().schemata().stream().filter(Schema::matchable).map(Schema::name).toList();
    List<String> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity e WHERE schema_name IN (<schemata>) "
            + "AND NOT EXISTS (SELECT 1 FROM match_key k WHERE k.entity_id = e.id) ORDER BY id")
        .bindList("schemata", matchable).mapTo(String.class).list());
    return new org.mirabella.xref.CrossMatcher(db, entities, new HitStore(db, new JdbcAuditLog(db))).match(ids);
  }
}
