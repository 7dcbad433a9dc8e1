package org.mirabella.cli;

import picocli.CommandLine.Option;

/** Where the server listens. */
public class ServeOptions {
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}; only this machine can connect).")
  String host;
}
