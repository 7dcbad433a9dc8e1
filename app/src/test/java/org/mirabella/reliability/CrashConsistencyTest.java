package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mirabella.reliability.CrashFixture.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.access.PasswordHasher;
import org.mirabella.access.Role;
import org.mirabella.access.UserStore;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.model.Model;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * An import, a cross-match run and a stream of judgements, each in a child JVM killed with SIGKILL
 * at a random moment (seeded; {@code -Dmirabella.crash.seeds=N} for more), then: the store opens,
 * {@code check} passes after {@code check --repair}, and re-running the work gives exactly what a
 * run never interrupted gives (statements, entities, hits); no acknowledged judgement is lost.
 */
class CrashConsistencyTest {
  /** Small enough for CI on a shared machine; {@code -Dmirabella.crash.persons=20000 -Dmirabella.crash.seeds=20} for a long run. */
  private static final int IT_PERSONS = Integer.getInteger("mirabella.crash.persons", 500);
  private static final int DE_PERSONS = IT_PERSONS / 5;
  private static final int SEEDS = Integer.getInteger("mirabella.crash.seeds", 2);
  private static Path work;
  private static Path template;
  private static Path reference;
  private static CrashFixture.Contents expected;
  private static long importMillis;

  @BeforeAll
  static void buildTemplateAndReference() throws Exception {
    work = Files.createTempDirectory("mirabella-crash");
    Files.writeString(work.resolve("persons.yaml"), CrashFixture.MAPPING);
    CrashFixture.persons(work.resolve("de.csv"), 0, DE_PERSONS);
    CrashFixture.persons(work.resolve("it.csv"), 0, IT_PERSONS);
    template = work.resolve("template");
    cli(0, "import", work.resolve("de.csv").toString(), "--agency", "DE", "--case", "DE-CRASH", "--mapping",
        work.resolve("persons.yaml").toString(), "--user", "crash-test", "--data", template.toString());
    cli(0, "check", "--repair", "--data", template.toString());

    // The run never interrupted: a child JVM like the killed ones, timed to choose the kill points.
    reference = work.resolve("reference");
    CrashFixture.copyTree(template, reference);
    long t0 = System.nanoTime();
    Process p = CrashFixture.child(work.resolve("reference.log"), importArgs(reference));
    assertThat(p.waitFor()).as(Files.readString(work.resolve("reference.log"))).isZero();
    importMillis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("crash test: uninterrupted import in a child JVM took %d ms%n", importMillis);
    cli(0, "check", "--repair", "--data", reference.toString());
    cli(0, "xref", "--data", reference.toString());
    cli(0, "check", "--data", reference.toString());
    expected = CrashFixture.Contents.of(reference);
    assertThat(expected.statements()).hasSizeGreaterThan(IT_PERSONS * 4);
    assertThat(expected.hits()).as("IT's import meets DE's persons").hasSizeGreaterThanOrEqualTo(DE_PERSONS / 2);
  }

  @AfterAll
  static void cleanUp() {
    if (work != null) CrashFixture.deleteTree(work);
  }

