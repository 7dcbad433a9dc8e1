package org.mirabella.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mirabella.matching.engine.CrossMatchRules;
import org.mirabella.matching.engine.StoredModel;
import org.mirabella.model.InvalidData;

/**
 * The Spark engine's command line (the jar's main class):
 *
 * <pre>
 * xref  --db JDBC_URL | --parquet DIR | --files DIR  [--master local[2]] [--partitions N] [--out HITS.jsonl] [--export-parquet DIR]
 * bench --db JDBC_URL | --parquet DIR | --files DIR  [--masters local[1],local[2]] [--partitions N] [--in-process-pairs N]
 * load  --files DIR [--parquet-out DIR] [--model MODEL.tsv] [--fit-records N]
 * </pre>
 *
 * {@code --files DIR} is the hub's bulk path without a store: the agency files of a case file folder
 * (its {@code manifest.csv}, as {@code mirabella generate} writes it) are mapped on the executors by
 * the core's import code ({@link SparkIngest}) into Parquet ({@code --parquet-out}, default
 * {@code DIR/statements.parquet}), a model is fitted on the driver ({@link DriverFit}) unless
 * {@code --model FILE} gives one, and written beside the Parquet; then the job runs over it. {@code load}
 * stops there, so that a large case file is mapped once and matched later with {@code --parquet}.
 *
 * {@code xref} scores with the store's latest fitted model version (or, with {@code --parquet}, the
 * model file the export wrote beside the statements) and writes the hits as JSON lines (left, right,
 * score, band, kinds, algorithm, modelVersion, reasons),
 * which {@code mirabella xref --engine spark} records through the hit store. Credentials come from
 * the URL or from MIRABELLA_DB_USER / MIRABELLA_DB_PASSWORD (else PGUSER / PGPASSWORD). Exit codes as the main CLI's: 0
 * success, 2 bad usage or input, 3 an internal error.
 */
