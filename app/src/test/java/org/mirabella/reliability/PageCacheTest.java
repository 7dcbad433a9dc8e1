package org.mirabella.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.store.Database;

class PageCacheTest {
  @Test
  void aQuarterOfTheHeapWithinBounds() {
    assertThat(PageCache.kilobytesFor(2L << 30)).isEqualTo(512 * 1024);
    assertThat(PageCache.kilobytesFor(64L << 20)).as("small heaps still get 64 MB").isEqualTo(64 * 1024);
    assertThat(PageCache.kilobytesFor(64L << 30)).as("at most 1 GB").isEqualTo(1024 * 1024);
  }

  @Test
  void aServerSizesTheEmbeddedStoresCache(@TempDir Path data) {
    try (Database db = Database.embedded(data)) {
      long before = cacheMegabytes(db);
      long kb = PageCache.sizeForServer(db);
      assertThat(kb).isEqualTo(PageCache.kilobytesFor(Runtime.getRuntime().maxMemory()));
      assertThat(cacheMegabytes(db)).isEqualTo(kb / 1024).isNotEqualTo(before);
    }
  }

  private static long cacheMegabytes(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'").mapTo(Long.class).one());
  }
}
