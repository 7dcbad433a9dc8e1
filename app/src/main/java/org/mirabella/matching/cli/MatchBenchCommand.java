package org.mirabella.matching.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.ingest.ImportResult;
import org.mirabella.ingest.ImportService;
import org.mirabella.ingest.ImportSettings;
import org.mirabella.ingest.Ingestor;
import org.mirabella.ingest.InputFile;
import org.mirabella.ingest.Mapping;
import org.mirabella.ingest.MappingLoader;
import org.mirabella.matching.Band;
import org.mirabella.matching.Blocker;
import org.mirabella.matching.CandidatePairs;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatchValues;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.store.MatchModels;
import org.mirabella.matching.synth.SyntheticPersons;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Provenance;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.xref.AfterImport;
import org.mirabella.xref.CrossMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mirabella bench match}: matching at scale on synthetic persons with known truth
 * ({@link SyntheticPersons}). Three measures, each printed with wall time, process CPU time, the
 * load average and the peak heap:
 *
 * <ol>
 *   <li>deduplication end to end of {@code --records} records (keys, blocking, fitting, scoring,
 *       clustering), with pair and cluster precision/recall and blocking recall against the truth;</li>
 *   <li>a store holding those records (entity, statement and match_key rows written directly by JDBC
 *       batches, the fitted model saved as a version), then {@code --new} further records imported
 *       through the real path (CSV → {@link ImportService} → {@link AfterImport}) in imports of
 *       {@code --batch} records: records per second;</li>
 *   <li>hit/no-hit queries against that store ({@link CrossMatcher#probe}): latency p50/p95/p99 and
 *       how often the person was found (probes of held persons) or wrongly found (new persons).</li>
 * </ol>
 */
@Command(name = "match", mixinStandardHelpOptions = true,
    description = "Matching at scale: deduplicate N synthetic records end to end, then import-plus-match into an N-entity store, then hit/no-hit query latency.")
public final class MatchBenchCommand implements Runnable {
  @Option(names = "--records", defaultValue = "1000000", description = "Records to deduplicate and to hold in the store (default ${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--new", defaultValue = "5000", description = "Records imported and matched against the store (default ${DEFAULT-VALUE}).")
  int fresh;

  @Option(names = "--batch", defaultValue = "1000", description = "Records per import (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--queries", defaultValue = "2000", description = "Hit/no-hit queries (default ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the synthetic records (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = "A PostgreSQL server for the store (a fresh schema is made in it) instead of an embedded H2 store.")
  String dbUrl;

  @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a temporary folder, deleted after).")
  Path dir;

  @Option(names = "--dedupe-only", description = "Only the deduplication measure.")
  boolean dedupeOnly;

  @Option(names = "--store", paramLabel = "DIR", description = "An embedded store kept in DIR: when it holds no entity yet, "
      + "filled (after the deduplication) and kept; otherwise the incremental and hit/no-hit measures run against it as it is, without "
      + "deduplicating again (run them on a copy: the incremental measure adds to it).")
  Path storeDir;

  @Option(names = "--store-db", paramLabel = "NAME", description = "With --db: a PostgreSQL database on that server holding the store, kept "
      + "between runs. When absent it is made and filled (after the deduplication); then, and on every later run without deduplicating again, "
      + "the incremental and hit/no-hit measures run on a copy of it (CREATE DATABASE ... TEMPLATE NAME), dropped after, so that the kept "
      + "store never changes and runs are comparable.")
  String storeDb;

  @Option(names = "--warm-up", defaultValue = "0", paramLabel = "N", description = "Before the measured imports, N made-up persons (nobody "
      + "holds them; names from the same name bank) imported and matched through the same path, then removed again, not counted: the "
      + "JIT has compiled the import and matching paths, as in a server that has been running (default ${DEFAULT-VALUE}: a cold JVM).")
  int warmUps;

  @Option(names = "--pipeline", description = "Import each batch while the previous one is matched (matching on one thread, in "
      + "import order, so each import's matching still sees every earlier import's keys: the same pairs and hits), as agencies' "
      + "uploads overlap in a server (there each upload's matching follows its own import); reports the whole series' wall and CPU time (import and match overlap).")
  boolean pipeline;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private PrintWriter out;

  @Override
  public void run() {
    if (records < 2 || fresh < 0 || batch < 1 || queries < 0) {
      throw new org.mirabella.cli.Main.UserError("--records must be at least 2, --new and --queries at least 0, --batch at least 1", 2);
    }
    out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "bench match: %,d records (+%,d new), seed %d; %d cores, max heap %,d MB, load average %.2f at start%n",
        records, fresh, seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
    SyntheticPersons layout = new SyntheticPersons(seed, records + fresh);
    // the new records are spread through the layout, so that many are further records of held persons
    int[][] split = split();
    int[] held = split[0];
    int[] added = split[1];
    if (storeDb != null && !dedupeOnly) {
      if (dbUrl == null) throw new org.mirabella.cli.Main.UserError("--store-db needs --db (the PostgreSQL server)", 2);
      if (storeDir != null) throw new org.mirabella.cli.Main.UserError("--store and --store-db: choose one", 2);
      new KeptDatabase(dbUrl, storeDb, out).run(this::fillKept, this::measureOn);
      return;
    }
    if (storeDir != null && !dedupeOnly) {
      if (dbUrl != null) throw new IllegalArgumentException("--store and --db: choose one");
      try (Database db = Database.embedded(storeDir)) {
        long held0 = new EntityStore(db, Model.get()).counts().entities();
        if (held0 == 0) {
          fill(db, layout, held, dedupe(layout, held));
          out.printf(Locale.ROOT, "  store %s filled; copy it and run again with --store COPY to measure against it%n", storeDir);
          return;
        }
        out.printf(Locale.ROOT, "  store %s reused: %,d entities%n", storeDir, held0);
        Path work = Files.createTempDirectory("mirabella-bench-match");
        try {
          incremental(db, layout, added, work);
          query(db, layout, held);
        } finally {
          deleteTree(work);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    Dedupe d = dedupe(layout, held);
    out.flush();
    if (dedupeOnly) return;
    boolean temporary = dir == null;
    try {
      Path work = temporary ? Files.createTempDirectory("mirabella-bench-match") : Files.createDirectories(dir);
      try (Database db = dbUrl == null ? Database.embedded(work.resolve("store-" + System.nanoTime())) : freshSchema(dbUrl)) {
        fill(db, layout, held, d);
        d = null; // the dedupe's memory is no longer needed
        incremental(db, layout, added, work);
        query(db, layout, held);
      } finally {
        if (temporary) deleteTree(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The database of the run's store when the bench has one to itself ({@code --store-db}), for its server CPU time. */
  private String serverDb;

  private double serverCpu() {
    return serverDb == null ? -1 : ServerCpu.seconds(serverDb);
  }

  /** Fills a new kept store (the deduplication first, for its keys and fitted model). */
  private void fillKept(Database db) {
    int[][] split = split();
    fill(db, new SyntheticPersons(seed, records + fresh), split[0], dedupe(new SyntheticPersons(seed, records + fresh), split[0]));
  }

  /** The incremental and hit/no-hit measures on a copy of the kept store. */
  private void measureOn(Database db, String database) {
    serverDb = database;
    long held0 = new EntityStore(db, Model.get()).counts().entities();
    if (held0 != records) {
      throw new org.mirabella.cli.Main.UserError("--store-db " + storeDb + " holds " + held0 + " entities, not --records " + records
          + ": a store filled with other --records (or --seed) values", 2);
    }
    int[][] split = split();
    SyntheticPersons layout = new SyntheticPersons(seed, records + fresh);
    try {
      Path work = Files.createTempDirectory("mirabella-bench-match");
      try {
        incremental(db, layout, split[1], work);
        query(db, layout, split[0]);
      } finally {
        deleteTree(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The layout's positions of the held records and of the new ones (spread through it; see {@link #run}). */
  private int[][] split() {
    int[] held = new int[records];
    int[] added = new int[fresh];
    double step = fresh == 0 ? Double.MAX_VALUE : (records + fresh) / (double) fresh;
    for (int i = 0, h = 0, a = 0; i < records + fresh; i++) {
      if (a < fresh && (int) (a * step + step / 2) == i) added[a++] = i;
      else if (h < records) held[h++] = i;
      else added[a++] = i;
    }
    return new int[][] {held, added};
  }

  /** What the dedupe leaves for the store: keys and the fitted model. */
  private record Dedupe(List<MatchKeys> keys, MatcherV1 matcher, long candidates) {}

  // ---- 1. deduplication end to end -------------------------------------------------------

  private Dedupe dedupe(SyntheticPersons layout, int[] held) {
    int n = held.length;
    resetPeaks();
    Clock total = new Clock();
    Clock c = new Clock();
    MatchKeys[] keys = new MatchKeys[n];
    IntStream.range(0, n).parallel().forEach(j -> keys[j] = MatchKeys.of(layout.person(held[j]).entity()));
    List<MatchKeys> list = Arrays.asList(keys);
    out.println("  keys:       " + c.lap());
    CandidatePairs cand = new Blocker().dedupe(list);
    out.printf(Locale.ROOT, "  blocking:   %s; %,d candidate pairs%n", c.lap(), cand.size());
    MatcherV1 m = MatcherV1.fit(list, cand);
    out.printf(Locale.ROOT, "  fitting:    %s; EM over %,d pairs%n", c.lap(), Math.min(cand.size(), MatcherV1.emSample()));
    if (System.getProperty("mirabella.debug") != null) out.println(m.model());
    int[] kept = IntStream.range(0, cand.size()).parallel()
        .filter(i -> m.probability(keys[cand.left(i)], keys[cand.right(i)]) >= MatcherV1.REVIEW).toArray();
    String scoring = c.lap();
    out.printf(Locale.ROOT, "  scoring:    %s; %,d pairs at or above %.2f; %,.0f scored pairs per CPU-second%n", scoring, kept.length,
        MatcherV1.REVIEW, cand.size() / c.lastCpuSeconds());
    // Union-find with path halving over int arrays: a million records in 8 MB, where a graph
    // library's connected components would hold an object per vertex and edge.
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    for (int i : kept) union(parent, cand.left(i), cand.right(i));
    for (int i = 0; i < n; i++) parent[i] = find(parent, i);
    out.println("  clustering: " + c.lap());
    out.printf(Locale.ROOT, "  end to end: %s; peak heap %,d MB%n", total.lap(), peakHeap() >> 20);

    // evaluation against the truth (not timed)
    int[] truth = new int[n];
    for (int j = 0; j < n; j++) truth[j] = layout.cluster(held[j]);
    long truePairs = 0;
    long blocked = 0;
    for (int a = 0; a < n; ) {
      int b = a;
      while (b < n && truth[b] == truth[a]) b++;
      for (int i = a; i < b; i++) {
        for (int j = i + 1; j < b; j++) {
          truePairs++;
          if (cand.contains(i, j)) blocked++;
        }
      }
      a = b;
    }
    long tp = 0;
    long falseAuto = 0;
    for (int i : kept) {
      int l = cand.left(i);
      int r = cand.right(i);
      if (truth[l] == truth[r]) tp++;
      else if (m.score(keys[l], keys[r]).band() == Band.AUTO_MATCH) falseAuto++;
    }
    Map<Long, Integer> cells = new HashMap<>();
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      cells.merge(((long) parent[i] << 32) | truth[i], 1, Integer::sum);
      sizes.merge(parent[i], 1, Integer::sum);
    }
    long clusterTp = 0;
    long clusterPredicted = 0;
    for (int v : cells.values()) clusterTp += (long) v * (v - 1) / 2;
    for (int v : sizes.values()) clusterPredicted += (long) v * (v - 1) / 2;
    out.printf(Locale.ROOT, "  accuracy:   true pairs %,d; blocking recall %.4f; pairs P=%.4f R=%.4f F1=%.4f; clusters P=%.4f R=%.4f F1=%.4f; "
            + "false pairs in AUTO_MATCH %d%n", truePairs, blocked / (double) truePairs, ratio(tp, kept.length), ratio(tp, truePairs),
        f1(ratio(tp, kept.length), ratio(tp, truePairs)), ratio(clusterTp, clusterPredicted), ratio(clusterTp, truePairs),
        f1(ratio(clusterTp, clusterPredicted), ratio(clusterTp, truePairs)), falseAuto);
    out.printf(Locale.ROOT, "  load average %.2f at the end%n", load());
    return new Dedupe(list, m, cand.size());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  // ---- 2. the store and incremental import-plus-match ------------------------------------

  private void fill(Database db, SyntheticPersons layout, int[] held, Dedupe d) {
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    for (String a : List.of("IT", "DE", "FR", "UK", "US", "CA", "JP")) store.ensureCase(a, "BENCH", "benchmark", LocalDate.of(2026, 1, 1));
    Clock c = new Clock();
    long statements = 0;
    long keyRows = 0;
    int chunk = 5_000;
    for (int from = 0; from < held.length; from += chunk) {
      int to = Math.min(held.length, from + chunk);
      Entity[] es = new Entity[to - from];
      int base = from;
      IntStream.range(from, to).parallel().forEach(j -> es[j - base] = layout.person(held[j]).entity());
      long[] counts = db.jdbi().inTransaction(h -> {
        Timestamp now = Timestamp.from(Instant.now());
        PreparedBatch eb = h.prepareBatch("INSERT INTO entity(id, schema_name, agency, case_ref, category, review_date, created_at) "
            + "VALUES (:id, :schema, :agency, :case, :category, :review, :created)");
        PreparedBatch sb = h.prepareBatch("INSERT INTO statement(id, entity_id, schema_name, property, prop_value, original_value, agency, "
            + "case_ref, handling, reliability, accuracy, recorded_at) VALUES (:id, :entity, :schema, :property, :value, :original, :agency, "
            + ":case, :handling, :reliability, :accuracy, :at)");
        PreparedBatch kb = h.prepareBatch("INSERT INTO match_key(entity_id, agency, mkey) VALUES (:e, :a, :k)");
        PreparedBatch vb = h.prepareBatch("INSERT INTO match_values(entity_id, agency, schema_name, vals) VALUES (:e, :a, :s, :v)");
        long s = 0;
        long k = 0;
        for (int j = 0; j < es.length; j++) {
          Entity e = es[j];
          eb.bind("id", e.id()).bind("schema", e.schema().name()).bind("agency", e.agency()).bind("case", e.caseRef())
              .bind("category", e.category().name()).bind("review", e.reviewDate()).bind("created", now).add();
          for (Statement st : e.statements()) {
            Provenance p = st.provenance();
            sb.bind("id", st.id()).bind("entity", e.id()).bind("schema", st.schema()).bind("property", st.property()).bind("value", st.value())
                .bind("original", st.originalValue()).bind("agency", p.agency()).bind("case", p.caseRef()).bind("handling", p.handling().name())
                .bind("reliability", String.valueOf(p.grading().reliability())).bind("accuracy", p.grading().accuracy())
                .bind("at", Timestamp.from(p.recordedAt())).add();
            s++;
          }
          vb.bind("e", e.id()).bind("a", e.agency()).bind("s", e.schema().name()).bind("v", MatchValues.encode(e)).add();
          Set<String> seen = new HashSet<>();
          for (String key : d.keys().get(base + j).blockingKeys()) {
            String cut = key.length() > 256 ? key.substring(0, 256) : key;
            if (seen.add(cut)) {
              kb.bind("e", e.id()).bind("a", e.agency()).bind("k", cut).add();
              k++;
            }
          }
        }
        eb.execute();
        sb.execute();
        kb.execute();
        vb.execute();
        return new long[] {s, k};
      });
      statements += counts[0];
      keyRows += counts[1];
      if ((from / chunk) % 40 == 39) out.printf(Locale.ROOT, "    %,d entities written (%s)%n", to, c.peek());
    }
    out.printf(Locale.ROOT, "  store (%s): %,d entities, %,d statements, %,d match keys written by JDBC batches in %s%n", db.dialect(),
        held.length, statements, keyRows, c.lap());
    int version = new MatchModels(db).save(d.matcher(), d.keys(), d.candidates(), "bench");
    out.printf(Locale.ROOT, "  model version %d saved (%s)%n", version, c.lap());
    out.flush();
  }

  static final String MAPPING = """
      source: {format: csv}
      entities:
        person:
          schema: Person
          keys: [person_id]
          properties:
            firstName: {column: first}
            lastName: {column: last}
            name: {column: name}
            birthDate: {column: born}
            nationality: {column: nationality}
            gender: {column: gender}
            passportNumber: {column: passport}
      """;

  private void incremental(Database db, SyntheticPersons layout, int[] added, Path work) throws IOException {
    if (added.length == 0) return;
    EntityStore store = new EntityStore(db, Model.get());
    Path mappingFile = work.resolve("bench-match.yaml");
    Files.writeString(mappingFile, MAPPING);
    Mapping mapping = MappingLoader.load(mappingFile, Model.get());
    // Class initialisation not counted (name data, ICU's transliterators, the matcher: what a server
    // does once when it starts): the keys of one made-up person whose names are not in the name bank.
    Entity warmUp = new Entity("warm-up", Model.get().require("Person"), "IT", "BENCH", org.mirabella.provenance.SubjectCategory.OTHER,
        LocalDate.of(2030, 1, 1));
    warmUp.add("name", "Zzyzx Qwerty", Provenance.of("IT", "BENCH"));
    warmUp.add("birthDate", "1901-01-01", Provenance.of("IT", "BENCH"));
    new MatcherV1().score(MatchKeys.of(warmUp), MatchKeys.of(warmUp));
    if (warmUps > 0) {
      // persons past the layout's last cluster (nobody holds them; names from the same name bank),
      // imported and matched through the same path, then removed, so that the measured imports find
      // the store as it was
      List<Entity> made = new ArrayList<>();
      for (int q = 0; q < warmUps; q++) {
        made.add(layout.variant(layout.clusters() + 1_000_000 + q, 0, WARM_UP_AGENCIES[q % WARM_UP_AGENCIES.length], "w" + q));
      }
      Clock w = new Clock();
      Totals t = importAndMatch(db, store, mapping, work, made, "BENCH-WARM-");
      long removed = removeCases(db, "BENCH-WARM-");
      out.printf(Locale.ROOT, "  warm-up (not counted): %,d made-up persons imported and matched (%,d pairs scored, %,d hits), then removed "
          + "(%,d entities): %s%n", t.imported, t.scored, t.hits, removed, w.lap());
    }
    List<Entity> measured = new ArrayList<>();
    for (int i : added) measured.add(layout.person(i).entity());
    Clock all = new Clock();
    double server0 = serverCpu();
    Totals t = importAndMatch(db, store, mapping, work, measured, "BENCH-NEW-");
    long imported = t.imported;
    if (pipeline) {
      double wall = (System.nanoTime() - all.wall) / 1e9;
      double cpu = (Clock.cpu() - all.cpu) / 1e9;
      double server = serverCpu() - server0;
      out.printf(Locale.ROOT, "  incremental, pipelined (each import while the previous one is matched): %,d records in %d imports of up to %,d "
          + "against %,d entities: %.1f s wall, %.1f s CPU; %,d pairs scored, %,d hits%n", imported, t.runs, batch,
          store.counts().entities() - imported, wall, cpu, t.scored, t.hits);
      out.printf(Locale.ROOT, "    import plus match:          %,.0f records/s wall, %,.0f records per CPU-second; load average %.2f%n",
          imported / wall, imported / cpu, load());
      if (serverDb != null && server >= 0) {
        out.printf(Locale.ROOT, "    PostgreSQL server CPU (its backends for this run's database, from /proc): %.1f s; JVM plus server: %,.0f records "
            + "per CPU-second%n", server, imported / (cpu + server));
      }
      out.flush();
      return;
    }
    out.printf(Locale.ROOT, "  incremental: %,d records in %d imports of up to %,d against %,d entities: %s%n", imported, t.runs, batch,
        store.counts().entities() - imported, all.lap());
    out.printf(Locale.ROOT, "    import (ImportService):     %,.0f records/s wall, %,.0f records per CPU-second (%.1f s wall, %.1f s CPU)%n",
        imported / (t.importNanos / 1e9), imported / (t.importCpu / 1e9), t.importNanos / 1e9, t.importCpu / 1e9);
    out.printf(Locale.ROOT, "    match (AfterImport):        %,.0f records/s wall, %,.0f records per CPU-second (%.1f s wall, %.1f s CPU); "
        + "%,d pairs scored, %,d hits%n", imported / (t.matchNanos / 1e9), imported / (t.matchCpu / 1e9), t.matchNanos / 1e9, t.matchCpu / 1e9,
        t.scored, t.hits);
    out.printf(Locale.ROOT, "    import plus match:          %,.0f records/s wall, %,.0f records per CPU-second; load average %.2f%n",
        imported / ((t.importNanos + t.matchNanos) / 1e9), imported / ((t.importCpu + t.matchCpu) / 1e9), load());
    if (serverDb != null && serverCpu() >= 0) {
      out.printf(Locale.ROOT, "    PostgreSQL server CPU (its backends for this run's database, from /proc): import %.1f s, match %.1f s; "
          + "JVM plus server: %,.0f records per CPU-second%n", t.serverImport, t.serverMatch,
          imported / ((t.importCpu + t.matchCpu) / 1e9 + t.serverImport + t.serverMatch));
    }
    out.flush();
  }

  private static final String[] WARM_UP_AGENCIES = {"IT", "DE", "FR", "UK", "US", "CA", "JP"};

  /** What a series of imports did, and the time it took (wall, this process's CPU, the server's). */
  private static final class Totals {
    long importNanos;
    long importCpu;
    long matchNanos;
    long matchCpu;
    double serverImport;
    double serverMatch;
    long imported;
    long scored;
    long hits;
    int runs;
  }

  /** Imports {@code entities} by agency in imports of {@code --batch} (cases {@code casePrefix}1, 2…), each followed by its cross-match. */
  private Totals importAndMatch(Database db, EntityStore store, Mapping mapping, Path work, List<Entity> entities, String casePrefix)
      throws IOException {
    // by agency, as each agency would send them
    Map<String, List<Entity>> byAgency = new java.util.TreeMap<>();
    for (Entity e : entities) byAgency.computeIfAbsent(e.agency(), k -> new ArrayList<>()).add(e);
    Totals t = new Totals();
    // --pipeline: matching on this one thread, in import order, while the next import runs
    java.util.concurrent.ExecutorService matching = pipeline ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread th = new Thread(r, "bench-matching");
      th.setDaemon(true);
      return th;
    }) : null;
    List<java.util.concurrent.Future<CrossMatcher.Summary>> pending = new ArrayList<>();
    for (Map.Entry<String, List<Entity>> a : byAgency.entrySet()) {
      List<Entity> es = a.getValue();
      for (int from = 0; from < es.size(); from += batch) {
        List<Entity> part = es.subList(from, Math.min(es.size(), from + batch));
        Path csv = work.resolve("new-" + (t.runs++) + ".csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
          Csv.writeRow(w, "person_id", "first", "last", "name", "born", "nationality", "gender", "passport");
          for (Entity e : part) {
            Csv.writeRow(w, e.id(), e.first("firstName"), e.first("lastName"), e.first("name"), e.first("birthDate"), e.first("nationality"),
                e.first("gender"), e.first("passportNumber"));
          }
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String caseRef = casePrefix + t.runs;
        double s0 = serverCpu();
        long t0 = System.nanoTime();
        long c0 = Clock.cpu();
        ImportResult r = new ImportService(store, Model.get()).run(List.of(InputFile.of(csv)), mapping,
            new ImportSettings(a.getKey(), caseRef, null, null, null, "bench", at), true, x -> {}, Ingestor.Progress.NONE);
        long t1 = System.nanoTime();
        long c1 = Clock.cpu();
        double s1 = serverCpu();
        t.imported += r.entitiesAdded();
        Files.delete(csv);
        if (matching != null) {
          String agency = a.getKey();
          pending.add(matching.submit(() -> AfterImport.run(db, store, null, agency, caseRef, at)));
          t.importNanos += t1 - t0;
          continue;
        }
        CrossMatcher.Summary s = AfterImport.run(db, store, null, a.getKey(), caseRef, at);
        long t2 = System.nanoTime();
        long c2 = Clock.cpu();
        double s2 = serverCpu();
        t.serverImport += s1 - s0;
        t.serverMatch += s2 - s1;
        t.importNanos += t1 - t0;
        t.importCpu += c1 - c0;
        t.matchNanos += t2 - t1;
        t.matchCpu += c2 - c1;
        t.scored += s.scored();
        t.hits += s.hits();
      }
    }
    if (matching != null) {
      try {
        for (java.util.concurrent.Future<CrossMatcher.Summary> f : pending) {
          CrossMatcher.Summary s = f.get();
          t.scored += s.scored();
          t.hits += s.hits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while matching", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException x ? x : new IllegalStateException(e.getCause());
      } finally {
        matching.shutdownNow();
      }
    }
    return t;
  }

  /**
   * Removes the entities of the cases {@code casePrefix}… and their hits (their keys and values go
   * with them: the foreign keys cascade); audit records and import runs stay, as matching never reads
   * them. Returns the entities removed.
   */
  private static long removeCases(Database db, String casePrefix) {
    return db.jdbi().inTransaction(h -> {
      String like = casePrefix + "%";
      h.createUpdate("DELETE FROM hit WHERE left_entity IN (SELECT id FROM entity WHERE case_ref LIKE :c) "
          + "OR right_entity IN (SELECT id FROM entity WHERE case_ref LIKE :c)").bind("c", like).execute();
      h.createUpdate("DELETE FROM statement WHERE case_ref LIKE :c").bind("c", like).execute();
      return (long) h.createUpdate("DELETE FROM entity WHERE case_ref LIKE :c").bind("c", like).execute();
    });
  }

  // ---- 3. hit/no-hit queries ---------------------------------------------------------------

  private void query(Database db, SyntheticPersons layout, int[] held) {
    if (queries == 0) return;
    EntityStore store = new EntityStore(db, Model.get());
    HitStore hitStore = new HitStore(db, new JdbcAuditLog(db));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed + 1);
    int warm = Math.min(200, queries);
    long[] wall = new long[queries];
    long[] cpu = new long[queries];
    int heldProbes = 0;
    int found = 0;
    int absentProbes = 0;
    int falseFound = 0;
    for (int q = -warm; q < queries; q++) {
      boolean present = r.nextBoolean();
      int cluster = present ? layout.cluster(held[r.nextInt(held.length)]) : layout.clusters() + 1 + Math.abs(q);
      Entity probe = layout.variant(cluster, 4 + r.nextInt(4), "LY", "q" + (q + warm));
      long t0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      List<CrossMatcher.ProbeHit> answer = new CrossMatcher(db, store, hitStore).probe("LY", probe);
      long t = System.nanoTime() - t0;
      long c = mx.getCurrentThreadCpuTime() - c0;
      if (q < 0) continue;
      wall[q] = t;
      cpu[q] = c;
      boolean same = answer.stream().anyMatch(h -> h.entityId().startsWith("p" + cluster + "-"));
      if (present) {
        heldProbes++;
        if (same) found++;
      } else {
        absentProbes++;
        if (!answer.isEmpty()) falseFound++;
      }
    }
    long[] sorted = wall.clone();
    Arrays.sort(sorted);
    double cpuMean = Arrays.stream(cpu).average().orElse(0) / 1e6;
    out.printf(Locale.ROOT, "  hit/no-hit: %,d queries against %,d entities (after %d warm-up): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms wall; "
            + "mean %.2f ms CPU (query thread; the database's share included only on embedded H2)%n", queries, store.counts().entities(), warm,
        pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), cpuMean);
    out.printf(Locale.ROOT, "    held persons found %d/%d; new persons answered with a hit %d/%d; load average %.2f%n", found, heldProbes,
        falseFound, absentProbes, load());
    out.flush();
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Wall and process CPU time since the last lap. */
  private static final class Clock {
    private long wall = System.nanoTime();
    private long cpu = cpu();
    private double lastCpu;

    static long cpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    String lap() {
      String s = peek();
      lastCpu = (cpu() - cpu) / 1e9;
      wall = System.nanoTime();
      cpu = cpu();
      return s;
    }

    String peek() {
      return String.format(Locale.ROOT, "%.1f s wall, %.1f s CPU", (System.nanoTime() - wall) / 1e9, (cpu() - cpu) / 1e9);
    }

    double lastCpuSeconds() {
      return lastCpu;
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : a / (double) b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) b.resetPeakUsage();
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) if (b.getType() == MemoryType.HEAP) sum += b.getPeakUsage().getUsed();
    return sum;
  }

  /** A fresh schema on the PostgreSQL server, so the store starts empty. */
  private static Database freshSchema(String url) {
    String schema = "bench_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalArgumentException("--db " + url + ": " + e.getMessage(), e);
    }
    return Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