public final class SparkMain {
  private SparkMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
        out.println(USAGE);
        return args.length == 0 ? 2 : 0;
      }
      Map<String, String> opts = options(args);
      switch (args[0]) {
        case "xref" -> xref(opts, out);
        case "bench" -> bench(opts, out);
        case "load" -> load(opts, out);
        default -> throw new UsageError("unknown command '" + args[0] + "'");
      }
      return 0;
    } catch (UsageError e) {
      err.println("mirabella-spark: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (InvalidData e) {
      err.println("mirabella-spark: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      // a task's bad input reaches the driver wrapped in Spark's exceptions (checked, thrown from Scala)
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof InvalidData bad) {
          err.println("mirabella-spark: " + bad.getMessage());
          return 2;
        }
      }
      err.println("mirabella-spark: internal error: " + e);
      e.printStackTrace(err);
      return 3;
    }
  }

  static final String USAGE = """
      usage: java <add-opens flags> -cp mirabella-spark.jar:spark-lib/* org.mirabella.spark.SparkMain COMMAND [options]
        xref  --db JDBC_URL | --parquet DIR | --files DIR   cross-match a store, its Parquet export, or agency files on Spark
              [--master local[2]|spark://host:7077] [--partitions N] [--out HITS.jsonl] [--export-parquet DIR]
              [--driver-host HOST]
              with --files: [--parquet-out DIR] [--model MODEL.tsv] [--fit-records N] [--recorded-by NAME]
        bench --db JDBC_URL | --parquet DIR | --files DIR [--masters local[1],local[2]] [--partitions N]
              runs xref once per master and prints wall time, process CPU time and pairs/s;
              [--in-process-pairs N]  with --files or --parquet, scores an even sample of N (default 300000) of the
              candidate pairs in process too, and checks the last run's hits among them
              [--in-process-master local[1]]  the Spark master that prepares that sample (default: every core);
              --masters none runs the in-process reference alone
        load  --files DIR [--master local[2]] [--partitions N] [--parquet-out DIR] [--model MODEL.tsv] [--fit-records N]
              maps the agency files into Parquet and fits a model beside them, for xref/bench --parquet""";

  private static void xref(Map<String, String> opts, PrintStream out) throws IOException {
    String master = opts.getOrDefault("master", "local[2]");
    int partitions = intOption(opts, "partitions", 8);
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    try (SparkSession spark = session(master, opts.get("driver-host"), partitions)) {
      SparkXref job = new SparkXref(spark, partitions);
      if (opts.containsKey("files")) opts.put("parquet", loadFiles(spark, job, opts, out));
      Dataset<Row> statements = source(job, opts);
      Optional<StoredModel> model = model(job, opts);
      if (opts.containsKey("export-parquet")) {
        job.exportParquet(statements, model, opts.get("export-parquet"));
        out.println("Wrote the statements as Parquet to " + opts.get("export-parquet") + ", with " + describe(model)
            + " beside them (" + SparkXref.MODEL_FILE + ")");
        return;
      }
      SparkXref.Result r = job.run(statements, model);
      if (opts.containsKey("out")) writeHits(Path.of(opts.get("out")), r.hits(), r.modelVersion());
      double secs = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "Spark (%s, %d partitions) cross-matched %d entities with %s in %.1f s (process CPU %.1f s): "
              + "%d candidate pairs, %d scored, %d hits between agencies.%n",
          master, partitions, r.entities(), describe(model), secs, (cpuNanos() - cpu0) / 1e9, r.candidatePairs(), r.scored(), r.hits().size());
    }
  }

  private static void load(Map<String, String> opts, PrintStream out) throws IOException {
    if (!opts.containsKey("files")) throw new UsageError("load needs --files DIR");
    int partitions = intOption(opts, "partitions", 8);
    try (SparkSession spark = session(opts.getOrDefault("master", "local[2]"), opts.get("driver-host"), partitions)) {
      String parquet = loadFiles(spark, new SparkXref(spark, partitions), opts, out);
      out.println("Wrote the statements and the model to " + parquet + "; match them with --parquet " + parquet);
    }
  }

  private static void bench(Map<String, String> opts, PrintStream out) throws IOException {
    int partitions = intOption(opts, "partitions", 8);
    String[] masters = opts.getOrDefault("masters", "local[1],local[2]").split(",");
    out.printf(Locale.ROOT, "load average at start: %.2f; %d processors%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    // the in-process reference's sample is prepared by Spark on every core unless --in-process-master says otherwise
    String prep = opts.getOrDefault("in-process-master", "local[" + Runtime.getRuntime().availableProcessors() + "]");
    if (opts.containsKey("files")) {
      String last = masters[masters.length - 1];
      try (SparkSession spark = session(last.equals("none") ? prep : last, null, partitions)) {
        opts.put("parquet", loadFiles(spark, new SparkXref(spark, partitions), opts, out));
      }
    }
    SparkXref.Result last = null;
    for (String master : masters) {
      if (master.equals("none")) continue; // --masters none: the in-process reference alone
      long cpu0 = cpuNanos();
      long t0 = System.nanoTime();
      SparkXref.Result r;
      try (SparkSession spark = session(master, null, partitions)) {
        SparkXref job = new SparkXref(spark, partitions);
        r = job.run(source(job, opts), model(job, opts));
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuNanos() - cpu0) / 1e9;
      out.printf(Locale.ROOT, "%-10s entities %,d  candidate pairs %,d  scored %,d  hits %,d  wall %.1f s  CPU %.1f s  "
              + "%,.0f pairs/s wall  %,.0f pairs per CPU-second  load %.2f%n",
          master, r.entities(), r.candidatePairs(), r.scored(), r.hits().size(), wall, cpu, r.scored() / wall, r.scored() / cpu,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.println("           " + r.describePhases());
      last = r;
    }
    if (opts.containsKey("parquet")) {
      // the sample's preparation is not timed; the scoring is timed on one thread's CPU. Without a Spark run in
      // this process (--masters none) Spark's hits are not compared.
      try (SparkSession spark = session(prep, null, partitions)) {
        SparkXref job = new SparkXref(spark, partitions);
        out.println(InProcessScoring.run(job, source(job, opts), model(job, opts), last, intOption(opts, "in-process-pairs", 300_000))
            .describe());
      }
    }
  }

  /**
   * The bulk path: maps the agency files of {@code --files DIR} into Parquet, fits a model unless
   * {@code --model} gives one, writes it beside; returns the Parquet folder.
   */
  static String loadFiles(SparkSession spark, SparkXref job, Map<String, String> opts, PrintStream out) throws IOException {
    Path dir = Path.of(opts.get("files"));
    String parquet = opts.getOrDefault("parquet-out", dir.resolve("statements.parquet").toString());
    List<org.mirabella.ingest.CaseFolder.Part> parts = org.mirabella.ingest.CaseFolder.read(dir);
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    SparkIngest.Summary s = new SparkIngest(spark).load(dir, parts, opts.getOrDefault("recorded-by", "spark-bulk"),
        java.time.Instant.now(), parquet);
    out.printf(Locale.ROOT, "mapped %d files (%,d rows read, %,d rejected) into %,d statements, %,d distinct written to %s: wall %.1f s, process CPU %.1f s (load %.2f)%n",
        s.files(), s.rowsRead(), s.rowsRejected(), s.statementsMapped(), s.statementsWritten(), parquet, (System.nanoTime() - t0) / 1e9,
        (cpuNanos() - cpu0) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    StoredModel model;
    if (opts.containsKey("model")) {
      Path file = Path.of(opts.get("model"));
      if (!Files.isRegularFile(file)) throw new InvalidData("No model file", Map.of(file.toString(), "missing"));
      model = StoredModel.decode(Files.readString(file), file.toString())
          .orElseThrow(() -> new InvalidData("No model in the file", Map.of(file.toString(), "says 'none': give a fitted model")));
    } else {
      long c1 = cpuNanos();
      long t1 = System.nanoTime();
      DriverFit.Fitted f = DriverFit.fit(job, job.readParquet(parquet), intOption(opts, "fit-records", 300_000), "spark-bulk");
      model = f.model();
      out.printf(Locale.ROOT, "fitted model version %d over %,d of %,d matchable records (%,d blocked pairs), %d stop keys: wall %.1f s, process CPU %.1f s (load %.2f)%n",
          model.version(), f.sampled(), f.records(), model.pairs(), model.stopKeys().size(), (System.nanoTime() - t1) / 1e9,
          (cpuNanos() - c1) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
    job.writeModelFile(Optional.of(model), parquet);
    return parquet;
  }

  /** The model to score with: the store's latest version, or the one written beside a Parquet export. */
  private static Optional<StoredModel> model(SparkXref job, Map<String, String> opts) {
    if (opts.containsKey("parquet")) return job.readModelFile(opts.get("parquet"));
    String url = opts.get("db");
    return SparkXref.readModel(url, connection(url));
  }

  private static String describe(Optional<StoredModel> model) {
    return model.map(m -> "match model version " + m.version()).orElse("the algorithm's priors (no model fitted yet)");
  }

  private static Dataset<Row> source(SparkXref job, Map<String, String> opts) {
    if (opts.containsKey("parquet")) return job.readParquet(opts.get("parquet"));
    String url = opts.get("db");
    if (url == null) throw new UsageError("--db JDBC_URL, --parquet DIR or --files DIR is required");
    return job.readStore(url, connection(url));
  }

  /** JDBC properties: credentials from the environment unless the URL has them. */
  static Properties connection(String url) {
    Properties p = new Properties();
    String user = firstNonBlank(System.getenv("MIRABELLA_DB_USER"), System.getenv("PGUSER"));
    String password = firstNonBlank(System.getenv("MIRABELLA_DB_PASSWORD"), System.getenv("PGPASSWORD"));
    if (url.startsWith("jdbc:h2:")) {
      p.setProperty("user", user == null ? "sa" : user);
      p.setProperty("password", password == null ? "" : password);
      p.setProperty("driver", "org.h2.Driver");
    } else if (url.startsWith("jdbc:postgresql:")) {
      if (user != null && !user.isBlank()) p.setProperty("user", user);
      if (password != null && !password.isBlank()) p.setProperty("password", password);
      p.setProperty("driver", "org.postgresql.Driver");
    } else {
      throw new UsageError("--db must be a jdbc:postgresql:// or jdbc:h2: URL, not '" + SparkXref.redact(url) + "'");
    }
    return p;
  }

  /**
   * A Spark session; for a local master the driver binds to 127.0.0.1 (nothing listens on other
   * interfaces) and the web UI is off.
   */
  static SparkSession session(String master, String driverHost, int partitions) {
    return session(master, driverHost, partitions, Map.of());
  }

  /** A session with extra Spark settings (tests: small data, where compiling generated code costs more than it saves). */
  static SparkSession session(String master, String driverHost, int partitions, Map<String, String> extra) {
    SparkSession.Builder b = SparkSession.builder().appName("mirabella-xref").master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(partitions))
        .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    String host = driverHost != null ? driverHost : master.startsWith("local") ? "127.0.0.1" : null;
    if (host != null) b.config("spark.driver.bindAddress", host).config("spark.driver.host", host);
    if (!master.startsWith("local")) {
      // executors need this module and core's libraries: ship the jar and its lib/ folder
      String jar = SparkMain.class.getProtectionDomain().getCodeSource().getLocation().getPath();
      List<String> jars = new ArrayList<>(List.of(jar));
      Path lib = Path.of(jar).resolveSibling("lib");
      if (Files.isDirectory(lib)) {
        try (var files = Files.list(lib)) {
          files.filter(f -> f.toString().endsWith(".jar")).forEach(f -> jars.add(f.toString()));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      b.config("spark.jars", String.join(",", jars));
    }
    extra.forEach(b::config);
    return b.getOrCreate();
  }

  /** The hits as JSON lines, each naming the model version that scored it (absent: the priors). */
  static void writeHits(Path file, List<CrossMatchRules.Outcome> hits, Integer modelVersion) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (CrossMatchRules.Outcome o : hits) {
        ObjectNode n = json.createObjectNode();
        n.put("left", o.leftId()).put("right", o.rightId()).put("score", o.score()).put("band", o.band().name());
        o.kinds().forEach(n.putArray("kinds")::add);
        n.put("algorithm", o.algorithm());
        if (modelVersion != null) n.put("modelVersion", modelVersion);
        o.reasons().forEach(n.putArray("reasons")::add);
        w.write(json.writeValueAsString(n));
        w.newLine();
      }
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return null;
  }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) throw new UsageError("unexpected argument '" + a + "'");
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= args.length) throw new UsageError("--" + name + " needs a value");
        value = args[++i];
      }
      if (!List.of("db", "parquet", "master", "masters", "partitions", "out", "export-parquet", "driver-host", "files", "parquet-out",
          "model", "fit-records", "recorded-by", "in-process-pairs", "in-process-master").contains(name)) {
        throw new UsageError("unknown option --" + name);
      }
      out.put(name, value);
    }
    return out;
  }

  private static int intOption(Map<String, String> opts, String name, int dflt) {
    String v = opts.get(name);
    if (v == null) return dflt;
    try {
      int n = Integer.parseInt(v);
      if (n < 1) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new UsageError("--" + name + " must be a positive whole number, not '" + v + "'");
    }
  }

  /** A usage error: exit 2 with one line. */
  static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message);
    }
  }
}
