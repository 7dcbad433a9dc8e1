package org.mirabella.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the test resources under {@code ingest/} to a folder, so imports read real files. */
final class ImportFixtures {
  private ImportFixtures() {}

  static Path copy(String name, Path dir) {
    try (InputStream in = ImportFixtures.class.getClassLoader().getResourceAsStream("ingest/" + name)) {
      if (in == null) throw new IllegalArgumentException("no test resource ingest/" + name);
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
