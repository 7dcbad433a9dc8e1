package org.mirabella.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatchValues;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.engine.CrossMatchRules;
import org.mirabella.matching.engine.MatchInput;
import org.mirabella.matching.engine.StoredModel;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;

/**
 * Cross-agency matching of a whole store on Apache Spark, with the rules of the in-process engine
 * ({@link CrossMatchRules}, {@link MatchInput}, {@link MatcherV1}) running on the executors:
 *
 * <ol>
 *   <li>read every current statement with its entity, partitioned by {@code entity.seq} (a
 *       partitioned JDBC read), or the same rows from a Parquet export;</li>
 *   <li>per partition, build each entity's {@link MatchKeys} and emit its keys;</li>
 *   <li>join the keys on the key between agencies, count shared keys per pair, keep candidates
 *       ({@link CrossMatchRules#isCandidate}), keep per entity its first
 *       {@link CrossMatchRules#MAX_CANDIDATES} ({@link CrossMatchRules#CANDIDATE_ORDER});</li>
 *   <li>score each distinct pair of comparable schemata ({@link CrossMatchRules#score}) in
 *       partitions sorted by the left entity, so its keys are built once per partition.</li>
 * </ol>
 *
 * The model is the store's latest fitted version ({@link #readModel}, the {@code match_model} rows
 * the in-process engine uses; for Parquet input the model file written beside the export), decoded
 * by the core's {@link StoredModel} on every executor: the same m/u, λ, term-frequency values and
 * stop keys, so both engines give the same hits after {@code mirabella xref --refit}.
 *
 * <p>The driver collects the hits (a small fraction of the pairs); recording them is the hit store's
 * job ({@code mirabella xref --engine spark} hands them to it), so the hit/no-hit rules stay in one
 * place.
 */
public final class SparkXref {
  /** One row per current statement, with its entity. */
  static final StructType STATEMENTS = new StructType()
      .add("seq", DataTypes.LongType, false).add("id", DataTypes.StringType, false)
      .add("schema_name", DataTypes.StringType, false).add("agency", DataTypes.StringType, false)
      .add("case_ref", DataTypes.StringType, false).add("statement_id", DataTypes.StringType, false)
      .add("property", DataTypes.StringType, false).add("prop_value", DataTypes.StringType, false)
      .add("recorded_at", DataTypes.TimestampType, false);

  /**
   * A matchable entity with the matcher's values of its current statements ({@link MatchInput#values}:
   * one short text, from which {@link MatchValues#keys} remakes its keys), not the statements: the
   * joins and shuffles carry what scoring reads, without statement ids and unmatched properties.
   */
  static final StructType ENTITIES = new StructType()
      .add("id", DataTypes.StringType, false).add("schema", DataTypes.StringType, false)
      .add("agency", DataTypes.StringType, false).add("case_ref", DataTypes.StringType, false)
      .add("vals", DataTypes.StringType, false).add("seq", DataTypes.LongType, false);

  /** An entity's blocking key, the entity by its number ({@code seq}): the key join groups numbers, not ids. */
  private static final StructType KEYS = new StructType()
      .add("n", DataTypes.LongType, false).add("agency", DataTypes.StringType, false)
      .add("mkey", DataTypes.StringType, false).add("ident", DataTypes.BooleanType, false);

  private static final StructType PAIRS = new StructType()
      .add("l", DataTypes.StringType, false).add("ls", DataTypes.StringType, false)
      .add("r", DataTypes.StringType, false).add("rs", DataTypes.StringType, false);

