package org.mirabella.http;

import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/** What route handlers need: the database, the entity store and the model. */
public record ServerContext(Database db, EntityStore entities, Model model) {
  public static ServerContext of(Database db) {
    return new ServerContext(db, new EntityStore(db, Model.get()), Model.get());
  }
}
