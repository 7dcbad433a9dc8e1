package org.mirabella.actions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.model.Model;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;
import org.mirabella.store.Database;

/**
 * Cross-checks field checks by exact comparison after normalisation: a check's key (its value
 * cleaned by the kind's property type) against the current, visible statements of every property of
 * that type. All checks of a batch go to the database in one query per kind and 500 keys, not one
 * per check. The stand-in until the matching engine implements {@link CrossCheck} with name keys
 * and scores; hits say {@value #METHOD} and score 1.
 */
public final class ExactCrossCheck implements CrossCheck {
  public static final String METHOD = "exact-normalised";
  private static final int CHUNK = 500;
  private final Database db;
  private final Map<CheckKind, List<String>> properties = new EnumMap<>(CheckKind.class);

  public ExactCrossCheck(Database db, Model model) {
    this.db = db;
    for (CheckKind k : CheckKind.values()) {
      Set<String> names = new LinkedHashSet<>();
      for (Schema s : model.schemata()) {
        for (Property p : s.properties().values()) {
          if (p.type() == k.type() && !p.stub()) names.add(p.name());
          // IBANs are also kept as identifiers with the iban format (BankAccount.iban in older data).
          if (k == CheckKind.IBAN && "iban".equals(p.format())) names.add(p.name());
        }
      }
      properties.put(k, List.copyOf(names));
    }
  }

  @Override
  public List<CheckHit> run(List<FieldCheck> checks, Viewer viewer) {
    Map<CheckKind, Map<String, List<FieldCheck>>> byKey = new EnumMap<>(CheckKind.class);
    for (FieldCheck c : checks) byKey.computeIfAbsent(c.kind(), k -> new LinkedHashMap<>()).computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
    List<CheckHit> hits = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    byKey.forEach((kind, keyed) -> {
      List<String> keys = new ArrayList<>(keyed.keySet());
      for (int i = 0; i < keys.size(); i += CHUNK) {
        List<String> chunk = keys.subList(i, Math.min(keys.size(), i + CHUNK));
        for (Map<String, Object> row : candidates(kind, chunk, viewer)) {
          String value = (String) row.get("prop_value");
          for (FieldCheck c : keyed.getOrDefault(kind.storedKey(value), List.of())) {
            String entity = (String) row.get("entity_id");
            String dedupe = c.id() + "\u0000" + entity + "\u0000" + row.get("property") + "\u0000" + row.get("agency");
            if (!seen.add(dedupe)) continue;
            hits.add(new CheckHit(OperationStore.newId("hit"), c.id(), entity, (String) row.get("schema_name"), (String) row.get("property"),
                value, (String) row.get("agency"), (String) row.get("case_ref"), METHOD, 1.0, CheckHit.Triage.NEW, null, null, null));
          }
        }
      }
    });
    return hits;
  }

  private List<Map<String, Object>> candidates(CheckKind kind, List<String> keys, Viewer viewer) {
    List<String> props = properties.get(kind);
    if (props.isEmpty() || keys.isEmpty()) return List.of();
    Visibility.Condition visible = Visibility.statements("s", "e", viewer);
    String value = kind == CheckKind.NAME ? "LOWER(s.prop_value)" : "s.prop_value";
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery("SELECT s.entity_id, s.schema_name, s.property, s.prop_value, s.agency, s.case_ref FROM statement s "
          + "JOIN entity e ON e.id = s.entity_id WHERE s.retracted_at IS NULL AND s.property IN (<props>) AND " + value + " IN (<keys>) AND " + visible.sql()
          + " ORDER BY s.entity_id, s.property")
          .bindList("props", props).bindList("keys", keys);
      visible.binds().forEach(q::bind);
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> r : q.mapToMap().list()) {
        Map<String, Object> lower = new HashMap<>();
        r.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof String str ? str.strip() : v));
        out.add(lower);
      }
      return out;
    });
  }
}
