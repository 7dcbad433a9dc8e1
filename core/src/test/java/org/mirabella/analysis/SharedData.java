package org.mirabella.analysis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the published networks in {@code shared/data/networks}, the folder beside the repository
 * ({@code ../shared/data} from the repository root). Tests that need them are skipped (not failed)
 * where the folder is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The file {@code shared/data/networks/<relative>}, or a skipped test if it is absent. */
  public static Path network(String relative) {
    Path base = networksDir();
    assumeTrue(base != null, "shared/data/networks not found beside the repository: skipped");
    Path p = base.resolve(relative);
    assumeTrue(Files.exists(p), p + " absent: skipped");
    return p;
  }

  static Path networksDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve("networks");
      if (Files.isDirectory(candidate)) return candidate;
      Path sibling = dir.resolveSibling("shared").resolve("data").resolve("networks");
      if (dir.getParent() != null && Files.isDirectory(sibling)) return sibling;
    }
    return null;
  }
}
