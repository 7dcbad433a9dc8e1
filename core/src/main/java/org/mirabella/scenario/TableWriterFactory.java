package org.mirabella.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens a writer for an agency table in the agency's format (see {@link TableWriters}). */
@FunctionalInterface
public interface TableWriterFactory {
  TableWriter open(Path file, AgencyProfile.Format format, List<String> header) throws IOException;
}
