package org.mirabella.http;

import java.util.List;
import org.mirabella.model.Model;
import org.mirabella.search.IndexSync;
import org.mirabella.search.SearchIndex;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/** What route handlers need: the database, the entity store, the search index and the model. */
public record ServerContext(Database db, EntityStore entities, SearchIndex search, Model model) {
  /** A context over {@code db} with the given index, synchronised with the store. */
  public static ServerContext of(Database db, SearchIndex search) {
    EntityStore entities = new EntityStore(db, Model.get());
    IndexSync.sync(entities, search);
    return new ServerContext(db, entities, search, Model.get());
  }

  /** A context with an in-memory index built from the store (tests, small stores). */
  public static ServerContext of(Database db) {
    return of(db, SearchIndex.inMemory(SearchIndex::matchingNameKeys));
  }
}
