package org.mirabella.reliability;

import org.mirabella.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's page cache for a server. H2 sizes it by the machine's memory per JVM (16 MB
 * in the load benchmark's server), far below the working set of a larger store: on the 10k-scale
 * store (1.1 GB file, 1.26 M statements) most of the server's CPU under load went to H2 evicting and
 * re-reading pages (JFR: {@code CacheLongKeyLIRS.find/evict}, {@code DataUtils.readString}). A server
 * gives it a quarter of its heap, between 64 MB and 1 GB ({@code SET CACHE_SIZE}, in KB; it lasts
 * while the store is open). PostgreSQL keeps its own cache: nothing to do there.
 */
public final class PageCache {
  private static final Logger LOG = LoggerFactory.getLogger(PageCache.class);
  static final long MIN_KB = 64 * 1024;
  static final long MAX_KB = 1024 * 1024;

  private PageCache() {}

  /** The cache size in KB for a JVM allowed {@code maxHeapBytes}. */
  static long kilobytesFor(long maxHeapBytes) {
    return Math.max(MIN_KB, Math.min(MAX_KB, maxHeapBytes / 4 / 1024));
  }

  /** Sizes the embedded store's page cache for serving; returns the size set in KB, or 0 on PostgreSQL. */
  public static long sizeForServer(Database db) {
    if (db.dialect() != Database.Dialect.H2) return 0;
    long kb = kilobytesFor(Runtime.getRuntime().maxMemory());
    db.jdbi().useHandle(h -> h.execute("SET CACHE_SIZE " + kb));
    LOG.atInfo().addKeyValue("event", "store.cache").addKeyValue("kilobytes", kb).log("embedded store page cache sized for serving");
    return kb;
  }
}
