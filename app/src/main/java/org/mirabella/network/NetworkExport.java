package org.mirabella.network;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import org.mirabella.model.Entity;

/**
 * One export format of a viewer's network. {@code records} are the visible entities behind the
 * nodes and edges (for formats that carry whole records, such as FtM); formats that only draw the
 * chart ignore them. {@link NetworkExports} lists the formats served; a richer exporter (e.g. the
 * core's {@code analysis.io} writers) plugs in by implementing this.
 */
public interface NetworkExport {
  String format();

  String contentType();

  String extension();

  void write(Graph graph, Collection<Entity> records, OutputStream out) throws IOException;
}
