package org.mirabella.hits;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mirabella.actions.SamePerson;
import org.mirabella.store.Database;

/**
 * Which records are the same person, by the analysts' word: records joined by hits judged
 * {@link Judgement#CONFIRMED}, transitively. A record's canonical key is the smallest id of its
 * group, so outcome arithmetic counts a man reported by Italy and by the UK once when their hit
 * was confirmed, and twice until then (a score alone never merges two people).
 */
public final class ConfirmedHits implements SamePerson {
  /** Bounds the walk through confirmed hits from one record. */
  private static final int MAX_GROUP = 1_000;
  private final Database db;

  public ConfirmedHits(Database db) {
    this.db = db;
  }

  @Override
  public String canonical(String entityId) {
    return group(entityId).first();
  }

  /**
   * The records joined to {@code entityId} by confirmed hits, transitively, itself included, in id
   * order (at most {@value #MAX_GROUP}). Unfiltered: what a viewer may see of each is for
   * {@link org.mirabella.access.AccessControl} to say.
   */
  public java.util.SortedSet<String> group(String entityId) {
    TreeSet<String> group = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(entityId));
    group.add(entityId);
    while (!todo.isEmpty() && group.size() < MAX_GROUP) {
      String id = todo.pop();
      List<String> next = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT right_entity FROM hit WHERE judgement = 'CONFIRMED' AND left_entity = :id "
                  + "UNION SELECT left_entity FROM hit WHERE judgement = 'CONFIRMED' AND right_entity = :id")
          .bind("id", id).mapTo(String.class).list());
      for (String n : next) if (group.add(n)) todo.push(n);
    }
    return java.util.Collections.unmodifiableSortedSet(group);
  }
}
