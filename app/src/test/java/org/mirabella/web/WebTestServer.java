package org.mirabella.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.mirabella.access.Role;
import org.mirabella.access.UserStore;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.Hit;
import org.mirabella.hits.HitStore;
import org.mirabella.hits.ScoredPair;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.http.MirabellaServer;
import org.mirabella.http.ServerContext;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * Mirabella as {@code mirabella demo} runs it: an embedded H2 store in a new data folder, the demo
 * data loaded, served on 127.0.0.1 at a random port.
 */
final class WebTestServer implements AutoCloseable {
  final Path data;
  final Database db;
  final MirabellaServer server;
  /** The server's store and search index, for a journey that adds records of its own. */
  final ServerContext context;
  final Hit hit;

  WebTestServer() {
    try {
      data = Files.createTempDirectory("mirabella-web-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    db = Database.embedded(data);
    EntityStore entities = new EntityStore(db, Model.get());
    entities.ensureAgencies(Agencies.get());
    SampleData.load(entities, Model.get());
    createAccounts(db);
    hit = recordHit(db);
    // The context builds its search index from the store: after the data is loaded, as at serve.
    context = ServerContext.of(db);
    server = new MirabellaServer(context).start("127.0.0.1", 0);
  }

  /** The demo's analyst accounts with known passwords ({@link DemoAccounts}), plus a DPO. */
  private static void createAccounts(Database db) {
    UserStore users = new UserStore(db);
    for (DemoAccounts a : DemoAccounts.values()) {
      users.add(a.user(), a.agency(), Set.of(Role.valueOf(a.role())), a.password().toCharArray());
    }
  }

  /**
   * The hit the matching engine finds in the demo data between the Italian and the British records
   * of the same man (same phone, names across spellings), recorded directly so the release journey
   * does not depend on the engine's thresholds.
   */
  private static Hit recordHit(Database db) {
    return new HitStore(db, new JdbcAuditLog(db))
        .record(new ScoredPair("it-sco-0001", "uk-nca-5521", 0.97, ScoredPair.Band.HIGH, Set.of("name", "phone"), "web-test"))
        .orElseThrow();
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
