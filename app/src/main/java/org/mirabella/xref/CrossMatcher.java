package org.mirabella.xref;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mirabella.hits.HitRecorder;
import org.mirabella.hits.ScoredPair;
import org.mirabella.matching.Band;
import org.mirabella.matching.Match;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatchValues;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.engine.CrossMatchRules;
import org.mirabella.matching.store.MatchModels;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * Cross-agency matching against everything already held: each new entity's blocking keys are
 * stored ({@code match_key}), its candidates are the other agencies' entities that share a strong
 * identifier key or at least two keys of any kind, and every candidate pair is scored by the
 * matching engine; pairs in the review band or above become hits through {@link HitRecorder}.
 *
 * <p>The model is the latest stored fitted version ({@link MatchModels}, {@code mirabella xref --refit}
 * adds one), or the algorithm's priors before any fit; every hit records the version that scored
 * it. Keys that were held by more than {@link MatchModels#STOP_KEY_HOLDERS} entities when the model
 * was fitted are not looked up (they would bring thousands of candidates and no information).
 *
 * <p>Load order does not change the result for a given model version: whether a pair is a
 * candidate depends only on the two records' own keys and the version's stop keys (never on how
 * common a key happens to be at that moment), the score is symmetric, and whichever of the two
 * arrives second finds the first.
 */
public final class CrossMatcher {
  /** Candidates looked at per new entity at most (the most shared keys first). */
  static final int MAX_CANDIDATES = CrossMatchRules.MAX_CANDIDATES;
  private static final int BATCH = 500;

  private final Database db;
  private final EntityStore store;
  private final HitRecorder hits;
  private final MatcherV1 matcher;
  private final Integer modelVersion;
  private final Set<String> stopKeys;
  /** Keys of entities already read during this matcher's life (candidates recur from batch to batch). */
  private final Map<String, MatchKeys> keyCache = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, MatchKeys> eldest) {
      return size() > KEY_CACHE;
    }
  };
  private static final int KEY_CACHE = 200_000;
  /** Threads of this matcher's own ({@link #threads}), or null: matching's shared threads ({@link MatchPool}). */
  private java.util.concurrent.ForkJoinPool ownThreads;

  /** With the latest stored model version, or the priors when none was fitted yet. */
  public CrossMatcher(Database db, EntityStore store, HitRecorder hits) {
    this(db, store, hits, new MatchModels(db).latest().orElse(null));
  }

  /** With a stored model version ({@code null}: the priors). */
  public CrossMatcher(Database db, EntityStore store, HitRecorder hits, MatchModels.Stored model) {
    this.db = db;
    this.store = store;
    this.hits = hits;
    this.matcher = model == null ? new MatcherV1() : model.matcher();
    this.modelVersion = model == null ? null : model.version();
    this.stopKeys = model == null ? Set.of() : model.stopKeys();
  }

  /** With a model that is not stored (tests, evaluation): hits carry no model version. */
  public CrossMatcher(Database db, EntityStore store, HitRecorder hits, MatcherV1 matcher) {
    this.db = db;
    this.store = store;
    this.hits = hits;
    this.matcher = matcher;
    this.modelVersion = null;
    this.stopKeys = Set.of();
  }

  /** Fits a new model version over everything held ({@code mirabella xref --refit}) and matches with it. */
  public static CrossMatcher refitted(Database db, EntityStore store, HitRecorder hits, String by) {
    return new CrossMatcher(db, store, hits, new MatchModels(db).refit(store, by));
  }

  /**
   * This matcher on {@code n} threads of its own instead of matching's shared ones ({@code 1}: all
   * of its work on one thread). The results are the same on any number: each parallel step works on
   * one entity (or one part of the candidates) at a time and its results are put together in the
   * order a single thread would make them. For comparing runs (tests) and the benchmark.
   */
  public CrossMatcher threads(int n) {
    if (n < 1) throw new IllegalArgumentException("threads must be at least 1, not " + n);
    ownThreads = new java.util.concurrent.ForkJoinPool(n);
    return this;
  }

  private java.util.concurrent.ForkJoinPool pool() {
    return ownThreads != null ? ownThreads : MatchPool.pool();
  }

  private <T> T onThreads(java.util.function.Supplier<T> work) {
    return MatchPool.run(pool(), work);
  }

  /** The stored model version in use, or null for the priors. */
  public Integer modelVersion() {
    return modelVersion;
  }

  /** What a run did. */
  public record Summary(long entities, long candidates, long scored, long hits) {
    Summary plus(Summary o) {
      return new Summary(entities + o.entities, candidates + o.candidates, scored + o.scored, hits + o.hits);
    }
  }

  /** Matches the given (newly written) entities against everything held by other agencies. */
  public Summary match(Collection<String> entityIds) {
    Summary total = new Summary(0, 0, 0, 0);
    List<String> ids = new ArrayList<>(entityIds);
    for (int i = 0; i < ids.size(); i += BATCH) total = total.plus(matchBatch(ids.subList(i, Math.min(ids.size(), i + BATCH))));
    return total;
  }

  /** Recomputes every key and re-matches the whole store ({@code mirabella xref}). */
  public Summary rematchAll() {
    db.jdbi().useHandle(h -> {
      h.execute("DELETE FROM match_key");
      h.execute("DELETE FROM match_values");
    });
    synchronized (keyCache) {
      keyCache.clear();
    }
    List<String> all = store.ids();
    // Keys first for everything, then candidates: every pair is then seen from both sides.
    for (int i = 0; i < all.size(); i += BATCH) {
      Map<String, Entity> batch = store.findAll(all.subList(i, Math.min(all.size(), i + BATCH)));
      db.jdbi().useTransaction(h -> storeKeys(h, batch, keysOf(batch.values())));
    }
    Summary total = new Summary(0, 0, 0, 0);
    for (int i = 0; i < all.size(); i += BATCH) {
      Map<String, Entity> batch = store.findAll(all.subList(i, Math.min(all.size(), i + BATCH)));
      total = total.plus(scoreAgainstStore(batch, keysOf(batch.values())));
    }
    return total;
  }

  private Summary matchBatch(List<String> ids) {
    Map<String, Entity> entities = store.findAll(ids);
    Map<String, MatchKeys> keys = keysOf(entities.values());
    synchronized (keyCache) {
      ids.forEach(keyCache::remove);
    }
    db.jdbi().useTransaction(h -> {
      try (java.sql.Statement st = h.getConnection().createStatement()) {
        st.executeUpdate("DELETE FROM match_key WHERE entity_id IN (" + literals(ids) + ")");
        st.executeUpdate("DELETE FROM match_values WHERE entity_id IN (" + literals(ids) + ")");
      } catch (java.sql.SQLException e) {
        throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
      }
      storeKeys(h, entities, keys);
    });
    return scoreAgainstStore(entities, keys);
  }

  /**
   * Scores a batch of entities against the store: the whole batch's candidates from one read of the
   * holders of its keys ({@link #candidatesOf}), the candidates' keys remade from their stored values
   * in one read ({@link #keysOfStored}), every pair scored once (two new entities that find each
   * other are one pair), and the hits recorded together ({@link HitRecorder#recordAll}).
   */
  private Summary scoreAgainstStore(Map<String, Entity> entities, Map<String, MatchKeys> keys) {
    Map<String, String> agencyOf = new HashMap<>();
    entities.forEach((id, e) -> agencyOf.put(id, e.agency()));
    Map<String, List<String>> found = candidatesOf(keys.values(), agencyOf);
    long candidates = 0;
    Set<String> wanted = new HashSet<>();
    for (List<String> c : found.values()) {
      candidates += c.size();
      wanted.addAll(c);
    }
    Map<String, MatchKeys> others = keysOfStored(wanted, keys, null);
    // Every pair once, in a deterministic order: the new entities in id order, each with its
    // candidates in candidate order. Two new entities can meet from both sides (a held one is never
    // the outer entity); the pair is then scored where a single pass in that order meets it first:
    // from the entity with the smaller id if it lists the other, else from the other. Deciding that
    // per entity lets each entity's pairs be made and scored on any thread, and the ordered stream
    // puts the outcomes back in that order (so hits, their references and audit records are those
    // of a one-thread run).
    List<MatchKeys> outer = new ArrayList<>(keys.values());
    long[] scored = new long[outer.size()];
    List<List<ScoredPair>> perEntity = onThreads(() -> java.util.stream.IntStream.range(0, outer.size()).parallel().mapToObj(i -> {
      MatchKeys k = outer.get(i);
      Schema schema = entities.get(k.id()).schema();
      List<ScoredPair> out = new ArrayList<>(2);
      for (String other : found.getOrDefault(k.id(), List.of())) {
        MatchKeys o = others.get(other);
        if (o == null || !comparable(schema, Model.get().require(o.schema()))) continue;
        if (keys.containsKey(other) && other.compareTo(k.id()) < 0 && found.getOrDefault(other, List.of()).contains(k.id())
            && comparable(entities.get(other).schema(), Model.get().require(k.schema()))) {
          continue; // scored from the other side
        }
        scored[i]++;
        // the rules every engine shares (the Spark engine calls the same function)
        CrossMatchRules.Outcome m = CrossMatchRules.score(matcher, k, o);
        if (m != null) out.add(m.pair(modelVersion));
      }
      return out;
    }).toList());
    long pairs = 0;
    for (long n : scored) pairs += n;
    List<ScoredPair> outcomes = new ArrayList<>();
    for (List<ScoredPair> l : perEntity) outcomes.addAll(l);
    long recorded = outcomes.isEmpty() ? 0 : hits.recordAll(outcomes).size();
    org.mirabella.reliability.MatchMetrics.matched(candidates, pairs);
    return new Summary(entities.size(), candidates, pairs, recorded);
  }

  /**
   * One answer of a hit/no-hit query: an entity of another agency that may be the probe's person,
   * with its band and the kinds of property that agreed. The entity id is for the hit workflow;
   * what a partner is shown is the agency, band and kinds, never the values.
   */
  public record ProbeHit(String entityId, String agency, ScoredPair.Band band, double score, Set<String> kinds) {}

  /**
   * The hit/no-hit query a partner makes (does anyone hold this person or identifier?): the probe's
   * keys, its candidates among the other agencies' entities, each scored; answers in the review band
   * or above, best first. Nothing is stored.
   */
  public List<ProbeHit> probe(String askingAgency, Entity probe) {
    MatchKeys k = MatchKeys.of(probe);
    List<String> found = candidatesOf(List.of(k), Map.of(k.id(), askingAgency)).getOrDefault(k.id(), List.of());
    Map<String, String> agencies = new HashMap<>();
    Map<String, MatchKeys> keys = keysOfStored(new HashSet<>(found), Map.of(), agencies);
    List<String> unknown = found.stream().filter(id -> !agencies.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      db.jdbi().useHandle(h -> h.createQuery("SELECT id, agency FROM entity WHERE id IN (<ids>)").bindList("ids", unknown)
          .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> agencies.put(e.getKey(), e.getValue())));
    }
    List<ProbeHit> out = new ArrayList<>();
    for (String id : found) {
      MatchKeys o = keys.get(id);
      if (o == null || !comparable(probe.schema(), Model.get().require(o.schema()))) continue;
      double p = matcher.probability(k, o);
      if (p < MatcherV1.REVIEW) continue;
      Match m = matcher.score(k, o);
      if (m.band() == Band.NO_MATCH) continue;
      out.add(new ProbeHit(id, agencies.get(id), CrossMatchRules.hitBand(m), m.score(), CrossMatchRules.kinds(matcher, k, o)));
    }
    out.sort(java.util.Comparator.comparingDouble((ProbeHit h) -> -h.score()).thenComparing(ProbeHit::entityId));
    return out;
  }

  /** Keys or ids per query at least when {@link #parts} splits them for the threads. */
  private static final int MIN_PART = 200;

  /** Keys or ids bound per query at most (well under every driver's limit on parameters). */
  private static final int PER_QUERY = 2_000;

  /**
   * The candidates of each of {@code keys} (by entity id): other agencies' entities sharing an
   * identifier key or at least two keys, at most {@link #MAX_CANDIDATES}, most shared keys first,
   * then by id ({@link CrossMatchRules#CANDIDATE_ORDER}); stop keys are not looked up. One read of
   * the holders of all the batch's keys instead of one grouped query per entity; the counting is
   * done here by the rule the per-entity query applied ({@link CrossMatchRules#isCandidate}), so the
   * candidates are the same.
   */
  private Map<String, List<String>> candidatesOf(Collection<MatchKeys> keys, Map<String, String> agencyOf) {
    Map<String, Set<String>> lookups = new HashMap<>();
    Set<String> all = new HashSet<>();
    for (MatchKeys k : keys) {
      Set<String> own = new HashSet<>();
      for (String key : CrossMatchRules.keys(k)) if (!stopKeys.contains(key)) own.add(key);
      lookups.put(k.id(), own);
      all.addAll(own);
    }
    // the holders read in parts on matching's threads (the rows' decoding was most of this step's time), each
    // key's holders as its part's one query returned them, so the counting below sees them as a single read would
    Map<String, List<String[]>> holders = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> list = new ArrayList<>(all);
    List<java.util.concurrent.Future<?>> read = new ArrayList<>();
    List<List<String>> keyParts = parts(list);
    for (List<String> part : keyParts) {
      read.add(start(() -> {
        Map<String, List<String[]>> mine = new HashMap<>();
        query("SELECT mkey, entity_id, agency FROM match_key WHERE mkey IN (" + literals(part) + ")", 3,
            r -> mine.computeIfAbsent(r[0], x -> new ArrayList<>()).add(r));
        holders.putAll(mine);
      }, keyParts.size()));
    }
    MatchPool.awaitAll(read);
    // counted per entity on matching's threads (each entity's candidates depend on its keys and the holders only)
    Map<String, List<String>> out = new java.util.concurrent.ConcurrentHashMap<>();
    onThreads(() -> {
      keys.parallelStream().forEach(k -> out.put(k.id(), candidatesOf(k, agencyOf.get(k.id()), lookups.get(k.id()), holders)));
      return null;
    });
    return out;
  }

  /** One entity's candidates among the holders of its keys ({@link #candidatesOf(Collection, Map)}). */
  private static List<String> candidatesOf(MatchKeys k, String agency, Set<String> ownKeys, Map<String, List<String[]>> holders) {
    {
      Map<String, int[]> shared = new HashMap<>();
      Set<String> byIdentifier = new HashSet<>();
      for (String key : ownKeys) {
        boolean identifier = CrossMatchRules.isIdentifierKey(key);
        for (String[] r : holders.getOrDefault(key, List.of())) {
          if (r[2].equals(agency)) continue;
          shared.computeIfAbsent(r[1], x -> new int[1])[0]++;
          if (identifier) byIdentifier.add(r[1]);
        }
      }
      List<CrossMatchRules.Candidate> c = new ArrayList<>();
      shared.forEach((id, n) -> {
        if (CrossMatchRules.isCandidate(n[0], byIdentifier.contains(id))) c.add(new CrossMatchRules.Candidate(id, n[0]));
      });
      c.sort(CrossMatchRules.CANDIDATE_ORDER);
      return c.stream().limit(MAX_CANDIDATES).map(CrossMatchRules.Candidate::id).toList();
    }
  }

  /**
   * The keys of stored entities: from {@code known}, this matcher's cache, their stored values
   * ({@code match_values}, one row each, remade in parallel), or, for an entity without stored
   * values (a store from before migration V70), its statements. Fills {@code agencies} (when not
   * null) with the owners of those read from the store.
   */
  private Map<String, MatchKeys> keysOfStored(Set<String> ids, Map<String, MatchKeys> known, Map<String, String> agencies) {
    Map<String, MatchKeys> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    synchronized (keyCache) {
      for (String id : ids) {
        MatchKeys k = known.get(id);
        if (k == null) k = keyCache.get(id);
        if (k == null) missing.add(id);
        else out.put(id, k);
      }
    }
    if (missing.isEmpty()) return out;
    // Parts read and remade on matching's threads, each by one task (its query, the rows' decoding,
    // the keys): the server answers one part while this process decodes and keys another, on both
    // cores. At least two parts per thread when there are enough candidates, so that no thread waits.
    List<List<String[]>> partRows = new ArrayList<>();
    Map<String, MatchKeys> read = new java.util.concurrent.ConcurrentHashMap<>(2 * missing.size());
    List<java.util.concurrent.Future<?>> remade = new ArrayList<>();
    List<List<String>> idParts = parts(missing);
    for (List<String> part : idParts) {
      List<String[]> rowsOfPart = new ArrayList<>(part.size());
      partRows.add(rowsOfPart);
      remade.add(start(() -> {
        query("SELECT entity_id, agency, schema_name, vals FROM match_values WHERE entity_id IN (" + literals(part) + ")", 4, rowsOfPart::add);
        for (String[] r : rowsOfPart) read.put(r[0], MatchValues.keys(r[0], Model.get().require(r[2]), r[3]));
      }, idParts.size()));
    }
    MatchPool.awaitAll(remade);
    if (agencies != null) for (List<String[]> rows : partRows) for (String[] r : rows) agencies.put(r[0], r[1]);
    List<String> unstored = read.size() == missing.size() ? List.of() : missing.stream().filter(id -> !read.containsKey(id)).toList();
    for (int i = 0; i < unstored.size(); i += PER_QUERY) {
      Map<String, Entity> es = store.findAll(unstored.subList(i, Math.min(unstored.size(), i + PER_QUERY)));
      if (agencies != null) es.forEach((id, e) -> agencies.put(id, e.agency()));
      read.putAll(keysOf(es.values()));
    }
    synchronized (keyCache) {
      keyCache.putAll(read);
    }
    // the smaller map copied into the larger (copying every read key into another map showed in the profile)
    read.putAll(out);
    return read;
  }

  /**
   * {@code all} in parts for queries run on matching's threads: at most {@link #PER_QUERY} each, and
   * at least two per thread when there are enough ({@link #MIN_PART} each at least), so that no thread waits.
   */
  private List<List<String>> parts(List<String> all) {
    if (all.isEmpty()) return List.of();
    int threads = pool().getParallelism();
    int n = Math.max((all.size() + PER_QUERY - 1) / PER_QUERY, Math.min(2 * threads, (all.size() + MIN_PART - 1) / MIN_PART));
    int size = Math.max(1, (all.size() + n - 1) / n);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) out.add(all.subList(i, Math.min(all.size(), i + size)));
    return out;
  }

  /**
   * Starts {@code work} on matching's threads, or runs it here at once when {@link #parts} made one part only (a
   * hit/no-hit query, a small import): no hand-over, and a partner's query does not wait behind an import's matching.
   */
  private java.util.concurrent.Future<?> start(Runnable work, int parts) {
    if (parts > 1) return pool().submit(work);
    work.run();
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }

  /** Runs a query of literals (plain JDBC: Jdbi's parser would look for parameters inside them), handing each row's columns. */
  private void query(String sql, int columns, java.util.function.Consumer<String[]> row) {
    db.jdbi().useHandle(h -> {
      try (java.sql.Statement st = h.getConnection().createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          String[] r = new String[columns];
          for (int c = 0; c < columns; c++) r[c] = rs.getString(c + 1);
          row.accept(r);
        }
      } catch (java.sql.SQLException e) {
        throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
      }
    });
  }

  /**
   * Strings as an SQL list of literals ({@code 'a', 'b'}), each quote doubled (standard SQL; H2 and
   * PostgreSQL with {@code standard_conforming_strings}, its default, read no other escape). Why not
   * bound parameters: H2 re-checks {@code col IN (?, ?, …)} on every row the index returns by
   * comparing with each parameter in turn (thousands of keys × hundreds of thousands of rows was
   * most of a batch's time), whereas an IN list of constants is checked against a sorted set.
   */
  static String literals(Collection<String> values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      if (v.indexOf('\0') >= 0) throw new IllegalArgumentException("a NUL character in an SQL value");
      if (!b.isEmpty()) b.append(", ");
      b.append('\'').append(v.replace("'", "''")).append('\'');
    }
    return b.toString();
  }

  private static boolean comparable(Schema a, Schema b) {
    return CrossMatchRules.comparable(a, b);
  }

  private Map<String, MatchKeys> keysOf(Collection<Entity> entities) {
    Map<String, MatchKeys> out = new java.util.concurrent.ConcurrentHashMap<>();
    onThreads(() -> {
      entities.parallelStream().filter(e -> e.schema().matchable()).forEach(e -> out.put(e.id(), MatchKeys.of(e)));
      return null;
    });
    return new java.util.TreeMap<>(out);
  }

  /** Writes the entities' keys ({@code match_key}) and the values they are made of ({@code match_values}). */
  private static void storeKeys(Handle h, Map<String, Entity> entities, Map<String, MatchKeys> keys) {
    if (keys.isEmpty()) return;
    if (postgres(h)) {
      storeKeysAsArrays(h, entities, keys);
      return;
    }
    PreparedBatch b = h.prepareBatch("INSERT INTO match_key(entity_id, agency, mkey) VALUES (:e, :a, :k)");
    PreparedBatch v = h.prepareBatch("INSERT INTO match_values(entity_id, agency, schema_name, vals) VALUES (:e, :a, :s, :v)");
    int n = 0;
    int nv = 0;
    for (MatchKeys k : keys.values()) {
      Entity e = entities.get(k.id());
      for (String key : CrossMatchRules.keys(k)) {
        b.bind("e", k.id()).bind("a", e.agency()).bind("k", key).add();
        n++;
      }
      String vals = MatchValues.encode(e);
      if (vals.length() <= MAX_VALUES_LENGTH) {
        v.bind("e", k.id()).bind("a", e.agency()).bind("s", e.schema().name()).bind("v", vals).add();
        nv++;
      }
    }
    if (n > 0) b.execute();
    if (nv > 0) v.execute();
  }

  /**
   * {@link #storeKeys} on PostgreSQL: each table's rows as one INSERT of arrays ({@code unnest}), one
   * statement and three or four parameters instead of a JDBC batch of thousands of rows, whose
   * per-row binding was about a tenth of the matcher's CPU time per import at a million entities.
   */
  private static void storeKeysAsArrays(Handle h, Map<String, Entity> entities, Map<String, MatchKeys> keys) {
    List<String> ke = new ArrayList<>();
    List<String> ka = new ArrayList<>();
    List<String> kk = new ArrayList<>();
    List<String> ve = new ArrayList<>();
    List<String> va = new ArrayList<>();
    List<String> vs = new ArrayList<>();
    List<String> vv = new ArrayList<>();
    for (MatchKeys k : keys.values()) {
      Entity e = entities.get(k.id());
      for (String key : CrossMatchRules.keys(k)) {
        ke.add(k.id());
        ka.add(e.agency());
        kk.add(key);
      }
      String vals = MatchValues.encode(e);
      if (vals.length() <= MAX_VALUES_LENGTH) {
        ve.add(k.id());
        va.add(e.agency());
        vs.add(e.schema().name());
        vv.add(vals);
      }
    }
    java.sql.Connection c = h.getConnection();
    try {
      if (!ke.isEmpty()) {
        try (java.sql.PreparedStatement ps = c.prepareStatement(
            "INSERT INTO match_key(entity_id, agency, mkey) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[])")) {
          ps.setArray(1, c.createArrayOf("varchar", ke.toArray()));
          ps.setArray(2, c.createArrayOf("varchar", ka.toArray()));
          ps.setArray(3, c.createArrayOf("varchar", kk.toArray()));
          ps.executeUpdate();
        }
      }
      if (!ve.isEmpty()) {
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO match_values(entity_id, agency, schema_name, vals) "
            + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])")) {
          ps.setArray(1, c.createArrayOf("varchar", ve.toArray()));
          ps.setArray(2, c.createArrayOf("varchar", va.toArray()));
          ps.setArray(3, c.createArrayOf("varchar", vs.toArray()));
          ps.setArray(4, c.createArrayOf("varchar", vv.toArray()));
          ps.executeUpdate();
        }
      }
    } catch (java.sql.SQLException e) {
      throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
    }
  }

  private static boolean postgres(Handle h) {
    try {
      return "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName());
    } catch (java.sql.SQLException e) {
      throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
    }
  }

  /** Width of {@code match_values.vals}; an entity with longer values is read from its statements instead. */
  static final int MAX_VALUES_LENGTH = 1_000_000;
}
