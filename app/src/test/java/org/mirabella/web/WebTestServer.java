package org.mirabella.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.http.MirabellaServer;
import org.mirabella.http.ServerContext;
import org.mirabella.model.Model;
import org.mirabella.store.Database;

/**
 * Mirabella as {@code mirabella demo} runs it: an embedded H2 store in a new data folder, the demo
 * data loaded, served on 127.0.0.1 at a random port.
 */
final class WebTestServer implements AutoCloseable {
  final Path data;
  final Database db;
  final MirabellaServer server;

  WebTestServer() {
    try {
      data = Files.createTempDirectory("mirabella-web-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    db = Database.embedded(data);
    ServerContext ctx = ServerContext.of(db);
    ctx.entities().ensureAgencies(Agencies.get());
    SampleData.load(ctx.entities(), Model.get());
    createAccounts(db);
    server = new MirabellaServer(ctx).start("127.0.0.1", 0);
  }

  /**
   * The demo's analyst accounts with known passwords ({@link DemoAccounts}), plus a DPO, where the
   * server has accounts (the access feature). Reflection keeps this class compiling before it lands.
   */
  private static void createAccounts(Database db) {
    Class<?> userStore;
    Class<?> role;
    try {
      userStore = Class.forName("org.mirabella.access.UserStore");
      role = Class.forName("org.mirabella.access.Role");
    } catch (ClassNotFoundException e) {
      return;
    }
    try {
      Object users = userStore.getConstructor(Database.class).newInstance(db);
      var add = userStore.getMethod("add", String.class, String.class, java.util.Set.class, char[].class);
      for (DemoAccounts a : DemoAccounts.values()) {
        Object r = role.getField(a.role()).get(null);
        add.invoke(users, a.user(), a.agency(), java.util.Set.of(r), a.password().toCharArray());
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the test accounts", e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Whether the server has this API route ("GET /api/search"): a feature's branch may not be merged yet. */
  boolean has(String route) {
    return server.api().routes().stream().anyMatch(r -> (r.method() + " " + r.path()).equalsIgnoreCase(route));
  }

  /** Skips the calling test until the feature that serves {@code route} has landed. */
  void assumeApi(String route) {
    Assumptions.assumeTrue(has(route), () -> "the server has no " + route + " yet (its feature branch is not merged)");
  }

  @Override
  public void close() {
    server.close();
    db.close();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary folder is harmless
    }
  }
}
