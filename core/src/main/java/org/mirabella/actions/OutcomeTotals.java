package org.mirabella.actions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Outcome arithmetic. Totals of a set of outcomes count each named subject once per kind (the same
 * person arrested and reported by two agencies is one arrest; two entity ids the {@link SamePerson}
 * port resolves together are one person), add unnamed counts as given, count child victims apart,
 * and sum seized assets per currency (a named asset reported twice counts once, at the value first
 * recorded). Grouped totals ({@link #by}) deduplicate within each group, so per-agency figures
 * credit every agency that reported a person while the operation total counts the person once:
 * the per-agency figures may add up to more than the total, and the difference is reported as
 * {@link Totals#duplicatesRemoved()}.
 *
 * <p>O(n log n) in the number of outcomes.
 */
public final class OutcomeTotals {
  private OutcomeTotals() {}

  /** Sums of one set of outcomes. */
  public record Totals(Map<Outcome.Kind, Long> counts, Map<Outcome.Kind, Long> children, Map<String, BigDecimal> seized,
      long duplicatesRemoved) {
    public long count(Outcome.Kind kind) {
      return counts.getOrDefault(kind, 0L);
    }

    /** Of {@link #count}, how many are children (victim kinds only). */
    public long childCount(Outcome.Kind kind) {
      return children.getOrDefault(kind, 0L);
    }

    public long arrests() {
      return count(Outcome.Kind.ARREST);
    }

    public long victimsIdentified() {
      return count(Outcome.Kind.VICTIM_IDENTIFIED);
    }

    public long childVictimsIdentified() {
      return childCount(Outcome.Kind.VICTIM_IDENTIFIED);
    }

    public long victimsSafeguarded() {
      return count(Outcome.Kind.VICTIM_SAFEGUARDED);
    }

    public long childVictimsSafeguarded() {
      return childCount(Outcome.Kind.VICTIM_SAFEGUARDED);
    }

    public long suspectsIdentified() {
      return count(Outcome.Kind.SUSPECT_IDENTIFIED);
    }

    public long documentsSeized() {
      return count(Outcome.Kind.DOCUMENT_SEIZED);
    }

    public long assetsSeized() {
      return count(Outcome.Kind.ASSET_SEIZED);
    }

    public long investigationsOpened() {
      return count(Outcome.Kind.INVESTIGATION_OPENED);
    }
  }

  public static Totals of(Collection<Outcome> outcomes) {
    return of(outcomes, SamePerson.ID);
  }

  /** Totals of {@code outcomes}, subjects resolved by {@code same}. */
  public static Totals of(Collection<Outcome> outcomes, SamePerson same) {
    Map<Outcome.Kind, Long> counts = new EnumMap<>(Outcome.Kind.class);
    Map<Outcome.Kind, Long> children = new EnumMap<>(Outcome.Kind.class);
    Map<String, BigDecimal> seized = new TreeMap<>();
    // Subject key -> whether any report of it says minor; first report per subject wins for amounts.
    Map<Outcome.Kind, Map<String, Boolean>> named = new EnumMap<>(Outcome.Kind.class);
    Set<String> assetSeen = new HashSet<>();
    long duplicates = 0;
    List<Outcome> ordered = new ArrayList<>(outcomes);
    ordered.sort(Comparator.comparing(Outcome::recordedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    for (Outcome o : ordered) {
      if (o.subject() == null) {
        counts.merge(o.kind(), (long) o.count(), Long::sum);
        if (o.minor()) children.merge(o.kind(), (long) o.count(), Long::sum);
        if (o.amount() != null) seized.merge(o.currency(), o.amount(), BigDecimal::add);
        continue;
      }
      String key = same.canonical(o.subject());
      Map<String, Boolean> seen = named.computeIfAbsent(o.kind(), k -> new HashMap<>());
      if (seen.containsKey(key)) {
        duplicates++;
        if (o.minor()) seen.put(key, true);
        continue;
      }
      seen.put(key, o.minor());
      if (o.amount() != null && assetSeen.add(key)) seized.merge(o.currency(), o.amount(), BigDecimal::add);
    }
    named.forEach((kind, subjects) -> {
      counts.merge(kind, (long) subjects.size(), Long::sum);
      long minors = subjects.values().stream().filter(b -> b).count();
      if (minors > 0) children.merge(kind, minors, Long::sum);
    });
    return new Totals(Map.copyOf(counts), Map.copyOf(children), java.util.Collections.unmodifiableMap(seized), duplicates);
  }

  /** Totals per group (operation, agency, country, ...), each group deduplicated within itself; groups sorted. */
  public static <K extends Comparable<K>> Map<K, Totals> by(Collection<Outcome> outcomes, Function<Outcome, K> group,
      SamePerson same) {
    Map<K, List<Outcome>> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    for (Outcome o : outcomes) groups.computeIfAbsent(group.apply(o), k -> new ArrayList<>()).add(o);
    Map<K, Totals> out = new java.util.LinkedHashMap<>();
    groups.forEach((k, list) -> out.put(k, of(list, same)));
    return java.util.Collections.unmodifiableMap(out);
  }
}
