package org.mirabella.cli;

import java.nio.file.Path;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Option;

/** Where the store is: {@code --data DIR} (embedded, default ./data or MIRABELLA_DATA) or {@code --db URL}. */
public class StoreOptions {
  @Option(names = "--data", paramLabel = "DIR", description = "Data folder of the embedded store (default: $MIRABELLA_DATA or ./data).")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "A PostgreSQL database instead of the embedded store, e.g. jdbc:postgresql://localhost/mirabella "
          + "(credentials from MIRABELLA_DB_USER / MIRABELLA_DB_PASSWORD or PGUSER / PGPASSWORD).")
  String db;

  public Path dataDir() {
    if (data != null) return data;
    String env = System.getenv("MIRABELLA_DATA");
    return Path.of(env == null || env.isBlank() ? "data" : env);
  }

  /** The search index folder: {@code index} in the data folder (also with --db: the index is local). */
  public Path indexDir() {
    return dataDir().resolve("index");
  }

  /** Opens the search index beside the store. */
  public org.mirabella.search.SearchIndex openIndex() {
    return org.mirabella.search.SearchIndex.open(indexDir(), org.mirabella.search.SearchIndex::matchingNameKeys);
  }

  /** Opens the database (migrating it) and makes sure the agencies are known. */
  public Database open() {
    Database d = db == null ? Database.embedded(dataDir()) : Database.open(db, null, null);
    new EntityStore(d, Model.get()).ensureAgencies(Agencies.get());
    return d;
  }
}