  private static String[] importArgs(Path data, String... more) {
    List<String> a = new ArrayList<>(List.of("import", work.resolve("it.csv").toString(), "--agency", "IT", "--case", "IT-CRASH",
        "--mapping", work.resolve("persons.yaml").toString(), "--user", "crash-test", "--data", data.toString()));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  /** Kills {@code p} at a random moment of the first {@code millis}; whether it had finished by then. */
  private static boolean killWithin(Process p, Random rnd, long millis) throws InterruptedException {
    long at = (long) (millis * (0.15 + 0.8 * rnd.nextDouble()));
    boolean finished = p.waitFor(at, java.util.concurrent.TimeUnit.MILLISECONDS);
    CrashFixture.kill(p);
    return finished;
  }

  @Test
  void anImportKilledAtAnyPointIsCompletedByRunningItAgain() throws Exception {
    for (int seed = 1; seed <= SEEDS; seed++) {
      Path data = work.resolve("import-" + seed);
      boolean finished = true;
      // The machine's load varies: a run that finished before its kill point is redone with an earlier one.
      for (long window = importMillis; finished && window > 200; window /= 2) {
        CrashFixture.deleteTree(data);
        CrashFixture.copyTree(template, data);
        Process p = CrashFixture.child(work.resolve("import-" + seed + ".log"), importArgs(data));
        finished = killWithin(p, new Random(seed), window);
      }
      System.out.printf("crash test: import seed %d killed (had finished: %s)%n", seed, finished);

      cli(0, importArgs(data));
      cli(0, "check", "--repair", "--data", data.toString());
      String check = cli(0, "check", "--data", data.toString());
      assertThat(check).as("seed %d (finished before the kill: %s)", seed, finished).contains("audit:", "chain intact");
      CrashFixture.Contents got = CrashFixture.Contents.of(data);
      assertThat(got.statements()).as("seed %d: statements", seed).isEqualTo(expected.statements());
      assertThat(got.retracted()).as("seed %d: retractions", seed).isEqualTo(expected.retracted());
      assertThat(got.entities()).as("seed %d: entities", seed).isEqualTo(expected.entities());
      // A kill during cross-matching can leave the batch in progress unscored: xref completes it.
      cli(0, "xref", "--data", data.toString());
      assertThat(CrashFixture.Contents.of(data).hits()).as("seed %d: hits", seed).isEqualTo(expected.hits());
      CrashFixture.deleteTree(data);
    }
  }

  @Test
  void aCrossMatchRunKilledAtAnyPointIsCompletedByRunningItAgain() throws Exception {
    Path unmatched = work.resolve("unmatched");
    CrashFixture.copyTree(template, unmatched);
    cli(0, importArgs(unmatched, "--no-match"));
    long t0 = System.nanoTime();
    Path timed = work.resolve("xref-timed");
    CrashFixture.copyTree(unmatched, timed);
    Process whole = CrashFixture.child(work.resolve("xref-timed.log"), "xref", "--data", timed.toString());
    assertThat(whole.waitFor()).isZero();
    long xrefMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(CrashFixture.Contents.of(timed).hits()).isEqualTo(expected.hits());

    System.out.printf("crash test: uninterrupted xref in a child JVM took %d ms%n", xrefMillis);
    for (int seed = 1; seed <= Math.max(1, SEEDS - 1); seed++) {
      Path data = work.resolve("xref-" + seed);
      boolean finished = true;
      for (long window = xrefMillis; finished && window > 200; window /= 2) {
        CrashFixture.deleteTree(data);
        CrashFixture.copyTree(unmatched, data);
        Process p = CrashFixture.child(work.resolve("xref-" + seed + ".log"), "xref", "--data", data.toString());
        finished = killWithin(p, new Random(100 + seed), window);
      }
      System.out.printf("crash test: xref seed %d killed (had finished: %s)%n", seed, finished);
      try (Database db = Database.embedded(data)) {
        assertThat(new JdbcAuditLog(db).verify().intact()).as("seed %d: audit chain after the kill", seed).isTrue();
      }
      cli(0, "xref", "--data", data.toString());
      cli(0, "check", "--repair", "--data", data.toString());
      cli(0, "check", "--data", data.toString());
      CrashFixture.Contents got = CrashFixture.Contents.of(data);
      assertThat(got.hits()).as("seed %d: hits", seed).isEqualTo(expected.hits());
      assertThat(got.statements()).as("seed %d: statements", seed).isEqualTo(expected.statements());
      CrashFixture.deleteTree(data);
    }
  }

  @Test
  void noAcknowledgedJudgementIsLostWhenTheServerIsKilled() throws Exception {
    Path data = work.resolve("judge");
    CrashFixture.copyTree(reference, data);
    try (Database db = Database.embedded(data)) {
      new UserStore(db, new PasswordHasher(1024, 1, 1)).add("it.crash", "IT", Set.of(Role.ANALYST), "crash test password".toCharArray());
    }
    Path log = work.resolve("judge.log");
    Process server = CrashFixture.child(log, "serve", "--port", "0", "--data", data.toString());
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try {
      int port = awaitPort(server, log);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      ObjectMapper json = new ObjectMapper();
      String base = "http://127.0.0.1:" + port;
      var login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"it.crash\",\"password\":\"crash test password\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      String token = json.readTree(login.body()).get("token").asText();
      var hits = http.send(HttpRequest.newBuilder(URI.create(base + "/api/hits")).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      List<String> refs = new ArrayList<>();
      for (JsonNode h : json.readTree(hits.body())) refs.add(h.get("ref").asText());
      assertThat(refs).hasSizeGreaterThanOrEqualTo(DE_PERSONS / 2);

      // Four clients judge disjoint hits until the server dies under them.
      AtomicBoolean dead = new AtomicBoolean();
      try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
        for (int c = 0; c < 4; c++) {
          int client = c;
          clients.submit(() -> {
            for (int i = client; i < refs.size() && !dead.get(); i += 4) {
              String reason = "crash-" + client + "-" + i;
              String body = "{\"judgement\":\"" + (i % 3 == 0 ? "rejected" : "confirmed") + "\",\"reason\":\"" + reason + "\"}";
              try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/hits/" + refs.get(i) + "/judgements"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) acknowledged.add(reason);
              } catch (Exception e) {
                return; // the server is gone
              }
            }
          });
        }
        Thread.sleep(1_500 + new Random(7).nextInt(1_500));
        dead.set(true);
        CrashFixture.kill(server);
      }
    } finally {
      if (server.isAlive()) CrashFixture.kill(server);
    }
    assertThat(acknowledged).as("judgements acknowledged before the kill").isNotEmpty();
    System.out.printf("crash test: %d judgements acknowledged before the server was killed%n", acknowledged.size());

    try (Database db = Database.embedded(data); SearchIndex index = SearchIndex.open(data.resolve("index"), SearchIndex::matchingNameKeys)) {
      Set<String> stored = Set.copyOf(db.jdbi().withHandle(h -> h.createQuery("SELECT reason FROM hit_judgement").mapTo(String.class).list()));
      assertThat(stored).as("every acknowledged judgement survived").containsAll(acknowledged);
      long judged = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM hit_judgement").mapTo(Long.class).one());
      long audited = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'hit.judge'")
          .mapTo(Long.class).one());
      assertThat(audited).as("each judgement audited with it, none without it").isEqualTo(judged);
      StoreCheck.Report r = new StoreCheck(db, new EntityStore(db, Model.get()), index).repair();
      assertThat(r.consistent()).as(r.toString()).isTrue();
    }
  }

  private static int awaitPort(Process server, Path log) throws Exception {
    Pattern serving = Pattern.compile("serving at http://[^:]+:(\\d+)/");
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      Matcher m = serving.matcher(Files.readString(log));
      if (m.find()) return Integer.parseInt(m.group(1));
      if (!server.isAlive()) throw new AssertionError("the server exited:\n" + Files.readString(log));
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not start:\n" + Files.readString(log));
  }
}
