package org.mirabella.matching.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mirabella.model.Entity;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;
import org.mirabella.model.types.Cleaned;
import org.mirabella.model.types.Types;
import org.mirabella.provenance.Provenance;

/**
 * Turns CSV rows into entities of one schema by a column → property mapping. Several columns mapped
 * to one property are joined by a space in the order given (address parts). Values go through the
 * property types like any import; a value a type rejects is skipped and counted, not fatal (dirty
 * data is what matching is for). Compact dates {@code yyyyMMdd} are read as ISO dates.
 */
final class CsvEntities {
  private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}");

  /** Property → columns, in the order given. */
  record Mapping(Schema schema, Map<String, List<String>> columns) {
    static Mapping parse(Schema schema, List<String> specs) {
      Map<String, List<String>> m = new LinkedHashMap<>();
      for (String spec : specs) {
        for (String part : spec.split(",")) {
          if (part.isBlank()) continue;
          int eq = part.indexOf('=');
          if (eq <= 0 || eq == part.length() - 1) throw new UserError("--map: expected COL=property, got '" + part.strip() + "'");
          String col = part.substring(0, eq).strip();
          String prop = part.substring(eq + 1).strip();
          Property p = schema.property(prop);
          if (p == null || p.stub()) throw new UserError("--map: no property '" + prop + "' in " + schema.name());
          m.computeIfAbsent(prop, k -> new ArrayList<>()).add(col);
        }
      }
      if (m.isEmpty()) throw new UserError("--map: no columns mapped");
      return new Mapping(schema, m);
    }
  }

  /** Entities read from one file, with the ids from its id column, and how many values were rejected. */
  record Loaded(List<Entity> entities, List<String> ids, int rejected, String firstRejection) {}

  private CsvEntities() {}

  static Loaded load(Csv.Table t, String idColumn, Mapping mapping, String prefix) {
    int idCol = t.require(idColumn);
    Map<String, int[]> cols = new LinkedHashMap<>();
    mapping.columns().forEach((prop, names) -> cols.put(prop, names.stream().mapToInt(t::require).toArray()));
    Provenance prov = Provenance.of("cli", "link").withSource(t.file().getFileName().toString());
    List<Entity> out = new ArrayList<>(t.rows().size());
    List<String> ids = new ArrayList<>(t.rows().size());
    int rejected = 0;
    String first = null;
    for (int r = 0; r < t.rows().size(); r++) {
      String[] row = t.rows().get(r);
      String id = row[idCol];
      if (id.isEmpty()) throw new UserError(t.file().getFileName() + " line " + t.lines()[r] + ": " + idColumn + ": empty id");
      Entity e = new Entity(prefix + r, mapping.schema(), "cli", "link", null, null);
      for (Map.Entry<String, int[]> c : cols.entrySet()) {
        StringBuilder raw = new StringBuilder();
        for (int col : c.getValue()) {
          if (!row[col].isEmpty()) raw.append(raw.isEmpty() ? "" : " ").append(row[col]);
        }
        if (raw.isEmpty()) continue;
        String value = raw.toString();
        Property p = mapping.schema().property(c.getKey());
        if (p.type() == Types.DATE && COMPACT_DATE.matcher(value).matches()) {
          value = value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6);
        }
        Cleaned cl = e.add(c.getKey(), value, prov);
        if (!cl.isValid()) {
          rejected++;
          if (first == null) first = t.file().getFileName() + " line " + t.lines()[r] + ": " + c.getKey() + ": " + ((Cleaned.Invalid) cl).reason();
        }
      }
      out.add(e);
      ids.add(id);
    }
    return new Loaded(out, ids, rejected, first);
  }
}
