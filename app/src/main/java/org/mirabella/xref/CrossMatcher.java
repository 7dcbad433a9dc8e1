package org.mirabella.xref;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mirabella.hits.HitRecorder;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.engine.CrossMatchRules;
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
 * <p>Load order does not change the result: whether a pair is a candidate depends only on the two
 * records' own keys (never on how common a key happens to be at that moment), the score is
 * symmetric, and whichever of the two arrives second finds the first.
 */
public final class CrossMatcher {
  /** Candidates looked at per new entity at most (the most shared keys first). */
  static final int MAX_CANDIDATES = CrossMatchRules.MAX_CANDIDATES;
  private static final int BATCH = 500;

  private final Database db;
  private final EntityStore store;
  private final HitRecorder hits;
  private final MatcherV1 matcher;

  public CrossMatcher(Database db, EntityStore store, HitRecorder hits) {
    this(db, store, hits, new MatcherV1());
  }

  public CrossMatcher(Database db, EntityStore store, HitRecorder hits, MatcherV1 matcher) {
    this.db = db;
    this.store = store;
    this.hits = hits;
    this.matcher = matcher;
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
    Map<String, MatchKeys> cache = new HashMap<>();
    for (MatchKeys k : keys.values()) {
      Entity e = entities.get(k.id());
      List<String> found = candidates(e.agency(), k);
      candidates += found.size();
      List<String> missing = found.stream().filter(id -> !cache.containsKey(id)).toList();
      if (!missing.isEmpty()) cache.putAll(keysOf(store.findAll(missing).values()));
      for (String other : found) {
        MatchKeys o = cache.get(other);
        if (o == null || !comparable(e.schema(), Model.get().require(o.schema()))) continue;
        // the rules every engine shares (the Spark engine calls the same function)
        CrossMatchRules.Outcome m = CrossMatchRules.score(matcher, k, o);
        scored++;
        if (m == null) continue;
        if (hits.record(m.pair()).isPresent()) recorded++;
      }
    }
    return new Summary(entities.size(), candidates, scored, recorded);
  }

  /** Other agencies' entities sharing an identifier key or at least two keys with {@code k}. */
  private List<String> candidates(String agency, MatchKeys k) {
    Set<String> blocking = CrossMatchRules.keys(k);
    if (blocking.isEmpty()) return List.of();
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT entity_id FROM match_key WHERE mkey IN (<keys>) AND agency <> :agency GROUP BY entity_id "
                + "HAVING COUNT(*) >= 2 OR MAX(CASE WHEN mkey LIKE 'i:%' THEN 1 ELSE 0 END) = 1 "
                + "ORDER BY COUNT(*) DESC, entity_id LIMIT " + MAX_CANDIDATES)
        .bindList("keys", new ArrayList<>(blocking)).bind("agency", agency).mapTo(String.class).list());
  }

  private static boolean comparable(Schema a, Schema b) {
    return CrossMatchRules.comparable(a, b);
  }

  private static Map<String, MatchKeys> keysOf(Collection<Entity> entities) {
    Map<String, MatchKeys> out = new HashMap<>();
    for (Entity e : entities) if (e.schema().matchable()) out.put(e.id(), MatchKeys.of(e));
    return out;
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
