package org.mirabella.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mirabella.store.EntityStore;

/**
 * Keeps the search index in line with the store, which is the source of truth: on start (and from
 * {@code mirabella check}) it compares each entity's {@link SearchIndex#stamp} in the store with the
 * index's and re-indexes what is missing or out of date, removing what the store no longer has.
 * This is what makes the index's lazy commits safe ({@link SearchIndex}): whatever a crash took from
 * the index, or an import made while no index was open (into PostgreSQL while no server ran), is found here.
 */
public final class IndexSync {
  private static final int BATCH = 2_000;

  /** What a sync found and did: entities added to the index, removed from it, and re-indexed as out of date. */
  public record Report(long inStore, long inIndex, long added, long removed, long stale) {
    public boolean wasConsistent() {
      return added == 0 && removed == 0 && stale == 0;
    }
  }

  private IndexSync() {}

  /** What differs, without changing anything. */
  public static Report diff(EntityStore store, SearchIndex index) {
    Diff d = compare(store, index);
    return d.report();
  }

  public static Report sync(EntityStore store, SearchIndex index) {
    Diff d = compare(store, index);
    if (!d.extra.isEmpty()) index.delete(d.extra);
    List<String> todo = new ArrayList<>(d.missing);
    todo.addAll(d.stale);
    for (int i = 0; i < todo.size(); i += BATCH) {
      index.index(store.findAll(todo.subList(i, Math.min(todo.size(), i + BATCH))).values());
    }
    index.commit();
    return d.report();
  }

  private record Diff(long inStore, long inIndex, List<String> missing, List<String> extra, List<String> stale) {
    Report report() {
      return new Report(inStore, inIndex, missing.size(), extra.size(), stale.size());
    }
  }

  private static Diff compare(EntityStore store, SearchIndex index) {
    Map<String, String> stored = stamps(store);
    Map<String, String> indexed = index.stamps();
    List<String> missing = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    for (var e : stored.entrySet()) {
      if (!indexed.containsKey(e.getKey())) missing.add(e.getKey());
      else if (!e.getValue().equals(indexed.get(e.getKey()))) stale.add(e.getKey());
    }
    List<String> extra = new ArrayList<>();
    for (String id : indexed.keySet()) if (!stored.containsKey(id)) extra.add(id);
    return new Diff(stored.size(), indexed.size(), missing, extra, stale);
  }

  /** Every entity of the store with its stamp: one pass over the statements, grouped (an entity without any is 0/0). */
  static Map<String, String> stamps(EntityStore store) {
    Map<String, String> out = new HashMap<>();
    for (String id : store.ids()) out.put(id, SearchIndex.stamp(0, 0));
    store.database().jdbi().useHandle(h -> h.createQuery(
            "SELECT entity_id, COUNT(*) AS n, COUNT(retracted_at) AS r FROM statement GROUP BY entity_id")
        .map((rs, ctx) -> Map.entry(rs.getString("entity_id"), SearchIndex.stamp(rs.getLong("n"), rs.getLong("r"))))
        .forEach(e -> out.replace(e.getKey(), e.getValue())));
    return out;
  }
}
