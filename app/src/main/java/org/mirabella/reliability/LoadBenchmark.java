package org.mirabella.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.mirabella.access.PasswordHasher;
import org.mirabella.access.Role;
import org.mirabella.access.UserStore;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load benchmark: {@code --analysts} concurrent analysts (virtual threads, one login each)
 * searching, opening profiles and reading their hits inbox against a server on loopback, while one
 * import runs through the API. Prints p50/p95/p99 per request kind, throughput, errors and
 * refusals, the server's and this process's CPU time beside the wall time, and whether the import's
 * statements are all in the store afterwards. With {@code --data} it creates the bench accounts,
 * starts {@code mirabella serve} on that store as a child process and stops it after.
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Load benchmark: concurrent analysts against a server, with an import running.")
public final class LoadBenchmark implements Runnable {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Embedded store to serve (built before, e.g. by 'mirabella demo --scenario'); "
      + "with --db, the folder of the server's search index and log.")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = "Serve this PostgreSQL store (e.g. filled by 'mirabella migrate') instead of the embedded one.")
  String db;

  @Option(names = "--analysts", defaultValue = "200", description = "Concurrent analysts (default ${DEFAULT-VALUE}).")
  int analysts;

  @Option(names = "--duration", defaultValue = "60", description = "Seconds of load (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warm-up", defaultValue = "0", paramLabel = "SECONDS", description = "Seconds of load before anything is measured "
      + "(the server's caches fill, as on a server that has run for a while); the import starts after it (default ${DEFAULT-VALUE}).")
  int warmUp;

  /** Whether requests are measured (false during the warm-up). */
  private volatile boolean recording;

  @Option(names = "--think-ms", defaultValue = "1000", description = "Pause of each analyst between requests, uniformly 0..2x this (default ${DEFAULT-VALUE} ms).")
  int thinkMs;

  /**
   * How analysts pause between requests. {@code aggressive}: uniformly 0..2x{@code --think-ms}
   * (1 s mean), far faster than a person reads, a stress test. {@code interactive}: a person reading
   * what came back, as the TPC-W benchmark models a web user's think time (clause 5.3.1.1): negative
   * exponential with a 7 s mean, cut at 70 s (10x the mean).
   */
  enum Pacing { AGGRESSIVE, INTERACTIVE }

  @Option(names = "--pacing", defaultValue = "aggressive", description = "aggressive (uniform 0..2x --think-ms) or interactive "
      + "(negative exponential, mean 7 s, at most 70 s, as TPC-W's think time). Default ${DEFAULT-VALUE}.")
  String pacing;

  static final double INTERACTIVE_MEAN_MS = 7_000;
  static final double INTERACTIVE_MAX_MS = 70_000;

  /** The next pause of an analyst, in milliseconds. */
  static long pause(Pacing p, int thinkMs, Random rnd) {
    return switch (p) {
      case AGGRESSIVE -> thinkMs > 0 ? rnd.nextInt(2 * thinkMs + 1) : 0;
      case INTERACTIVE -> (long) Math.min(INTERACTIVE_MAX_MS, -Math.log(1 - rnd.nextDouble()) * INTERACTIVE_MEAN_MS);
    };
  }

  private Pacing pacing() {
    try {
      return Pacing.valueOf(pacing.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--pacing: '" + pacing + "' is not aggressive or interactive");
    }
  }

  @Option(names = "--import-rows", defaultValue = "5000", description = "Rows of the CSV imported through the API during the load (0: none).")
  int importRows;

  @Option(names = "--port", defaultValue = "7171", description = "Port for the server (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--server-opts", defaultValue = "-Xmx2g", description = "JVM options of the server process.")
  String serverOpts;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] AGENCIES = {"IT", "DE", "UK", "FR", "US", "JP", "CA", "LY"};
  private static final String PASSWORD = "bench password not for production";

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadBenchmark()).execute(args));
  }

  /** Latencies of one request kind: all of them, and those that overlapped the import. */
  private record Kind(String name, ConcurrentHistogram latency, ConcurrentHistogram duringImport, AtomicLong errors, AtomicLong refused) {
    Kind(String name) {
      this(name, new ConcurrentHistogram(60_000_000L, 3), new ConcurrentHistogram(60_000_000L, 3), new AtomicLong(), new AtomicLong());
    }
  }

  /** Whether the import's request is under way (requests that overlap it are also counted apart). */
  private volatile boolean importing;

  @Override
  public void run() {
    PrintWriter out = new PrintWriter(System.out, true);
    pacing(); // a bad --pacing fails before anything starts
    try {
      List<String> users = prepareUsers();
      Process server = startServer();
      try {
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10)).build();
        awaitReady(http, base, server);
        long statementsBefore = statements(http, base);
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (String k : List.of("search", "profile", "hits", "login")) kinds.put(k, new Kind(k));
        Map<String, Object> importResult = new ConcurrentHashMap<>();
        long end = System.nanoTime() + (warmUp + (long) seconds) * 1_000_000_000L;
        double load0;
        long serverCpu0;
        long ownCpu0;
        long t0;
        recording = warmUp <= 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
          for (int a = 0; a < analysts; a++) {
            String user = users.get(a % users.size());
            long seed = a;
            threads.submit(() -> analyst(http, base, user, new Random(seed), end, kinds));
          }
          if (warmUp > 0) {
            Thread.sleep(warmUp * 1_000L);
            out.printf("warm-up: %d s of the same load, not measured%n", warmUp);
          }
          load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
          serverCpu0 = cpuNanos(server);
          ownCpu0 = ownCpuNanos();
          t0 = System.nanoTime();
          recording = true;
          if (importRows > 0) threads.submit(() -> importDuringLoad(http, base, users.get(0), importResult));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double serverCpu = (cpuNanos(server) - serverCpu0) / 1e9;
        double ownCpu = (ownCpuNanos() - ownCpu0) / 1e9;
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report(out, kinds, wall, serverCpu, ownCpu, load0, load1);
        Thread.sleep(6_000); // /api/health caches its counts for 5 s
        long statementsAfter = statements(http, base);
        if (importRows > 0) {
          Object added = importResult.get("statementsAdded");
          out.printf("import during the load: %s rows in %s ms (refused %s times first), %s statements added; store statements %d -> %d (+%d): %s%n",
              importResult.get("rowsRead"), importResult.get("millis"), importResult.get("refusals"), added, statementsBefore, statementsAfter,
              statementsAfter - statementsBefore, added instanceof Number n && n.longValue() == statementsAfter - statementsBefore
                  ? "0 statements lost" : "MISMATCH " + importResult);
        }
      } finally {
        server.destroy();
        server.waitFor();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One bench analyst per agency and number, with cheap password hashes (logins are not what is measured). */
  private List<String> prepareUsers() {
    List<String> users = new ArrayList<>();
    try (Database db = this.db == null ? Database.embedded(data) : Database.open(this.db, null, null)) {
      new EntityStore(db, Model.get()).ensureAgencies(Agencies.get());
      UserStore store = new UserStore(db, new PasswordHasher(1024, 1, 1));
      for (String agency : AGENCIES) {
        String name = "bench." + agency.toLowerCase(java.util.Locale.ROOT);
        if (store.find(name).isPresent()) store.setPassword(name, PASSWORD.toCharArray());
        else store.add(name, agency, Set.of(Role.ANALYST), PASSWORD.toCharArray());
        users.add(name);
      }
    }
    return users;
  }

  private Process startServer() throws IOException {
    java.nio.file.Files.createDirectories(data);
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(serverOpts.trim().split("\\s+")));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mirabella.cli.Main", "serve", "--data", data.toString(),
        "--port", String.valueOf(port)));
    if (db != null) cmd.addAll(List.of("--db", db));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("bench-server.log").toFile()).start();
  }

  private static void awaitReady(HttpClient http, String base, Process server) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 600_000;
    while (System.currentTimeMillis() < deadline) {
      if (!server.isAlive()) throw new IllegalStateException("the server exited; see bench-server.log in the data folder");
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/ready")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the server did not become ready");
  }

  private static long statements(HttpClient http, String base) throws IOException, InterruptedException {
    var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).get("statements").asLong();
  }

  private static String login(HttpClient http, String base, String user) throws IOException, InterruptedException {
    HttpResponse<String> r;
    while (true) {
      r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 429 && r.statusCode() != 503) break;
      Thread.sleep(1_000L * Integer.parseInt(r.headers().firstValue("Retry-After").orElse("2"))); // at capacity: wait as told
    }
    if (r.statusCode() != 200) throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
    return JSON.readTree(r.body()).get("token").asText();
  }

  /** One analyst: log in, then search, open a profile from the results, read the hits inbox, with think time between. */
  private void analyst(HttpClient http, String base, String user, Random rnd, long end, Map<String, Kind> kinds) {
    String token = null;
    Kind logins = kinds.get("login");
    if (pacing() == Pacing.INTERACTIVE) {
      // People sign in over a while, not all in one millisecond: each arrives within the first mean think time.
      try {
        Thread.sleep(rnd.nextInt((int) INTERACTIVE_MEAN_MS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    while (token == null && System.nanoTime() < end) {
      long t = System.nanoTime();
      try {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (recording) logins.latency().recordValue(Math.max(1, (System.nanoTime() - t) / 1_000));
        if (r.statusCode() == 200) {
          token = JSON.readTree(r.body()).get("token").asText();
        } else if (r.statusCode() == 429 || r.statusCode() == 503) {
          logins.refused().incrementAndGet(); // refused cleanly: wait as told, then try again
          Thread.sleep(1_000L * Integer.parseInt(r.headers().firstValue("Retry-After").orElse("2")));
        } else {
          logins.errors().incrementAndGet();
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        logins.errors().incrementAndGet();
        return;
      }
    }
    if (token == null) return;
    Pacing mode = pacing();
    List<String> terms = new ArrayList<>(List.of("a", "mohamed", "ahmed", "ali", "hassan", "omar", "ibrahim", "fatima", "amira", "youssef"));
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < end) {
      int pick = rnd.nextInt(10);
      try {
        if (pick < 5 || seen.isEmpty()) {
          JsonNode r = call(http, kinds.get("search"), base + "/api/search?limit=20&q="
              + URLEncoder.encode(terms.get(rnd.nextInt(terms.size())), StandardCharsets.UTF_8), token);
          if (r != null) {
            for (JsonNode hit : r.path("results")) {
              if (hit.hasNonNull("id") && seen.size() < 200) seen.add(hit.get("id").asText());
              JsonNode names = hit.path("properties").path("name");
              if (names.isArray() && !names.isEmpty() && terms.size() < 200) {
                String first = names.get(0).isTextual() ? names.get(0).asText() : names.get(0).path("value").asText();
                if (!first.isBlank()) terms.add(first.split("\\s+")[0]);
              }
            }
          }
        } else if (pick < 8) {
          call(http, kinds.get("profile"), base + "/api/entities/" + URLEncoder.encode(seen.get(rnd.nextInt(seen.size())),
              StandardCharsets.UTF_8), token);
        } else {
          call(http, kinds.get("hits"), base + "/api/hits", token);
        }
        // A pause never runs past the end (an interactive one can be 70 s): the wall time is the load's.
        long pause = Math.min(pause(mode, thinkMs, rnd), Math.max(0, (end - System.nanoTime()) / 1_000_000));
        if (pause > 0) Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A GET, timed; 429/503 count as refusals, anything else not 2xx (or an exception) as an error. */
  private JsonNode call(HttpClient http, Kind kind, String url, String token) throws InterruptedException {
    long t = System.nanoTime();
    boolean overlapped = importing;
    try {
      var r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
          .header("X-Justification", "load benchmark").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      long micros = Math.max(1, (System.nanoTime() - t) / 1_000);
      if (recording) {
        kind.latency().recordValue(micros);
        if (overlapped || importing) kind.duringImport().recordValue(micros);
      }
      if (r.statusCode() == 429 || r.statusCode() == 503) {
        if (recording) kind.refused().incrementAndGet();
        return null;
      }
      if (r.statusCode() / 100 != 2) {
        kind.errors().incrementAndGet(); // an error counts, warm-up or not
        return null;
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      kind.errors().incrementAndGet();
      return null;
    }
  }

  /** A person CSV imported through POST /api/imports while the analysts work. */
  private void importDuringLoad(HttpClient http, String base, String user, Map<String, Object> result) {
    try {
      String token = login(http, base, user);
      StringBuilder csv = new StringBuilder("person_id;first;last;born;doc\n");
      Random rnd = new Random(11);
      String[] first = {"Mario", "Amira", "Karim", "Elena", "Omar", "Lucia", "Yusuf", "Selam"};
      for (int i = 0; i < importRows; i++) {
        csv.append("lb").append(i).append(';').append(first[rnd.nextInt(first.length)]).append(";Benchmark").append(i).append(';')
            .append(1950 + rnd.nextInt(50)).append("-0").append(1 + rnd.nextInt(9)).append("-1").append(rnd.nextInt(9)).append(";LB")
            .append(5_000_000 + i).append('\n');
      }
      String mapping = """
          source: {format: csv, delimiter: ";", dateFormats: ["yyyy-MM-dd"]}
          entities:
            person:
              schema: Person
              keys: [person_id]
              properties:
                firstName: {column: first}
                lastName: {column: last}
                name: {template: "{first} {last}"}
                birthDate: {column: born}
                idNumber: {column: doc}
          """;
      String boundary = "----mirabella" + System.nanoTime();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      part(body, boundary, "case", null, "LOAD-BENCH-" + System.currentTimeMillis());
      part(body, boundary, "acceptRejects", null, "true");
      part(body, boundary, "mapping", "bench.yaml", mapping);
      part(body, boundary, "file", "bench.csv", csv.toString());
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      long t = System.nanoTime();
      HttpResponse<String> r;
      int refusals = 0;
      importing = true;
      while (true) {
        r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 429 && r.statusCode() != 503) break;
        // Refused cleanly at capacity: an uploading analyst waits as told and sends it again.
        refusals++;
        Thread.sleep(1_000L * Integer.parseInt(r.headers().firstValue("Retry-After").orElse("2")));
      }
      importing = false;
      result.put("refusals", refusals);
      result.put("millis", (System.nanoTime() - t) / 1_000_000);
      result.put("status", r.statusCode());
      JsonNode j = JSON.readTree(r.body());
      result.put("statementsAdded", j.path("statementsAdded").asLong(-1));
      result.put("rowsRead", j.path("read").path("rowsRead").asLong(j.path("rowsRead").asLong(-1)));
      if (r.statusCode() != 200) result.put("body", r.body().length() > 500 ? r.body().substring(0, 500) : r.body());
    } catch (Exception e) {
      result.put("error", e.toString());
    } finally {
      importing = false;
    }
  }

  private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, String value) throws IOException {
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.write(value.getBytes(StandardCharsets.UTF_8));
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private void report(PrintWriter out, Map<String, Kind> kinds, double wall, double serverCpu, double ownCpu, double load0, double load1) {
    String think = pacing() == Pacing.AGGRESSIVE ? "think time uniform 0-" + 2 * thinkMs + " ms"
        : "think time negative exponential, mean " + (long) INTERACTIVE_MEAN_MS + " ms, at most " + (long) INTERACTIVE_MAX_MS + " ms";
    out.printf("load: %d analysts (%s), %.1f s wall; server process CPU %.1f s (%.2f cores), load generator CPU %.1f s; "
        + "load average %.1f at start, %.1f at end; %d cores%n", analysts, think, wall, serverCpu, serverCpu / wall, ownCpu, load0, load1,
        Runtime.getRuntime().availableProcessors());
    out.println("| request | count | per s | p50 ms | p95 ms | p99 ms | max ms | errors | refused (429/503) |");
    out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    long total = 0;
    long errors = 0;
    for (Kind k : kinds.values()) {
      Histogram h = k.latency();
      total += h.getTotalCount();
      errors += k.errors().get();
      out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", k.name(), h.getTotalCount(), h.getTotalCount() / wall,
          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
          h.getMaxValue() / 1000.0, k.errors().get(), k.refused().get());
    }
    out.printf("total: %d requests, %.1f per s, %d errors; server CPU per request %.1f ms (the import's share included)%n", total,
        total / wall, errors, total == 0 ? 0.0 : serverCpu * 1000 / total);
    if (importRows > 0) {
      out.print("requests that overlapped the import:");
      for (Kind k : kinds.values()) {
        Histogram h = k.duringImport();
        if (k.name().equals("login") || h.getTotalCount() == 0) continue;
        out.printf(" %s %d, p50/p95/p99 %.1f/%.1f/%.1f ms;", k.name(), h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
      }
      out.println();
    }
  }

  private static long cpuNanos(Process p) {
    return p.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
