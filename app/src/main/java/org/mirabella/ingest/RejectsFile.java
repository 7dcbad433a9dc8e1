package org.mirabella.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rejects file: CSV with {@code file,line,column,reason,row}, the row as the source gave it.
 * Created at the first reject, so a clean import leaves no file behind.
 */
public final class RejectsFile implements Consumer<Reject>, AutoCloseable {
  public static final String HEADER = "file,line,column,reason,row";
  private final Path path;
  private BufferedWriter out;
  private long count;

  public RejectsFile(Path path) {
    this.path = path;
  }

  /** {@code FILE.rejects.csv} beside the (first) input. */
  public static Path beside(Path input) {
    return input.resolveSibling(input.getFileName() + ".rejects.csv");
  }

  public Path path() {
    return path;
  }

  public long count() {
    return count;
  }

  @Override
  public void accept(Reject r) {
    try {
      if (out == null) {
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
      }
      out.write(Csv.join(List.of(r.file(), Long.toString(r.line()), r.column(), r.reason(), r.row())));
      out.write('\n');
      count++;
    } catch (IOException e) {
      throw new Unwritable(path, e);
    }
  }

  /** The rejects file cannot be created or written (a missing or read-only folder, a full disk). */
  public static final class Unwritable extends UncheckedIOException {
    Unwritable(Path path, IOException cause) {
      super("cannot write the rejects file " + path + " (" + describe(cause) + ")", cause);
    }

    private static String describe(IOException e) {
      if (e instanceof java.nio.file.NoSuchFileException) return "no such folder";
      if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
      if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
      return e.getMessage();
    }
  }

  @Override
  public void close() {
    if (out == null) return;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
