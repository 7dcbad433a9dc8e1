package org.mirabella.cli;

import java.nio.file.Path;
import org.mirabella.store.Backup;
import org.mirabella.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An online, consistent backup of the whole store with a checksum manifest. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Write an online, consistent backup of the store (every table, with a manifest of row counts and checksums).")
final class BackupCommand implements Runnable {
  @Mixin StoreOptions store;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The backup file to write (a zip).")
  Path out;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    store.requireOutsideStore(out);
    Main.requireWritableFolder(out, "backup");
    try (Database db = store.openExisting()) {
      var tables = Backup.write(db, out);
      long rows = tables.stream().mapToLong(Backup.TableEntry::rows).sum();
      spec.commandLine().getOut().printf("Backed up %s to %s: %d tables, %d rows.%nManifest SHA-256 (keep it apart from the file): %s%n",
          db.url(), out, tables.size(), rows, Backup.manifestDigest(out));
    }
  }
}
