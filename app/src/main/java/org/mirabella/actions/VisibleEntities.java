package org.mirabella.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.Database;

/**
 * Entities as a viewer sees them: only current statements that {@link Visibility} lets through, and
 * only entities with at least one such statement. The read path of routes, reports and HTCDS.
 */
public final class VisibleEntities {
  private final Database db;
  private final Model model;

  public VisibleEntities(Database db, Model model) {
    this.db = db;
    this.model = model;
  }

  /** Entities of these schemata (by exact name) that the viewer sees. */
  public List<Entity> ofSchemata(Viewer viewer, Collection<String> schemata) {
    if (schemata.isEmpty()) return List.of();
    return db.jdbi().withHandle(h -> read(h, viewer, "e.schema_name IN (<schemata>)", q -> q.bindList("schemata", List.copyOf(schemata))));
  }

  /** Entities of one schema and data-subject category owned by the viewer's agency, as the viewer sees them. */
  public List<Entity> owned(Viewer viewer, String schema, org.mirabella.provenance.SubjectCategory category) {
    return db.jdbi().withHandle(h -> read(h, viewer, "e.schema_name = :schema AND e.category = :category AND e.agency = :owner",
        q -> q.bind("schema", schema).bind("category", category.name()).bind("owner", viewer.agency())));
  }

  /** The entities of these ids that the viewer sees, by id. */
  public Map<String, Entity> byIds(Viewer viewer, Collection<String> ids) {
    Map<String, Entity> out = new LinkedHashMap<>();
    if (ids.isEmpty()) return out;
    List<String> all = List.copyOf(ids);
    for (int i = 0; i < all.size(); i += 500) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
      db.jdbi().withHandle(h -> read(h, viewer, "e.id IN (<ids>)", q -> q.bindList("ids", chunk))).forEach(e -> out.put(e.id(), e));
    }
    return out;
  }

  private List<Entity> read(Handle h, Viewer viewer, String where, java.util.function.Consumer<Query> bind) {
    Visibility.Condition visible = Visibility.statements("s", "e", viewer);
    Query q = h.createQuery("SELECT s.*, e.agency AS e_agency, e.case_ref AS e_case, e.category AS e_category, "
        + "e.review_date AS e_review FROM statement s JOIN entity e ON e.id = s.entity_id WHERE s.retracted_at IS NULL AND "
        + where + " AND " + visible.sql() + " ORDER BY s.entity_id, s.recorded_at, s.id");
    bind.accept(q);
    visible.binds().forEach(q::bind);
    Map<String, Entity> out = new LinkedHashMap<>();
    q.map((rs, ctx) -> {
      String id = rs.getString("entity_id");
      Entity e = out.get(id);
      if (e == null) {
        e = new Entity(id, model.require(rs.getString("schema_name")), rs.getString("e_agency"), rs.getString("e_case"),
            SubjectCategory.valueOf(rs.getString("e_category")), rs.getObject("e_review", LocalDate.class));
        out.put(id, e);
      }
      e.addStatement(statement(rs));
      return id;
    }).list();
    return new ArrayList<>(out.values());
  }

  private static Statement statement(ResultSet rs) throws SQLException {
    Timestamp at = rs.getTimestamp("recorded_at");
    Provenance p = new Provenance(rs.getString("agency"), rs.getString("case_ref"), HandlingCode.valueOf(rs.getString("handling")),
        rs.getString("handling_condition"), new Grading(rs.getString("reliability").charAt(0), rs.getInt("accuracy")),
        rs.getString("source"), rs.getString("recorded_by"), at == null ? null : at.toInstant());
    return new Statement(rs.getString("id").strip(), rs.getString("entity_id"), rs.getString("schema_name"), rs.getString("property"),
        rs.getString("prop_value"), rs.getString("original_value"), p, null);
  }
}
