package org.mirabella.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mirabella.model.Entity;
import org.mirabella.model.Statement;
import org.mirabella.model.json.EntityJson;

/**
 * An entity as a reader gets it: FtM JSON of the visible statements with the handling markings on
 * each statement and, at the top, every marking that binds the reader ({@code markings}) and, when
 * any statement is H1, {@code notForJudicialUse: true}. Exports use the same view.
 */
public final class EntityViews {
  private EntityViews() {}

  /** {@code visible} must come from {@link AccessControl}: this only renders. */
  public static ObjectNode json(Entity visible) {
    List<Statement> statements = visible.statements();
    ObjectNode o = EntityJson.toJson(visible, statements);
    ArrayNode st = (ArrayNode) o.get("statements");
    for (int i = 0; i < statements.size(); i++) ((ObjectNode) st.get(i)).put("marking", Markings.of(statements.get(i)));
    ArrayNode m = o.putArray("markings");
    Markings.of(statements).forEach(m::add);
    o.put("notForJudicialUse", statements.stream().anyMatch(s -> !s.retracted()
        && s.provenance().handling() == org.mirabella.provenance.HandlingCode.H1));
    return o;
  }

  static JsonNode summary(Entity visible) {
    return json(visible);
  }
}
