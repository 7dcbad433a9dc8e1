package org.mirabella.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.audit.AuditChain;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.hits.HitStore;
import org.mirabella.matching.MatchKeys;
import org.mirabella.model.Entity;
import org.mirabella.search.IndexSync;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.xref.CrossMatcher;

/**
 * The store checked against everything derived from it or chained to it: the search index (same
 * entity ids), the audit trail (hash chain intact up to the head, whose hash is reported so it can
 * be anchored outside the store), the hits (both sides exist; a hit's judgement is its latest
 * recorded judgement) and the match keys (every matchable entity holds exactly the keys the
 * matching engine computes for it now). {@link #repair} fixes what can be derived: the index, and
 * the match keys, re-matching the entities whose keys were missing or stale so that hits a killed
 * import or cross-match run never recorded are found.
 */
public final class StoreCheck {
  private static final int BATCH = 2_000;
  private static final int SAMPLE = 5;

  private final Database db;
  private final EntityStore store;
  private final SearchIndex index;

  public StoreCheck(Database db, EntityStore store, SearchIndex index) {
    this.db = db;
    this.store = store;
    this.index = index;
  }

  /** One part of the check: consistent or not, what was found, and a few offending ids. */
  public record Part(String name, boolean consistent, String summary, List<String> examples) {}

  /** The whole check; {@code auditHead} is the hash to anchor externally. */
  public record Report(List<Part> parts, long auditRecords, String auditHead) {
    public boolean consistent() {
      return parts.stream().allMatch(Part::consistent);
    }
  }

  /** Checks without changing anything. */
  public Report check() {
    return run(false);
  }

  /** Checks, then repairs index and match keys (re-matching what they lacked); audit and hits are only reported. */
  public Report repair() {
    return run(true);
  }

  private Report run(boolean repair) {
    List<Part> parts = new ArrayList<>();
    IndexSync.Report idx = repair ? IndexSync.sync(store, index) : IndexSync.diff(store, index);
    parts.add(new Part("index", repair || idx.wasConsistent(), String.format(
        "store: %d entities; search index: %d entities; missing from index: %d; not in store: %d; out of date: %d%s", idx.inStore(),
        idx.inIndex(), idx.added(), idx.removed(), idx.stale(), repair && !idx.wasConsistent() ? " (repaired)" : ""), List.of()));

    AuditChain.Verification audit = new JdbcAuditLog(db).verify();
    parts.add(new Part("audit", audit.intact(), audit.intact()
        ? audit.records() + " records, chain intact"
        : "chain broken at record " + audit.firstBad() + ": " + audit.problem(), List.of()));

    parts.add(hits());
    parts.add(matchKeys(repair));
    return new Report(parts, audit.records(), audit.headHash());
  }

  private Part hits() {
    List<String> dangling = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT ref FROM hit WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = hit.left_entity) "
                + "OR NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = hit.right_entity) ORDER BY ref")
        .mapTo(String.class).list());
    // A judgement and the hit's current judgement are written in one transaction; they must agree.
    List<String> judged = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT hit.ref FROM hit LEFT JOIN hit_judgement j ON j.hit_id = hit.id AND j.id = "
                + "(SELECT MAX(k.id) FROM hit_judgement k WHERE k.hit_id = hit.id) "
                + "WHERE COALESCE(hit.judgement, '-') <> COALESCE(j.judgement, '-') ORDER BY hit.ref")
        .mapTo(String.class).list());
    long total = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM hit").mapTo(Long.class).one());
    List<String> examples = new ArrayList<>(dangling.subList(0, Math.min(SAMPLE, dangling.size())));
    examples.addAll(judged.subList(0, Math.min(SAMPLE, judged.size())));
    return new Part("hits", dangling.isEmpty() && judged.isEmpty(), String.format(
        "%d hits; %d reference a missing entity; %d with a judgement other than their latest", total, dangling.size(), judged.size()),
        examples);
  }

  private Part matchKeys(boolean repair) {
    List<String> ids = store.ids();
    List<String> wrong = new ArrayList<>();
    long matchable = 0;
    for (int i = 0; i < ids.size(); i += BATCH) {
      List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
      Map<String, Set<String>> stored = storedKeys(batch);
      for (Entity e : store.findAll(batch).values()) {
        Set<String> expected = e.schema().matchable() ? expectedKeys(MatchKeys.of(e)) : Set.of();
        if (e.schema().matchable()) matchable++;
        if (!expected.equals(stored.getOrDefault(e.id(), Set.of()))) wrong.add(e.id());
      }
    }
    String summary = String.format("%d matchable entities; %d with missing or stale keys", matchable, wrong.size());
    if (repair && !wrong.isEmpty()) {
      // CrossMatcher.match rewrites the keys of exactly these entities and scores them against the store.
      var s = new CrossMatcher(db, store, new HitStore(db, new JdbcAuditLog(db))).match(wrong);
      summary += String.format(" (repaired: keys rewritten, %d pairs scored, %d hits recorded)", s.scored(), s.hits());
    }
    return new Part("match keys", repair || wrong.isEmpty(), summary, wrong.subList(0, Math.min(SAMPLE, wrong.size())));
  }

  /** The keys CrossMatcher stores for an entity: blocking keys cut to the column's 256 characters. */
  static Set<String> expectedKeys(MatchKeys k) {
    Set<String> out = new LinkedHashSet<>();
    for (String key : k.blockingKeys()) out.add(key.length() > 256 ? key.substring(0, 256) : key);
    return out;
  }

  private Map<String, Set<String>> storedKeys(List<String> ids) {
    Map<String, Set<String>> out = new HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT entity_id, mkey FROM match_key WHERE entity_id IN (<ids>)")
        .bindList("ids", ids).map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), x -> new HashSet<>()).add(e.getValue())));
    return out;
  }
}
