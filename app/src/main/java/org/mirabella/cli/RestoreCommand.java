package org.mirabella.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mirabella.search.IndexSync;
import org.mirabella.store.Backup;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Restores a backup into an empty store, verified against its manifest, and rebuilds the index. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore a backup into an empty store (--data DIR or --db URL); every table is verified against the backup's manifest.")
final class RestoreCommand implements Runnable {
  @Mixin StoreOptions store;

  @Parameters(paramLabel = "FILE", description = "A backup written by 'mirabella backup'.")
  Path file;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    if (!Files.isReadable(file)) throw new Main.UserError("cannot read backup " + file);
    try (Database db = store.open(); var index = store.openIndex()) {
      var tables = Backup.restore(file, db);
      var sync = IndexSync.sync(new EntityStore(db, org.mirabella.model.Model.get()), index);
      long rows = tables.stream().mapToLong(Backup.TableEntry::rows).sum();
      spec.commandLine().getOut().printf("Restored %s into %s: %d tables, %d rows, every checksum equal; search index holds %d entities.%n",
          file, db.url(), tables.size(), rows, sync.inStore());
    }
  }
}