  static final StructType HITS = new StructType()
      .add("left", DataTypes.StringType, false).add("right", DataTypes.StringType, false)
      .add("score", DataTypes.DoubleType, false).add("band", DataTypes.StringType, false)
      .add("kinds", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("algorithm", DataTypes.StringType, false)
      .add("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** The model file written beside a Parquet export (Spark's file sources skip names starting with '_'). */
  public static final String MODEL_FILE = "_mirabella_model.tsv";

  /**
   * What a run found; {@code modelVersion} is the stored model version that scored it (null: the
   * algorithm's priors, before any fit), which the hit store records with each hit.
   */
  public record Result(long entities, long candidatePairs, long scored, List<CrossMatchRules.Outcome> hits, Integer modelVersion,
      Map<String, double[]> phases) {
    public Result(long entities, long candidatePairs, long scored, List<CrossMatchRules.Outcome> hits, Integer modelVersion) {
      this(entities, candidatePairs, scored, hits, modelVersion, Map.of());
    }

    /** Wall and process CPU seconds of each phase (read and assemble entities, candidates, scoring), for the benchmark. */
    public String describePhases() {
      StringBuilder b = new StringBuilder();
      phases.forEach((k, v) -> b.append(String.format(java.util.Locale.ROOT, "%s%s %.1f s wall, %.1f s CPU", b.isEmpty() ? "" : "; ", k, v[0], v[1])));
      return b.toString();
    }
  }

  /** Wall and process CPU time since the last mark. */
  private static final class Clock {
    private final Map<String, double[]> phases = new LinkedHashMap<>();
    private long wall = System.nanoTime();
    private long cpu = cpuNanos();

    void mark(String phase) {
      long w = System.nanoTime();
      long c = cpuNanos();
      phases.put(phase, new double[] {(w - wall) / 1e9, (c - cpu) / 1e9});
      wall = w;
      cpu = c;
    }

    private static long cpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
  }

  private final SparkSession spark;
  private final int partitions;

  public SparkXref(SparkSession spark, int partitions) {
    if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    this.spark = spark;
    this.partitions = partitions;
  }

  /**
   * The current statements of a store, read in {@code partitions} ranges of {@code entity.seq}
   * (Spark's partitioned JDBC read: one query per range, in parallel on the executors).
   */
  public Dataset<Row> readStore(String url, Properties connection) {
    long[] bounds = seqBounds(url, connection);
    String table = "(SELECT e.seq, e.id, e.schema_name, e.agency, e.case_ref, s.id AS statement_id, s.property, s.prop_value, "
        + "s.recorded_at FROM entity e JOIN statement s ON s.entity_id = e.id WHERE s.retracted_at IS NULL) q";
    Properties p = new Properties();
    p.putAll(connection);
    p.setProperty("fetchsize", "10000");
    Dataset<Row> raw = bounds == null
        ? spark.read().jdbc(url, table, p).limit(0)
        : spark.read().jdbc(url, table, "seq", bounds[0], bounds[1] + 1, partitions, p);
    // H2 names columns in upper case, PostgreSQL in lower: rename by position
    return raw.toDF(STATEMENTS.fieldNames());
  }

  /**
   * The latest fitted model version of a store ({@code match_model}, the rows the in-process engine
   * reads), or empty before the first fit ({@code mirabella xref --refit}).
   */
  public static Optional<StoredModel> readModel(String url, Properties connection) {
    return StoreModels.latest(url, connection);
  }

  /** The same rows from a Parquet export ({@link #exportParquet}). */
  public Dataset<Row> readParquet(String dir) {
    return spark.read().schema(STATEMENTS).parquet(dir).repartition(partitions, col("seq"));
  }

  /**
   * The model written beside a Parquet export ({@link #MODEL_FILE}); a missing or bad file is an
   * {@link InvalidData} naming it (matching with the priors instead would give other hits than the
   * store's engine, silently).
   */
  public Optional<StoredModel> readModelFile(String dir) {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir, MODEL_FILE);
    try {
      org.apache.hadoop.fs.FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        throw new InvalidData("No match model beside the Parquet export", Map.of(file.toString(),
            "missing: export again with 'xref --db URL --export-parquet DIR', which writes it"));
      }
      try (var in = fs.open(file)) {
        return StoredModel.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
      }
    } catch (IOException e) {
      throw new InvalidData("Cannot read the match model", Map.of(file.toString(), String.valueOf(e.getMessage())));
    }
  }

  /**
   * Writes the store's current statements as Parquet (for runs that should not touch the database),
   * and beside them the model version to score them with ({@link #MODEL_FILE}; "none" before any fit).
   */
  public void exportParquet(Dataset<Row> statements, Optional<StoredModel> model, String dir) {
    statements.write().mode("overwrite").parquet(dir);
    writeModelFile(model, dir);
  }

