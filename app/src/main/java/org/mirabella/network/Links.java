package org.mirabella.network;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.model.Property;
import org.mirabella.model.Statement;
import org.mirabella.model.types.Types;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code entity_link} index, written inside {@link EntityStore}'s write transaction: one row
 * per statement whose property is entity-typed (FtM's edge and link properties: {@code
 * Associate.person}, {@code Payment.payer}, {@code BorderCrossing.vehicle}, …) or a pivot type (a
 * phone, IBAN, e-mail, identifier, IP or address shared by several entities links them; see
 * {@code PropertyType.pivot}). Rows are only an index for finding neighbours fast; the graph itself is
 * built from the entities as {@code AccessControl} lets the viewer see them.
 */
public final class Links {
  private static final Logger LOG = LoggerFactory.getLogger(Links.class);
  /** Target ids of pivot values: {@code pivot:phone:+218912345678}. */
  public static final String PIVOT_PREFIX = "pivot:";
  private static final int MAX_TARGET = 640;
  static final String COLUMNS = "statement_id, source_id, source_schema, property, target_id, pivot, agency, case_ref, handling, "
      + "start_date, end_date";
  static final String PARAMS = ":statement, :source, :schema, :property, :target, :pivot, :agency, :case, :handling, :start, :end";

  private Links() {}

  /** One row of the index. */
  public record Link(String statementId, String sourceId, String sourceSchema, String property, String targetId, boolean pivot,
      String agency, String caseRef, String handling, String startDate, String endDate) {}

  /** The pivot node id of a cleaned value of a pivot-typed property. */
  public static String pivotId(Property p, String value) {
    return PIVOT_PREFIX + p.type().name() + ":" + value;
  }

  public static boolean isPivot(String nodeId) {
    return nodeId.startsWith(PIVOT_PREFIX);
  }

  /** The index rows of one entity's statements (retracted ones too: readers join the retraction). */
  public static List<Link> of(Entity e) {
    List<Link> out = new ArrayList<>();
    String[] extent = extent(e);
    for (Statement s : e.statements()) {
      Property p = e.schema().property(s.property());
      if (p == null) continue;
      boolean entity = p.type() == Types.ENTITY;
      if (!entity && !p.type().pivot()) continue;
      String target = entity ? s.value() : pivotId(p, s.value());
      if (target.length() > MAX_TARGET) continue; // a pivot value this long is free text, not a shared key
      out.add(new Link(s.id(), e.id(), e.schema().name(), s.property(), target, !entity, s.provenance().agency(),
          s.provenance().caseRef(), s.provenance().handling().name(), extent[0], extent[1]));
    }
    return out;
  }

  /** Earliest and latest of the entity's date, startDate and endDate (partial ISO dates sort as text). */
  static String[] extent(Entity e) {
    String first = null;
    String last = null;
    for (String prop : List.of("date", "startDate", "endDate")) {
      if (e.schema().property(prop) == null) continue;
      for (String v : e.values(prop)) {
        if (first == null || v.compareTo(first) < 0) first = v;
        if (last == null || v.compareTo(last) > 0) last = v;
      }
    }
    return new String[] {first, last};
  }

  /**
   * Writes the index rows of {@code entities} in one JDBC batch on {@code h} (the store's write
   * transaction, after the statements). Idempotent like the statements themselves.
   */
  public static void write(Handle h, Collection<Entity> entities) {
    PreparedBatch b = null;
    for (Entity e : entities) {
      for (Link l : of(e)) {
        if (b == null) b = h.prepareBatch(insertSql(h));
        b.bind("statement", l.statementId()).bind("source", l.sourceId()).bind("schema", l.sourceSchema())
            .bind("property", l.property()).bind("target", l.targetId()).bind("pivot", l.pivot()).bind("agency", l.agency())
            .bind("case", l.caseRef()).bind("handling", l.handling()).bind("start", l.startDate()).bind("end", l.endDate()).add();
      }
    }
    if (b != null) b.execute();
  }

  static String insertSql(Handle h) {
    String product;
    try {
      product = h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell the database product", e);
    }
    if (product.contains("postgres")) {
      return "INSERT INTO entity_link(" + COLUMNS + ") VALUES (" + PARAMS + ") ON CONFLICT (statement_id) DO NOTHING";
    }
    return "MERGE INTO entity_link l USING (VALUES (CAST(:statement AS CHAR(40)))) v(id) ON l.statement_id = v.id "
        + "WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (" + PARAMS + ")";
  }

  /**
   * Fills the index of a store written before it existed: when {@code entity_link} is empty but
   * statements exist, every entity is read and indexed, a thousand at a time. Returns the rows written.
   */
  public static long backfillIfEmpty(Database db, Model model) {
    boolean empty = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM entity_link LIMIT 1) x")
        .mapTo(Long.class).one() == 0);
    boolean statements = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM statement LIMIT 1) x")
        .mapTo(Long.class).one() > 0);
    if (!empty || !statements) return 0;
    EntityStore store = new EntityStore(db, model);
    List<String> ids = store.ids();
    long rows = 0;
    for (int i = 0; i < ids.size(); i += 1000) {
      Collection<Entity> chunk = store.findAll(ids.subList(i, Math.min(ids.size(), i + 1000))).values();
      for (Entity e : chunk) rows += of(e).size();
      db.jdbi().useTransaction(h -> write(h, chunk));
    }
    if (rows > 0) LOG.info("entity_link: indexed {} links of {} existing entities", rows, ids.size());
    return rows;
  }
}
