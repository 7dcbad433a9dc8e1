package org.mirabella.cli;

import java.util.concurrent.CountDownLatch;
import org.mirabella.http.MirabellaServer;
import org.mirabella.http.ServerContext;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Serves the API and web UI on the store until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the web UI and the REST API on the store.")
final class ServeCommand implements Runnable {
  @Mixin StoreOptions store;
  @Mixin ServeOptions serve;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    Database db = store.open();
    serveUntilStopped(db, store, serve, spec.commandLine().getOut());
  }

  static void serveUntilStopped(Database db, StoreOptions store, ServeOptions serve, java.io.PrintWriter out) {
    MirabellaServer server;
    SearchIndex index = store.openIndex();
    try {
      org.mirabella.reliability.StartupRepair.repairIndex(db, index);
      server = new MirabellaServer(ServerContext.of(db, index)).start(serve.host, serve.port);
    } catch (RuntimeException e) {
      index.close();
      db.close();
      throw new Main.UserError("cannot listen on " + serve.host + ":" + serve.port + ": " + rootMessage(e));
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      index.close();
      db.close();
      stop.countDown();
    }));
    out.printf("Mirabella is serving at http://%s:%d/ (API description at /api/openapi.json). Ctrl-C stops it.%n",
        serve.host, server.port());
    out.flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage();
  }
}
