package org.mirabella.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mirabella.store.EntityStore;

/**
 * Keeps the search index in line with the store, which is the source of truth: on start (and from
 * {@code mirabella check}) it compares the ids each holds and re-indexes what is missing or stale,
 * removing what the store no longer has.
 */
public final class IndexSync {
  private static final int BATCH = 2_000;

  /** What a sync found and did. */
  public record Report(long inStore, long inIndex, long added, long removed) {
    public boolean wasConsistent() {
      return added == 0 && removed == 0;
    }
  }

  private IndexSync() {}

  /** What differs, without changing anything. */
  public static Report diff(EntityStore store, SearchIndex index) {
    Set<String> stored = new HashSet<>(store.ids());
    Set<String> indexed = index.ids();
    long missing = stored.stream().filter(id -> !indexed.contains(id)).count();
    long extra = indexed.stream().filter(id -> !stored.contains(id)).count();
    return new Report(stored.size(), indexed.size(), missing, extra);
  }

  public static Report sync(EntityStore store, SearchIndex index) {
    Set<String> stored = new HashSet<>(store.ids());
    Set<String> indexed = index.ids();
    List<String> missing = new ArrayList<>();
    for (String id : stored) if (!indexed.contains(id)) missing.add(id);
    List<String> extra = new ArrayList<>();
    for (String id : indexed) if (!stored.contains(id)) extra.add(id);
    if (!extra.isEmpty()) index.delete(extra);
    for (int i = 0; i < missing.size(); i += BATCH) {
      index.index(store.findAll(missing.subList(i, Math.min(missing.size(), i + BATCH))).values());
    }
    return new Report(stored.size(), indexed.size(), missing.size(), extra.size());
  }
}
