package org.mirabella.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * Serves the web application: its own files from {@code /public} on the class path at {@code /},
 * and the front-end libraries (Cytoscape.js, Leaflet) from their WebJars at {@code /webjars}.
 * No build step and no Node: the pages are static HTML and ES modules.
 */
public final class WebUi {
  private WebUi() {}

  /**
   * For working on the pages: {@code -Dmirabella.web.dir=app/src/main/resources/public} (or
   * {@code MIRABELLA_WEB_DIR}) serves them from that folder, so an edit shows on reload.
   */
  static final String DEV_DIR_PROPERTY = "mirabella.web.dir";

  public static void configure(JavalinConfig config) {
    String devDir = System.getProperty(DEV_DIR_PROPERTY, System.getenv("MIRABELLA_WEB_DIR"));
    config.staticFiles.add(s -> {
      s.hostedPath = "/";
      s.directory = devDir == null || devDir.isBlank() ? "/public" : devDir;
      s.location = devDir == null || devDir.isBlank() ? Location.CLASSPATH : Location.EXTERNAL;
      s.mimeTypes.add("text/javascript", "mjs");
      s.mimeTypes.add("application/geo+json", "geojson");
      // Revalidate on every load (ETag), so a new version is picked up at once.
      s.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
    });
    // Like config.staticFiles.enableWebjars(), plus the module MIME type for Cytoscape's .mjs build.
    config.staticFiles.add(s -> {
      s.hostedPath = "/webjars";
      s.directory = "META-INF/resources/webjars";
      s.location = Location.CLASSPATH;
      s.mimeTypes.add("text/javascript", "mjs");
      s.headers = Map.of("Cache-Control", "max-age=31536000, immutable", "X-Content-Type-Options", "nosniff");
    });
  }
}
