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
    db.jdbi().useHandle(h -> h.execute("DELETE FROM match_key"));
    List<String> all = store.ids();
    // Keys first for everything, then candidates: every pair is then seen from both sides.
    for (int i = 0; i < all.size(); i += BATCH) {
      Map<String, Entity> batch = store.findAll(all.subList(i, Math.min(all.size(), i + BATCH)));
      db.jdbi().useTransaction(h -> storeKeys(h, keysOf(batch.values())));
    }
    Summary total = new Summary(0, 0, 0, 0);
    for (int i = 0; i < all.size(); i += BATCH) total = total.plus(scoreAgainstStore(store.findAll(all.subList(i, Math.min(all.size(), i + BATCH)))));
    return total;
  }

  private Summary matchBatch(List<String> ids) {
    Map<String, Entity> entities = store.findAll(ids);
    synchronized (keyCache) {
      ids.forEach(keyCache::remove);
    }
    db.jdbi().useTransaction(h -> {
      h.createUpdate("DELETE FROM match_key WHERE entity_id IN (<ids>)").bindList("ids", ids).execute();
      storeKeys(h, keysOf(entities.values()));
    });
    return scoreAgainstStore(entities);
  }

  private Summary scoreAgainstStore(Map<String, Entity> entities) {
    Map<String, MatchKeys> keys = keysOf(entities.values());
    long candidates = 0;
    long scored = 0;
    long recorded = 0;
    // Candidates of the whole batch first, then their keys in one read (cached across batches), then the scores.
    Map<String, List<String>> found = new HashMap<>();
    Set<String> missing = new HashSet<>();
    for (MatchKeys k : keys.values()) {
      List<String> c = candidates(entities.get(k.id()).agency(), k);
      found.put(k.id(), c);
      candidates += c.size();
      synchronized (keyCache) {
        for (String id : c) if (!keyCache.containsKey(id)) missing.add(id);
      }
    }
    Map<String, MatchKeys> cache = new HashMap<>(keys);
    List<String> toRead = new ArrayList<>(missing);
    for (int i = 0; i < toRead.size(); i += 2_000) {
      Map<String, MatchKeys> read = keysOf(store.findAll(toRead.subList(i, Math.min(toRead.size(), i + 2_000))).values());
      cache.putAll(read);
      synchronized (keyCache) {
        keyCache.putAll(read);
      }
    }
    for (MatchKeys k : keys.values()) {
      Entity e = entities.get(k.id());
      for (String other : found.get(k.id())) {
        MatchKeys o = cache.get(other);
        if (o == null) {
          synchronized (keyCache) {
            o = keyCache.get(other);
          }
        }
        if (o == null || !comparable(e.schema(), Model.get().require(o.schema()))) continue;
        // the rules every engine shares (the Spark engine calls the same function)
        CrossMatchRules.Outcome m = CrossMatchRules.score(matcher, k, o);
        scored++;
        if (m == null) continue;
        if (hits.record(m.pair(modelVersion)).isPresent()) recorded++;
      }
    }
    org.mirabella.reliability.MatchMetrics.matched(candidates, scored);
    return new Summary(entities.size(), candidates, scored, recorded);
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
    List<String> found = candidates(askingAgency, k);
    Map<String, MatchKeys> keys = new HashMap<>();
    List<String> missing = new ArrayList<>();
    synchronized (keyCache) {
      for (String id : found) {
        MatchKeys o = keyCache.get(id);
        if (o == null) missing.add(id);
        else keys.put(id, o);
      }
    }
    Map<String, String> agencies = new HashMap<>();
    if (!missing.isEmpty()) {
      Map<String, Entity> read = store.findAll(missing);
      read.forEach((id, e) -> agencies.put(id, e.agency()));
      Map<String, MatchKeys> computed = keysOf(read.values());
      keys.putAll(computed);
      synchronized (keyCache) {
        keyCache.putAll(computed);
      }
    }
    List<String> known = found.stream().filter(id -> !agencies.containsKey(id)).toList();
    if (!known.isEmpty()) {
      db.jdbi().useHandle(h -> h.createQuery("SELECT id, agency FROM entity WHERE id IN (<ids>)").bindList("ids", known)
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

  /** Other agencies' entities sharing an identifier key or at least two keys with {@code k}. */
  private List<String> candidates(String agency, MatchKeys k) {
    List<String> blocking = new ArrayList<>();
    for (String key : CrossMatchRules.keys(k)) if (!stopKeys.contains(key)) blocking.add(key);
    if (blocking.isEmpty()) return List.of();
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT entity_id FROM match_key WHERE mkey IN (<keys>) AND agency <> :agency GROUP BY entity_id "
                + "HAVING COUNT(*) >= 2 OR MAX(CASE WHEN mkey LIKE 'i:%' THEN 1 ELSE 0 END) = 1 "
                + "ORDER BY COUNT(*) DESC, entity_id LIMIT " + MAX_CANDIDATES)
        .bindList("keys", blocking).bind("agency", agency).mapTo(String.class).list());
  }

  private static boolean comparable(Schema a, Schema b) {
    return CrossMatchRules.comparable(a, b);
  }

  private static Map<String, MatchKeys> keysOf(Collection<Entity> entities) {
    Map<String, MatchKeys> out = new java.util.concurrent.ConcurrentHashMap<>();
    entities.parallelStream().filter(e -> e.schema().matchable()).forEach(e -> out.put(e.id(), MatchKeys.of(e)));
    return new HashMap<>(out);
  }

  private void storeKeys(Handle h, Map<String, MatchKeys> keys) {
    if (keys.isEmpty()) return;
    Map<String, String> agencies = new HashMap<>();
    h.createQuery("SELECT id, agency FROM entity WHERE id IN (<ids>)").bindList("ids", new ArrayList<>(keys.keySet()))
        .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> agencies.put(e.getKey(), e.getValue()));
    PreparedBatch b = h.prepareBatch("INSERT INTO match_key(entity_id, agency, mkey) VALUES (:e, :a, :k)");
    int n = 0;
    for (MatchKeys k : keys.values()) {
      for (String key : CrossMatchRules.keys(k)) {
        b.bind("e", k.id()).bind("a", agencies.get(k.id())).bind("k", key).add();
        n++;
      }
    }
    if (n > 0) b.execute();
  }
}
