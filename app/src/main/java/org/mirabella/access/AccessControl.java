package org.mirabella.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mirabella.access.Disclosures.CaseKey;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * The one enforcement point of the read policy: every path that serves a user data (entity reads,
 * search results and counts, hits, graph, exports, reports) goes through here.
 *
 * <ul>
 *   <li>{@link #visible(Viewer, Entity)} — the entity with only the statements the viewer may see,
 *       or empty when the viewer may not know it exists (answer 404);</li>
 *   <li>{@link #find(Viewer, String)} / {@link #findAll(Viewer, Collection)} — load and filter;</li>
 *   <li>{@link #filter(Viewer)} — the same rules as SQL conditions for lists and counts (a test
 *       keeps the SQL and {@link ReadPolicy} in agreement).</li>
 * </ul>
 */
public final class AccessControl {
  private final Database db;
  private final EntityStore store;
  private final ReadPolicy policy;

  public AccessControl(Database db, EntityStore store, ReadPolicy policy) {
    this.db = db;
    this.store = store;
    this.policy = policy;
  }

  public AccessControl(Database db, EntityStore store) {
    this(db, store, ReadPolicy.standard());
  }

  public static AccessControl of(Database db) {
    return new AccessControl(db, new EntityStore(db, Model.get()));
  }

  /** The store this enforces over (for the audit of reads in the same database: AuditGroupCommit). */
  public Database database() {
    return db;
  }

  public ReadPolicy policy() {
    return policy;
  }

  /** What other agencies have disclosed to {@code agency}: shared cases and current (unrevoked) releases. */
  public Disclosures disclosures(String agency) {
    return db.jdbi().withHandle(h -> disclosures(h, agency));
  }

  static Disclosures disclosures(Handle h, String agency) {
    Set<CaseKey> cases = new HashSet<>();
    h.createQuery("SELECT agency, case_ref FROM case_share WHERE shared_with = :a").bind("a", agency)
        .map((rs, c) -> new CaseKey(rs.getString(1), rs.getString(2))).forEach(cases::add);
    Map<String, Set<String>> releases = new HashMap<>();
    h.createQuery("SELECT statement_id, from_agency FROM dissemination WHERE to_agency = :a AND revoked_at IS NULL")
        .bind("a", agency).map((rs, c) -> Map.entry(rs.getString(1).strip(), rs.getString(2)))
        .forEach(e -> releases.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    return new Disclosures(agency, cases, releases);
  }

  /** The entity as the viewer may see it, or empty. */
  public Optional<Entity> visible(Viewer v, Entity e) {
    return policy.visible(v, e, disclosures(v.agency()));
  }

  /** The visible ones of {@code entities}, in order. */
  public List<Entity> visible(Viewer v, Collection<Entity> entities) {
    Disclosures d = disclosures(v.agency());
    List<Entity> out = new ArrayList<>();
    for (Entity e : entities) policy.visible(v, e, d).ifPresent(out::add);
    return out;
  }

  /** Loads an entity and returns what the viewer may see of it; empty when absent or not visible alike. */
  public Optional<Entity> find(Viewer v, String id) {
    return store.find(id).flatMap(e -> visible(v, e));
  }

  /** The owning agency of an entity, for the audit trail only: never show it to a caller. */
  public Optional<String> ownerOf(String id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT agency FROM entity WHERE id = :id").bind("id", id)
        .mapTo(String.class).findOne());
  }

  /** Loads entities and returns the visible ones (by id, in the order of {@code ids}). */
  public Map<String, Entity> findAll(Viewer v, Collection<String> ids) {
    Disclosures d = disclosures(v.agency());
    Map<String, Entity> out = new LinkedHashMap<>();
    store.findAll(ids).forEach((id, e) -> policy.visible(v, e, d).ifPresent(x -> out.put(id, x)));
    return out;
  }

  /** The read policy as SQL, for lists and counts. */
  public SqlFilter filter(Viewer v) {
    return new SqlFilter(v.agency(), v.readsCaseData(), v.seesForeignVictims());
  }

  /**
   * The read policy as SQL conditions with their parameters (all named {@code acl_*}). Use
   * {@link #entities(String)} on the {@code entity} table and {@link #statements(String, String)} on
   * {@code statement}, then {@link #bind} the query:
   * <pre>{@code
   * var f = access.filter(viewer);
   * f.bind(h.createQuery("SELECT COUNT(*) FROM entity e WHERE " + f.entities("e"))).mapTo(Long.class).one();
   * }</pre>
   */
  public record SqlFilter(String agency, boolean reader, boolean foreignVictims) {
    /** A statement (alias {@code s}) of entity {@code e} the viewer may read: grants, then restrictions. */
    public String statements(String s, String e) {
      return "(:acl_reader AND (" + s + ".retracted_at IS NULL OR " + s + ".agency = :acl_agency)"
          + " AND (" + e + ".category <> 'VICTIM' OR " + e + ".agency = :acl_agency OR :acl_victims)"
          + " AND (" + s + ".agency = :acl_agency"
          + " OR EXISTS (SELECT 1 FROM case_share acl_cs WHERE acl_cs.agency = " + s + ".agency AND acl_cs.case_ref = "
          + s + ".case_ref AND acl_cs.shared_with = :acl_agency)"
          + " OR EXISTS (SELECT 1 FROM dissemination acl_d WHERE acl_d.statement_id = " + s + ".id AND acl_d.to_agency = :acl_agency"
          + " AND acl_d.revoked_at IS NULL AND (acl_d.from_agency = " + s + ".agency OR " + s + ".handling <> 'H2'))))";
    }

    /** An entity (alias {@code e}) the viewer may know exists: its own agency's, or one with a visible statement. */
    public String entities(String e) {
      String s = "acl_s";
      return "((:acl_reader AND " + e + ".agency = :acl_agency) OR EXISTS (SELECT 1 FROM statement " + s + " WHERE " + s
          + ".entity_id = " + e + ".id AND " + statements(s, e) + "))";
    }

    /**
     * The ids (column {@code id}) of the entities {@link #entities} admits, as one query: the viewer's
     * own entities, and the others joined from the set of entity ids with a statement the viewer may
     * read (its agency's statements, those of cases shared with it, those released to it), each part
     * read through an index. The same rule, but evaluated once instead of as nested sub-queries per
     * foreign entity: counting a listing with it takes about half the time on H2 (issue 8).
     */
    public String entityIds(String extraCondition) {
      String cond = extraCondition == null || extraCondition.isBlank() ? "" : " AND " + extraCondition.replace("{e}", "acl_e");
      String visibleStatements = "SELECT acl_s1.entity_id FROM statement acl_s1 WHERE acl_s1.agency = :acl_agency"
          + " UNION SELECT acl_s2.entity_id FROM statement acl_s2 JOIN case_share acl_cs ON acl_cs.agency = acl_s2.agency"
          + " AND acl_cs.case_ref = acl_s2.case_ref WHERE acl_cs.shared_with = :acl_agency AND acl_s2.retracted_at IS NULL"
          + " UNION SELECT acl_s3.entity_id FROM dissemination acl_d JOIN statement acl_s3 ON acl_s3.id = acl_d.statement_id"
          + " WHERE acl_d.to_agency = :acl_agency AND acl_d.revoked_at IS NULL"
          + " AND (acl_d.from_agency = acl_s3.agency OR acl_s3.handling <> 'H2') AND acl_s3.retracted_at IS NULL";
      return "SELECT acl_e.id FROM entity acl_e WHERE :acl_reader AND acl_e.agency = :acl_agency" + cond
          + " UNION SELECT acl_e.id FROM (" + visibleStatements + ") acl_v JOIN entity acl_e ON acl_e.id = acl_v.entity_id"
          + " WHERE :acl_reader AND (acl_e.category <> 'VICTIM' OR acl_e.agency = :acl_agency OR :acl_victims)" + cond;
    }

    public <S extends SqlStatement<S>> S bind(S stmt) {
      return stmt.bind("acl_agency", agency).bind("acl_reader", reader).bind("acl_victims", foreignVictims);
    }
  }

  /** A page of visible entities and the total the viewer may know of. */
  public record Page(long total, List<Entity> results) {}

  /**
   * Entities the viewer may see, optionally of one schema (and its descendants) and one case,
   * ordered by id. Filtered in SQL, then each entity again by the read policy.
   */
  public Page list(Viewer v, Schema schema, String caseRef, int limit, int offset) {
    SqlFilter f = filter(v);
    List<String> schemata = schema == null ? null
        : Model.get().schemata().stream().filter(s -> s.isA(schema.name())).map(Schema::name).toList();
    String where = " WHERE " + f.entities("e") + (schemata == null ? "" : " AND e.schema_name IN (<schemata>)")
        + (caseRef == null ? "" : " AND e.case_ref = :case");
    return db.jdbi().withHandle(h -> {
      // The count uses the set form (one pass); the page keeps the row form, which H2 and PostgreSQL
      // stop evaluating after the page's last row in id order.
      String filters = (schemata == null ? "" : "{e}.schema_name IN (<schemata>)")
          + (caseRef == null ? "" : (schemata == null ? "" : " AND ") + "{e}.case_ref = :case");
      var count = f.bind(h.createQuery("SELECT COUNT(*) FROM (" + f.entityIds(filters) + ") acl_ids"));
      var ids = f.bind(h.createQuery("SELECT e.id FROM entity e" + where + " ORDER BY e.id LIMIT :limit OFFSET :offset"))
          .bind("limit", limit).bind("offset", offset);
      if (schemata != null) {
        count.bindList("schemata", schemata);
        ids.bindList("schemata", schemata);
      }
      if (caseRef != null) {
        count.bind("case", caseRef);
        ids.bind("case", caseRef);
      }
      long total = count.mapTo(Long.class).one();
      List<String> page = ids.mapTo(String.class).list();
      return new Page(total, new ArrayList<>(findAll(v, page).values()));
    });
  }
}
