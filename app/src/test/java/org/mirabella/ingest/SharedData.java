package org.mirabella.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared data sets beside the repository ({@code ../shared/data}), found by walking up from the working dir. */
final class SharedData {
  private SharedData() {}

  /** The file under shared/data; the test is skipped where it is absent. */
  static Path require(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve("shared/data").resolve(relative);
      if (Files.exists(f)) return f;
    }
    Assumptions.abort("shared/data/" + relative + " is not here (it lies beside the repository on the team's machines)");
    return null;
  }
}
