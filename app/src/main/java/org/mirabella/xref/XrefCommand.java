package org.mirabella.xref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.cli.Main.UserError;
import org.mirabella.cli.StoreOptions;
import org.mirabella.hits.HitRecorder;
import org.mirabella.hits.HitStore;
import org.mirabella.hits.ScoredPair;
import org.mirabella.matching.store.MatchModels;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Re-runs cross-agency matching over the whole store: in this process, or on Apache Spark
 * ({@code --engine spark}: the Spark module's jar runs as a child JVM, since Spark is kept out of
 * this application's jar), or records the hits a Spark cluster wrote ({@code --hits FILE}). Hits of
 * every engine go through the same {@link HitStore}.
 */
@Command(name = "xref", mixinStandardHelpOptions = true,
    description = "Re-run cross-agency matching over the whole store: recompute every record's keys, score every candidate pair, record hits.")
public final class XrefCommand implements Runnable {
  /**
   * What Spark needs opened on Java 17 and newer (Spark's own launcher adds the same list, see
   * org.apache.spark.launcher.JavaModuleOptions); spark-submit adds them itself.
   */
  public static final List<String> SPARK_JVM_FLAGS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true",
      "--enable-native-access=ALL-UNNAMED");

  static final String SPARK_MAIN = "org.mirabella.spark.SparkMain";

  @Mixin StoreOptions store;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "in-process",
      description = "in-process (default) or spark.")
  String engine;

  @Option(names = "--master", paramLabel = "MASTER", defaultValue = "local[2]",
      description = "Spark master with --engine spark: local[N] or spark://host:7077 (default: ${DEFAULT-VALUE}).")
  String master;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "8",
      description = "Spark partitions (JDBC read ranges and shuffle partitions) with --engine spark (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--spark-jar", paramLabel = "JAR",
      description = "The Spark module's jar (default: $MIRABELLA_SPARK_JAR, else spark/target/mirabella-spark.jar beside app/).")
  Path sparkJar;

  @Option(names = "--hits", paramLabel = "HITS.jsonl",
      description = "Record the hits a Spark run wrote (spark-submit … xref --out HITS.jsonl) instead of matching.")
  Path hitsFile;
  @picocli.CommandLine.Option(names = "--refit", description = "Fit a new matching model version over everything held first, and match with it.")
  boolean refit;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    if (hitsFile != null) {
      // the hits were scored already, with the model version each line names
      if (refit) throw new UserError("--refit does not go with --hits: the hits in the file were scored already");
      recordFile(hitsFile, out);
      return;
    }
    switch (engine) {
      case "in-process" -> inProcess(out);
      case "spark" -> spark(out);
      default -> throw new UserError("--engine must be in-process or spark, not '" + engine + "'");
    }
  }

  private void inProcess(PrintWriter out) {
    try (Database db = store.openExisting()) {
      EntityStore entities = new EntityStore(db, Model.get());
      long cpu = cpuNanos();
      long start = System.nanoTime();
      HitStore hits = new HitStore(db, new JdbcAuditLog(db));
      var s = (refit ? CrossMatcher.refitted(db, entities, hits, "cli:" + System.getProperty("user.name")) : new CrossMatcher(db, entities, hits)).rematchAll();
      double secs = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT,
          "Cross-matched %d entities in %.1f s (process CPU %.1f s): %d candidate pairs, %d scored, %d hits between agencies.%n",
          s.entities(), secs, (cpuNanos() - cpu) / 1e9, s.candidates(), s.scored(), s.hits());
    }
  }

  private void spark(PrintWriter out) {
    Path jar = sparkJar();
    if (!Files.isRegularFile(jar)) throw new UserError(missingJar(jar), 2);
    // migrate and register agencies first (and fit a new model version when asked: the Spark job
    // reads the latest one); then close: an embedded store is opened by one process at a time
    try (Database db = store.openExisting()) {
      if (refit) {
        var fitted = new MatchModels(db).refit(new EntityStore(db, Model.get()), "cli:" + System.getProperty("user.name"));
        out.printf(Locale.ROOT, "Fitted match model version %d over %d records.%n", fitted.version(), fitted.records());
      }
    }
    Path result;
    try {
      result = Files.createTempFile("mirabella-spark-hits-", ".jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<String> cmd = childCommand(jar, store.jdbcUrl(), master, partitions, result);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      // local mode: Spark's block manager and shuffle services on the loopback interface only
      if (master.startsWith("local")) pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      int code;
      try {
        Process p = pb.start();
        try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
          for (String line; (line = r.readLine()) != null; ) {
            out.println(line);
            out.flush();
          }
        }
        code = p.waitFor();
      } catch (IOException e) {
        throw new UserError("Cannot start the Spark job (" + String.join(" ", cmd.subList(0, 1)) + "): " + e.getMessage(), 3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("Interrupted while the Spark job ran", 3);
      }
      if (code != 0) throw new UserError("The Spark job failed (exit " + code + "); its messages are above", code == 2 ? 2 : 3);
      recordFile(result, out);
    } finally {
      try {
        Files.deleteIfExists(result);
      } catch (IOException e) {
        // a temporary file left behind is not worth failing the run
      }
    }
  }

  private void recordFile(Path file, PrintWriter out) {
    List<ScoredPair> pairs = readHits(file);
    try (Database db = store.openExisting()) {
      long recorded = record(new HitStore(db, new JdbcAuditLog(db)), pairs);
      out.printf(Locale.ROOT, "Recorded %d of %d scored pairs from %s as hits between agencies.%n", recorded, pairs.size(), file);
    }
  }

  /** Hands scored pairs to the hit recorder (its rules decide which become or update hits). */
  public static long record(HitRecorder hits, List<ScoredPair> pairs) {
    long n = 0;
    for (ScoredPair p : pairs) if (hits.record(p).isPresent()) n++;
    return n;
  }

  /**
   * The hits file the Spark job writes: one JSON object per line with left, right, score, band,
   * kinds, algorithm, modelVersion (the stored model version that scored it; absent for the
   * priors) and reasons (not stored). A bad line is an error naming file, line and field.
   */
  public static List<ScoredPair> readHits(Path file) {
    ObjectMapper json = new ObjectMapper();
    List<ScoredPair> out = new ArrayList<>();
    int line = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String text; (text = r.readLine()) != null; ) {
        line++;
        if (text.isBlank()) continue;
        String where = file + " line " + line;
        JsonNode n;
        try {
          n = json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new InvalidData("Bad hits file", Map.of(where, "not JSON: " + e.getOriginalMessage()));
        }
        Set<String> kinds = new LinkedHashSet<>();
        n.path("kinds").forEach(k -> kinds.add(k.asText()));
        ScoredPair.Band band;
        try {
          band = ScoredPair.Band.valueOf(text(n, "band", where));
        } catch (IllegalArgumentException e) {
          throw new InvalidData("Bad hits file", Map.of(where, "band must be HIGH, MEDIUM or LOW"));
        }
        JsonNode score = n.get("score");
        if (score == null || !score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
          throw new InvalidData("Bad hits file", Map.of(where, "score must be a number in [0, 1]"));
        }
        JsonNode version = n.get("modelVersion");
        if (version != null && !version.isNull() && !(version.isIntegralNumber() && version.asLong() >= 1 && version.canConvertToInt())) {
          throw new InvalidData("Bad hits file", Map.of(where, "modelVersion must be a whole number ≥ 1 (or absent: the priors)"));
        }
        out.add(new ScoredPair(text(n, "left", where), text(n, "right", where), score.asDouble(), band, kinds,
            text(n, "algorithm", where), version == null || version.isNull() ? null : version.asInt()));
      }
    } catch (IOException e) {
      throw new InvalidData("Cannot read the hits file", Map.of(file.toString(), String.valueOf(e.getMessage())));
    }
    return out;
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) throw new InvalidData("Bad hits file", Map.of(where, field + " is missing"));
    return v.asText();
  }

  /** The child JVM: this JDK's java, Spark's flags, the Spark module's jar and Spark's libraries. */
  public static List<String> childCommand(Path jar, String jdbcUrl, String master, int partitions, Path out) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String heap = System.getenv("MIRABELLA_SPARK_HEAP");
    cmd.add("-Xmx" + (heap == null || heap.isBlank() ? "4g" : heap));
    cmd.addAll(SPARK_JVM_FLAGS);
    // JDK 24+ warns on every sun.misc.Unsafe use, which Spark's off-heap memory is built on
    if (Runtime.version().feature() >= 24) cmd.add("--sun-misc-unsafe-memory-access=allow");
    cmd.add("-cp");
    cmd.add(jar + java.io.File.pathSeparator + jar.resolveSibling("spark-lib") + java.io.File.separator + "*");
    cmd.addAll(List.of(SPARK_MAIN, "xref", "--db", jdbcUrl, "--master", master, "--partitions", String.valueOf(partitions),
        "--out", out.toString()));
    return cmd;
  }

  /** The message when the Spark module was not built: how to build it, and the spark-submit line. */
  static String missingJar(Path jar) {
    Path lib = jar.resolveSibling("lib");
    return "The Spark engine's jar " + jar + " is missing. Build it with: ./mvnw -q -pl spark -am package -DskipTests\n"
        + "or run on a Spark installation (then record the result with 'mirabella xref --hits hits.jsonl'):\n"
        + "spark-submit --class " + SPARK_MAIN + " --master spark://HOST:7077 --jars \"$(ls " + lib + "/*.jar | paste -sd, -)\" "
        + jar + " xref --db jdbc:postgresql://HOST/mirabella --out hits.jsonl";
  }

  private Path sparkJar() {
    if (sparkJar != null) return sparkJar;
    String env = System.getenv("MIRABELLA_SPARK_JAR");
    if (env != null && !env.isBlank()) return Path.of(env);
    return defaultSparkJar();
  }

  /** spark/target/mirabella-spark.jar in the checkout this application runs from (app/target/…). */
  static Path defaultSparkJar() {
    try {
      Path here = Path.of(XrefCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = here.getParent() == null || here.getParent().getParent() == null ? Path.of(".") : here.getParent().getParent().getParent();
      if (root == null) root = Path.of(".");
      return root.resolve("spark").resolve("target").resolve("mirabella-spark.jar");
    } catch (URISyntaxException | SecurityException e) {
      return Path.of("spark", "target", "mirabella-spark.jar");
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