  /** Writes {@link #MODEL_FILE} into a Parquet folder ("none": score with the priors). */
  public void writeModelFile(Optional<StoredModel> model, String dir) {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir, MODEL_FILE);
    try {
      org.apache.hadoop.fs.FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (var out = fs.create(file, true)) {
        out.write(model.map(StoredModel::encode).orElseGet(StoredModel::encodeNone).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Runs the cross-matching over statement rows (schema {@link #STATEMENTS}) with a stored model
   * version (its m/u, λ, term frequencies and stop keys, as the in-process engine uses them), or
   * with the algorithm's priors when {@code model} is empty.
   */
  public Result run(Dataset<Row> statements, Optional<StoredModel> model) {
    Clock clock = new Clock();
    LongAccumulator scored = spark.sparkContext().longAccumulator("scored");
    // the model travels to the executors as its text form (small: levels, common values, stop keys)
    Broadcast<String> modelText = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(model.map(StoredModel::encode).orElseGet(StoredModel::encodeNone));
    Integer modelVersion = model.map(StoredModel::version).orElse(null);

    // 2. entities from their statements: rows of one entity are adjacent after a local sort
    Dataset<Row> entities = entities(statements).persist(StorageLevel.MEMORY_AND_DISK());
    long entityCount = entities.count();
    clock.mark("entities");

    Dataset<Row> pairs = candidates(entities, modelText).persist(StorageLevel.MEMORY_AND_DISK());
    long candidatePairs = pairs.count();
    clock.mark("candidates");

    // 4. score each pair next to both entities' statements. The sort-merge join on the left entity
    // leaves each partition's pairs grouped by it, so its keys are built once per run of pairs (KeyCache).
    Dataset<Row> left = entities.toDF("l_id", "l_schema", "l_agency", "l_case", "l_vals", "l_seq");
    Dataset<Row> right = entities.toDF("r_id", "r_schema", "r_agency", "r_case", "r_vals", "r_seq");
    Dataset<Row> withInputs = pairs.join(right, col("r").equalTo(col("r_id"))).join(left, col("l").equalTo(col("l_id")))
        .select("l_id", "l_schema", "l_agency", "l_case", "l_vals", "r_id", "r_schema", "r_agency", "r_case", "r_vals");
    Dataset<Row> hits = withInputs.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
      MatcherV1 matcher = Scoring.of(modelText.value()).matcher();
      KeyCache cache = new KeyCache(4096);
      List<Row> out = new ArrayList<>();
      long n = 0;
      while (it.hasNext()) {
        Row r = it.next();
        MatchKeys l = cache.get(r, 0);
        MatchKeys rk = cache.get(r, 5);
        n++;
        // the probability alone (no explanations) first: the same sum as score's, and a pair under
        // the review threshold is no hit whatever the qualifiers say (they only lower a band)
        boolean leftFirst = l.id().compareTo(rk.id()) <= 0;
        if (matcher.probability(leftFirst ? l : rk, leftFirst ? rk : l) < MatcherV1.REVIEW) continue;
        CrossMatchRules.Outcome o = CrossMatchRules.score(matcher, l, rk);
        if (o == null) continue;
        out.add(RowFactory.create(o.leftId(), o.rightId(), o.score(), o.band().name(), seq(List.copyOf(o.kinds())), o.algorithm(), seq(o.reasons())));
      }
      scored.add(n);
      return out.iterator();
    }, Encoders.row(HITS));

    List<CrossMatchRules.Outcome> found = new ArrayList<>();
    for (Row r : hits.collectAsList()) found.add(outcome(r));
    found.sort(java.util.Comparator.comparing(CrossMatchRules.Outcome::leftId).thenComparing(CrossMatchRules.Outcome::rightId));
    clock.mark("scoring");
    pairs.unpersist();
    entities.unpersist();
    modelText.destroy();
    return new Result(entityCount, candidatePairs, scored.value(), found, modelVersion, clock.phases);
  }

  /**
   * The candidate pairs ({@code l, ls, r, rs}: ids and schemata, smaller id left) of entity rows
   * ({@link #ENTITIES}) under the rules of the in-process engine, with the stop keys of the model text.
   */
  public Dataset<Row> candidates(Dataset<Row> entities, Broadcast<String> modelText) {
    Dataset<Row> keys = entities.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
      // once per partition: the model text is large, and looking it up per entity hashed it each time
      Set<String> stop = Scoring.of(modelText.value()).stopKeys();
      return new FlatIterator(it, e -> {
        MatchKeys k = keysOf(e);
        List<Row> out = new ArrayList<>();
        for (String key : CrossMatchRules.keys(k)) {
          // a stop key is looked up by nobody: as if neither side had it (the in-process engine's candidate query)
          if (stop.contains(key)) continue;
          out.add(RowFactory.create(e.getLong(5), e.getString(2), key, CrossMatchRules.isIdentifierKey(key)));
        }
        return out;
      });
    }, Encoders.row(KEYS));

    // 3. candidates: other agencies' entities sharing keys; each entity's first MAX_CANDIDATES
    // the join has a row per shared key (holders² per key), so it and its aggregation carry entity
    // numbers; ids and schemata are joined back to the (far fewer) candidates
    Dataset<Row> a = keys.toDF("na", "aa", "k", "ident");
    Dataset<Row> b = keys.select(col("n").as("nb"), col("agency").as("ba"), col("mkey").as("k2"));
    Dataset<Row> counted = a.join(b, col("k").equalTo(col("k2")).and(col("aa").notEqual(col("ba"))))
        .groupBy("na", "nb")
        .agg(count("*").as("n"), max(col("ident").cast("int")).as("anyIdent"))
        .filter((FilterFunction<Row>) r -> CrossMatchRules.isCandidate(r.getLong(2), r.getInt(3) > 0));
    Dataset<Row> ea = entities.select(col("seq").as("ea_seq"), col("id").as("a"), col("schema").as("as"));
    Dataset<Row> eb = entities.select(col("seq").as("eb_seq"), col("id").as("b"), col("schema").as("bs"));
    Dataset<Row> shared = counted.join(ea, col("na").equalTo(col("ea_seq"))).join(eb, col("nb").equalTo(col("eb_seq")))
        .select("a", "as", "b", "bs", "n", "anyIdent");
    Dataset<Row> pairs = shared
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) SparkXref::keptCandidates, Encoders.row(PAIRS))
        .distinct()
        .filter((FilterFunction<Row>) r -> CrossMatchRules.comparable(r.getString(1), r.getString(3)));
    return pairs;
  }

  /**
   * The matchable entities of statement rows ({@link #STATEMENTS}, all of an entity's rows in one
   * partition), one row each ({@link #ENTITIES}) with its statements in the store's order.
   */
  public Dataset<Row> entities(Dataset<Row> statements) {
    return statements.sortWithinPartitions("seq", "recorded_at", "statement_id")
        .mapPartitions((MapPartitionsFunction<Row, Row>) EntityRows::new, Encoders.row(ENTITIES));
  }

  /** An entity's candidates as kept by the rules, each emitted as a pair in canonical order. */
  private static Iterator<Row> keptCandidates(String a, Iterator<Row> group) {
    List<Row> all = new ArrayList<>();
    group.forEachRemaining(all::add);
    if (all.size() > CrossMatchRules.MAX_CANDIDATES) {
      all.sort((x, y) -> CrossMatchRules.CANDIDATE_ORDER.compare(
          new CrossMatchRules.Candidate(x.getString(2), (int) x.getLong(4)), new CrossMatchRules.Candidate(y.getString(2), (int) y.getLong(4))));
      all = all.subList(0, CrossMatchRules.MAX_CANDIDATES);
    }
    List<Row> out = new ArrayList<>(all.size());
    for (Row r : all) {
      boolean aFirst = a.compareTo(r.getString(2)) <= 0;
      out.add(aFirst ? RowFactory.create(a, r.getString(1), r.getString(2), r.getString(3))
          : RowFactory.create(r.getString(2), r.getString(3), a, r.getString(1)));
    }
    return out.iterator();
  }

  static CrossMatchRules.Outcome outcome(Row r) {
    return new CrossMatchRules.Outcome(r.getString(0), r.getString(1), r.getDouble(2), org.mirabella.hits.ScoredPair.Band.valueOf(r.getString(3)),
        new LinkedHashSet<>(r.<String>getList(4)), r.getString(5), List.copyOf(r.<String>getList(6)));
  }

  /** The keys of an entity row (schema {@link #ENTITIES}, starting at column {@code at}). */
  static MatchKeys keysOf(Row e, int at) {
    return MatchValues.keys(e.getString(at), Model.get().schema(e.getString(at + 1)), e.getString(at + 4));
  }

  static MatchKeys keysOf(Row e) {
    return keysOf(e, 0);
  }

  /** Array values of a {@link Row} are Scala sequences. */
  private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
  }

  /** The smallest and largest {@code entity.seq}, or null for an empty store. */
  static long[] seqBounds(String url, Properties connection) {
    try (Connection c = DriverManager.getConnection(url, connection); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT MIN(seq), MAX(seq) FROM entity")) {
      rs.next();
      long lo = rs.getLong(1);
      if (rs.wasNull()) return null;
      return new long[] {lo, rs.getLong(2)};
    } catch (SQLException e) {
      throw new InvalidData("Cannot read the store", Map.of("db", redact(url) + ": " + e.getMessage()));
    }
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /**
   * The matcher and stop keys of a model text, decoded once per executor JVM (the matcher is
   * immutable and thread-safe) and kept for the few model versions a JVM sees.
   */
  record Scoring(MatcherV1 matcher, Set<String> stopKeys) {
    private static final Map<String, Scoring> DECODED = new java.util.concurrent.ConcurrentHashMap<>();

    static Scoring of(String text) {
      Scoring s = DECODED.get(text);
      if (s != null) return s;
      if (DECODED.size() > 4) DECODED.clear();
      return DECODED.computeIfAbsent(text, t -> StoredModel.decode(t, "the broadcast model")
          .map(m -> new Scoring(m.matcher(), m.stopKeySet())).orElseGet(() -> new Scoring(new MatcherV1(), Set.of())));
    }
  }

  /** A lazily flattened iterator: each input row's outputs in turn (a partition is not held in memory). */
  private static final class FlatIterator implements Iterator<Row> {
    private final Iterator<Row> in;
    private final java.util.function.Function<Row, List<Row>> f;
    private Iterator<Row> current = java.util.Collections.emptyIterator();

    FlatIterator(Iterator<Row> in, java.util.function.Function<Row, List<Row>> f) {
      this.in = in;
      this.f = f;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && in.hasNext()) current = f.apply(in.next()).iterator();
      return current.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) throw new NoSuchElementException();
      return current.next();
    }
  }

  /** Keys of recently seen entities: the left side repeats (sorted), the right side often. */
  private static final class KeyCache extends LinkedHashMap<String, MatchKeys> {
    private final int capacity;

    KeyCache(int capacity) {
      super(capacity * 2, 0.75f, true);
      this.capacity = capacity;
    }

    MatchKeys get(Row r, int at) {
      String id = r.getString(at);
      MatchKeys k = get(id);
      if (k == null) put(id, k = keysOf(r, at));
      return k;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, MatchKeys> eldest) {
      return size() > capacity;
    }
  }

  /**
   * Statement rows sorted by entity → one row per matchable entity with its statements, streamed
   * (a partition can hold more statements than fit in memory).
   */
  private static final class EntityRows implements Iterator<Row> {
    private final Iterator<Row> in;
    private Row pending;
    private Row next;

    EntityRows(Iterator<Row> in) {
      this.in = in;
      this.pending = in.hasNext() ? in.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (next == null && pending != null) next = group();
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) throw new NoSuchElementException();
      Row r = next;
      next = null;
      return r;
    }

    /** Consumes one entity's rows; null when its schema is not matchable. */
    private Row group() {
      Row first = pending;
      long seq = first.getLong(0);
      List<MatchInput.Row> rows = new ArrayList<>();
      while (pending != null && pending.getLong(0) == seq) {
        rows.add(new MatchInput.Row(pending.getString(5).strip(), pending.getString(6), pending.getString(7)));
        pending = in.hasNext() ? in.next() : null;
      }
      Schema schema = Model.get().schema(first.getString(2));
      if (schema == null) {
        throw new InvalidData("Unknown schema", Map.of("entity " + first.getString(1), "schema '" + first.getString(2) + "' is not in the model"));
      }
      if (!schema.matchable()) return null;
      String values = MatchInput.values(first.getString(1), first.getString(2), first.getString(3), first.getString(4), rows);
      return RowFactory.create(first.getString(1), first.getString(2), first.getString(3), first.getString(4), values, seq);
    }
  }

}
