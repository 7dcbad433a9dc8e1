package org.mirabella.matching.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code shared/data} beside the repository: walks up from the working directory. */
final class SharedData {
  private SharedData() {}

  static Optional<Path> find() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path s = d.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(s)) return Optional.of(s);
    }
    return Optional.empty();
  }

  /** A file under shared/data, or empty when the data (or the file) is absent. */
  static Optional<Path> file(String relative) {
    return find().map(d -> d.resolve(relative)).filter(Files::exists);
  }
}
