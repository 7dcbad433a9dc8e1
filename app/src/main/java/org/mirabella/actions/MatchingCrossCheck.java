package org.mirabella.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mirabella.matching.names.NameComparison;
import org.mirabella.matching.names.NameKey;
import org.mirabella.matching.names.NameMatcher;
import org.mirabella.model.Model;
import org.mirabella.store.Database;

/**
 * The matching engine behind field checks: identifiers, phones, plates and IBANs are compared
 * exactly after normalisation ({@link ExactCrossCheck}); a checked name also finds the visible
 * persons whose names match it across scripts and spellings, through the name keys stored at
 * ingest ({@code match_key}) and scored by {@link NameMatcher}, so "Mohamed Abdelrahman" checked
 * at a border post finds "محمد عبد الرحمن". Hits say {@value #METHOD} with the name score.
 */
public final class MatchingCrossCheck implements CrossCheck {
  public static final String METHOD = "mirabella-names-v1";
  /** Candidates per checked name at most, most shared keys first. */
  private static final int MAX_CANDIDATES = 200;

  private final Database db;
  private final ExactCrossCheck exact;
  private final double threshold;

  public MatchingCrossCheck(Database db, Model model) {
    this(db, model, NameMatcher.DEFAULT_THRESHOLD);
  }

  public MatchingCrossCheck(Database db, Model model, double threshold) {
    this.db = db;
    this.exact = new ExactCrossCheck(db, model);
    this.threshold = threshold;
  }

  @Override
  public List<CheckHit> run(List<FieldCheck> checks, Viewer viewer) {
    List<CheckHit> hits = new ArrayList<>(exact.run(checks, viewer));
    Set<String> seen = new HashSet<>();
    for (CheckHit h : hits) seen.add(h.checkId() + "\u0000" + h.entityId());
    for (FieldCheck c : checks) {
      if (c.kind() != CheckKind.NAME) continue;
      NameKey query = NameKey.of(c.value());
      Set<String> keys = new HashSet<>();
      for (String k : query.blockingKeys()) keys.add("n:" + k);
      if (keys.isEmpty()) continue;
      for (Map<String, Object> row : candidates(keys, Math.min(2, keys.size()), viewer)) {
        String entity = (String) row.get("entity_id");
        if (seen.contains(c.id() + "\u0000" + entity)) continue;
        NameComparison best = null;
        String bestValue = null;
        for (String name : names(entity, viewer)) {
          NameComparison cmp = NameMatcher.explain(query, NameKey.of(name));
          if (best == null || cmp.score() > best.score()) {
            best = cmp;
            bestValue = name;
          }
        }
        if (best == null || best.score() < threshold) continue;
        seen.add(c.id() + "\u0000" + entity);
        hits.add(new CheckHit(OperationStore.newId("hit"), c.id(), entity, (String) row.get("schema_name"), "name", bestValue,
            (String) row.get("agency"), (String) row.get("case_ref"), METHOD, best.score(), CheckHit.Triage.NEW, null, null,
            null));
      }
    }
    return hits;
  }

  /** Visible entities sharing at least {@code min} name keys with the check. */
  private List<Map<String, Object>> candidates(Set<String> keys, int min, Viewer viewer) {
    Visibility.Condition visible = Visibility.statements("s", "e", viewer);
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery("SELECT e.id AS entity_id, e.schema_name, e.agency, e.case_ref FROM entity e JOIN ("
              + "SELECT entity_id, COUNT(*) AS shared FROM match_key WHERE mkey IN (<keys>) GROUP BY entity_id HAVING COUNT(*) >= :min"
              + ") k ON k.entity_id = e.id WHERE EXISTS (SELECT 1 FROM statement s WHERE s.entity_id = e.id AND s.property = 'name' "
              + "AND s.retracted_at IS NULL AND " + visible.sql() + ") ORDER BY k.shared DESC, e.id LIMIT " + MAX_CANDIDATES)
          .bindList("keys", new ArrayList<>(keys)).bind("min", min);
      visible.binds().forEach(q::bind);
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> r : q.mapToMap().list()) {
        Map<String, Object> lower = new LinkedHashMap<>();
        r.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        out.add(lower);
      }
      return out;
    });
  }

  /** The entity's current names the viewer may see. */
  private List<String> names(String entity, Viewer viewer) {
    Visibility.Condition visible = Visibility.statements("s", "e", viewer);
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery("SELECT s.prop_value FROM statement s JOIN entity e ON e.id = s.entity_id WHERE s.entity_id = :id "
              + "AND s.property IN ('name', 'alias') AND s.retracted_at IS NULL AND " + visible.sql())
          .bind("id", entity);
      visible.binds().forEach(q::bind);
      return q.mapTo(String.class).list();
    });
  }
}
