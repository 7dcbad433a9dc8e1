package org.mirabella.actions;

import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/** A real in-memory H2 store with the sample case file and the joint-action demo loaded. */
public final class DemoStore {
  private DemoStore() {}

  public static Database withDemo() {
    Database db = TestDatabases.h2();
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    SampleData.load(store, Model.get());
    JointActionDemo.load(db, store, Model.get());
    return db;
  }
}
