package org.mirabella.hits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Viewer;
import org.mirabella.model.Entity;
import org.mirabella.store.Database;

/**
 * The "person across agencies" view of a record whose hits were confirmed: the record as the viewer
 * may see it, and beside it every other record of its confirmed-hit group ({@link ConfirmedHits})
 * with only the statements the viewer may see (its own agency's, shared cases', and what the owner
 * released to it). Statements are never copied or merged: each keeps its owner and provenance, and
 * a record of which the viewer may see nothing is left out altogether, so that the view tells
 * nothing a hit/no-hit answer would not.
 */
public final class MergedProfile {
  /** Another agency's record of the same person, as the viewer may see it; {@code hitRef} is the confirmed hit joining it when the viewer's agency is party to it. */
  public record Held(Entity visible, String hitRef) {}

  /** The record and the others of its group the viewer may see. */
  public record View(Entity entity, List<Held> alsoHeldBy) {}

  private final Database db;
  private final AccessControl access;
  private final ConfirmedHits confirmed;

  public MergedProfile(Database db, AccessControl access) {
    this.db = db;
    this.access = access;
    this.confirmed = new ConfirmedHits(db);
  }

  /** The merged view, or empty when the viewer may not see the record itself (absent alike). */
  public Optional<View> of(Viewer v, String id) {
    Optional<Entity> self = access.find(v, id);
    if (self.isEmpty()) return Optional.empty();
    SortedSet<String> group = confirmed.group(self.get().id());
    List<String> others = group.stream().filter(x -> !x.equals(self.get().id())).toList();
    if (others.isEmpty()) return Optional.of(new View(self.get(), List.of()));
    Map<String, String> refs = refs(v, group);
    List<Held> held = new ArrayList<>();
    access.findAll(v, others).forEach((oid, e) -> {
      if (!e.statements().isEmpty()) held.add(new Held(e, refs.get(oid)));
    });
    return Optional.of(new View(self.get(), List.copyOf(held)));
  }

  /** For each record of the group, a confirmed hit joining it within the group that the viewer's agency is party to. */
  private Map<String, String> refs(Viewer v, SortedSet<String> group) {
    Map<String, String> out = new HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT ref, left_entity, right_entity FROM hit WHERE judgement = 'CONFIRMED' "
            + "AND left_entity IN (<g>) AND right_entity IN (<g>) AND (left_agency = :a OR right_agency = :a) ORDER BY ref")
        .bindList("g", new ArrayList<>(group)).bind("a", v.agency())
        .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .forEach(r -> {
          out.putIfAbsent(r[1], r[0]);
          out.putIfAbsent(r[2], r[0]);
        }));
    return out;
  }
}
