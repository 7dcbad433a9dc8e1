package org.mirabella.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.mirabella.access.AccessControl;

/**
 * Reads {@code entity_link} for one viewer: only rows whose statement is current and passes the
 * read policy ({@link AccessControl.SqlFilter}, the SQL form of the same rules), so even the index
 * never hands the graph builder another agency's undisclosed link. Uses the source and target
 * indexes; ids go in chunks of {@value #CHUNK}.
 */
final class LinkIndex {
  static final int CHUNK = 500;

  /** One visible link: {@code sourceId}'s {@code property} names {@code targetId}. */
  record Row(String sourceId, String sourceSchema, String property, String targetId, boolean pivot) {}

  private final AccessControl.SqlFilter filter;
  private final int maxRows;

  LinkIndex(AccessControl.SqlFilter filter, int maxRows) {
    this.filter = filter;
    this.maxRows = maxRows;
  }

  /** Rows stated by these entities. */
  List<Row> from(Handle h, Collection<String> sources) {
    return read(h, "l.source_id", sources);
  }

  /** Rows naming these entities or pivot values. */
  List<Row> to(Handle h, Collection<String> targets) {
    return read(h, "l.target_id", targets);
  }

  /**
   * Rows stated by {@code sources} and rows naming {@code targets}, in one round trip (UNION ALL of
   * the two indexed look-ups) when both fit in one chunk; the two reads otherwise.
   */
  List<Row> around(Handle h, Collection<String> sources, Collection<String> targets) {
    if (sources.isEmpty()) return to(h, targets);
    if (sources.size() > CHUNK || targets.size() > CHUNK) {
      List<Row> out = new ArrayList<>(from(h, sources));
      out.addAll(to(h, targets));
      return out;
    }
    String select = "SELECT l.source_id, l.source_schema, l.property, l.target_id, l.pivot FROM entity_link l "
        + "JOIN statement s ON s.id = l.statement_id JOIN entity e ON e.id = s.entity_id WHERE s.retracted_at IS NULL AND "
        + filter.statements("s", "e") + " AND ";
    List<Row> out = new ArrayList<>();
    filter.bind(h.createQuery("SELECT * FROM (" + select + "l.source_id IN (<sources>) UNION ALL " + select
                + "l.target_id IN (<targets>)) x LIMIT :max"))
        .bindList("sources", List.copyOf(sources)).bindList("targets", List.copyOf(targets)).bind("max", maxRows)
        .map((rs, c) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
        .forEach(out::add);
    return out;
  }

  private List<Row> read(Handle h, String column, Collection<String> ids) {
    List<Row> out = new ArrayList<>();
    List<String> all = List.copyOf(ids);
    for (int i = 0; i < all.size() && out.size() < maxRows; i += CHUNK) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
      filter.bind(h.createQuery("SELECT l.source_id, l.source_schema, l.property, l.target_id, l.pivot FROM entity_link l "
                  + "JOIN statement s ON s.id = l.statement_id JOIN entity e ON e.id = s.entity_id "
                  + "WHERE " + column + " IN (<ids>) AND s.retracted_at IS NULL AND " + filter.statements("s", "e")
                  + " LIMIT :max"))
          .bindList("ids", chunk).bind("max", maxRows - out.size())
          .map((rs, c) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
          .forEach(out::add);
    }
    return out;
  }

  boolean full(List<Row> rows) {
    return rows.size() >= maxRows;
  }
}
