package org.mirabella.ingest;

import java.nio.file.Path;

/** A file to import and the name it is reported under (an upload's original name, say). */
public record InputFile(Path path, String name) {
  public static InputFile of(Path path) {
    return new InputFile(path, path.getFileName().toString());
  }
}
