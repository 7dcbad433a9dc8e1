package org.mirabella.reliability;

import org.mirabella.model.Model;
import org.mirabella.search.IndexSync;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On {@code serve} start the search index is brought in line with the database (the source of
 * truth) before the first request, and a disagreement is logged: counts only, never ids or names.
 */
public final class StartupRepair {
  private static final Logger LOG = LoggerFactory.getLogger(StartupRepair.class);

  private StartupRepair() {}

  public static IndexSync.Report repairIndex(Database db, SearchIndex index) {
    IndexSync.Report r = IndexSync.sync(new EntityStore(db, Model.get()), index);
    if (r.wasConsistent()) {
      LOG.atInfo().addKeyValue("event", "index.check").addKeyValue("entities", r.inStore()).log("search index agrees with the store");
    } else {
      LOG.atWarn().addKeyValue("event", "index.repaired").addKeyValue("entities", r.inStore()).addKeyValue("indexed", r.inIndex())
          .addKeyValue("added", r.added()).addKeyValue("removed", r.removed())
          .addKeyValue("stale", r.stale())
          .log("search index disagreed with the store and was repaired from it");
    }
    return r;
  }
}
