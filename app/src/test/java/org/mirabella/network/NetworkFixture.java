package org.mirabella.network;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Role;
import org.mirabella.access.Viewer;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * A small two-agency network in a real store. IT (case IT-1): Amir, Bilal, Chadi, Driss, the vessel
 * Sea Star; Amir and Bilal are associates; Amir paid Chadi twice (100 + 50 EUR); Bilal called Chadi
 * twice in 2024; Chadi crossed on the Sea Star; Amir and Driss share a phone. DE (case DE-1, never
 * disclosed): Xaver, holding Amir's phone too and a phone shared only with Xenia, and DE's own
 * Associate record naming Amir. DE (case DE-2, shared with IT): Yusuf, the same man as Bilal by a
 * confirmed hit.
 */
final class NetworkFixture {
  static final String AMIR = "it-a";
  static final String BILAL = "it-b";
  static final String CHADI = "it-c";
  static final String DRISS = "it-d";
  static final String VESSEL = "it-v";
  static final String XAVER = "de-x";
  static final String XENIA = "de-x2";
  static final String YUSUF = "de-y";
  static final String SHARED_PHONE = "+4917623423980";
  static final String DE_ONLY_PHONE = "+4915112345678";
  static final List<String> DE_SECRET = List.of(XAVER, XENIA, "de-assoc", "de-call");

  final Database db;
  final EntityStore store;
  final AccessControl access;

  NetworkFixture(Database db) {
    this.db = db;
    this.store = new EntityStore(db, Model.get());
    this.access = new AccessControl(db, store);
    store.ensureAgencies(Agencies.get());
    store.ensureCase("IT", "IT-1", "IT one", LocalDate.of(2024, 1, 1));
    store.ensureCase("DE", "DE-1", "DE one", LocalDate.of(2024, 1, 1));
    store.ensureCase("DE", "DE-2", "DE two", LocalDate.of(2024, 1, 1));
    store.shareCase("DE", "DE-2", "IT");
    List<Entity> all = new ArrayList<>();
    all.add(person(AMIR, "IT", "IT-1", "Amir Haddad", SHARED_PHONE));
    all.add(person(BILAL, "IT", "IT-1", "Bilal Nasser", null));
    all.add(person(CHADI, "IT", "IT-1", "Chadi Aoun", null));
    all.add(person(DRISS, "IT", "IT-1", "Driss Alaoui", SHARED_PHONE));
    all.add(entity(VESSEL, "Vessel", "IT", "IT-1", "name", "Sea Star"));
    all.add(entity("it-assoc", "Associate", "IT", "IT-1", "person", AMIR, "associate", BILAL, "relationship", "cousin"));
    all.add(entity("it-pay1", "Payment", "IT", "IT-1", "payer", AMIR, "beneficiary", CHADI, "amount", "100", "currency", "EUR",
        "date", "2024-03-01"));
    all.add(entity("it-pay2", "Payment", "IT", "IT-1", "payer", AMIR, "beneficiary", CHADI, "amount", "50", "currency", "EUR",
        "date", "2024-05-02"));
    all.add(entity("it-call1", "Call", "IT", "IT-1", "caller", BILAL, "receiver", CHADI, "date", "2024-06-01"));
    all.add(entity("it-call2", "Call", "IT", "IT-1", "caller", BILAL, "receiver", CHADI, "date", "2024-07-15"));
    all.add(entity("it-cross", "BorderCrossing", "IT", "IT-1", "person", CHADI, "vehicle", VESSEL, "date", "2025-02-03"));
    Entity x = person(XAVER, "DE", "DE-1", "Xaver Secret", SHARED_PHONE);
    x.add("phone", DE_ONLY_PHONE, Provenance.of("DE", "DE-1"));
    all.add(x);
    all.add(person(XENIA, "DE", "DE-1", "Xenia Secret", DE_ONLY_PHONE));
    all.add(entity("de-assoc", "Associate", "DE", "DE-1", "person", XAVER, "associate", AMIR));
    all.add(entity("de-call", "Call", "DE", "DE-1", "caller", XAVER, "receiver", XENIA, "date", "2024-06-01"));
    all.add(person(YUSUF, "DE", "DE-2", "Yusuf Nasser", null));
    store.write(all);
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO hit(ref, left_entity, left_agency, right_entity, right_agency, score, band, "
            + "matched_kinds, algorithm, judgement, created_at, updated_at) VALUES ('H-1', :l, 'IT', :r, 'DE', 0.97, 'HIGH', 'name', "
            + "'test', 'CONFIRMED', :t, :t)")
        .bind("l", BILAL).bind("r", YUSUF).bind("t", Timestamp.from(Instant.now())).execute());
  }

  static Entity person(String id, String agency, String caseRef, String name, String phone) {
    Entity e = new Entity(id, Model.get().require("Person"), agency, caseRef, SubjectCategory.SUSPECT, LocalDate.now().plusYears(1));
    e.add("name", name, Provenance.of(agency, caseRef));
    if (phone != null) e.add("phone", phone, Provenance.of(agency, caseRef));
    return e;
  }

  static Entity entity(String id, String schema, String agency, String caseRef, String... props) {
    Entity e = new Entity(id, Model.get().require(schema), agency, caseRef, SubjectCategory.OTHER, LocalDate.now().plusYears(1));
    for (int i = 0; i + 1 < props.length; i += 2) {
      var r = e.add(props[i], props[i + 1], Provenance.of(agency, caseRef));
      if (r instanceof org.mirabella.model.types.Cleaned.Invalid bad) throw new IllegalArgumentException(props[i] + ": " + bad.reason());
    }
    return e;
  }

  static Viewer it() {
    return Viewer.of("it.analyst", "IT", Role.ANALYST);
  }

  static Viewer de() {
    return Viewer.of("de.analyst", "DE", Role.ANALYST);
  }
}
