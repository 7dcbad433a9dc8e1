package org.mirabella.matching.features;

import java.util.Map;
import java.util.Set;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.names.EditDistance;

/**
 * Identifiers of one kind (passport numbers, phone numbers, IBANs, …), compared exactly after the
 * property type's normalisation (E.164 phones, compact upper-case numbers): the same value; one
 * character apart (a typo in a long number); different values of the same kind. Kinds are property
 * names (or type names for phone, email, iban), grouped so that a passport number in {@code passportNumber}
 * meets one in {@code idNumber}.
 */
public final class IdentifierFeature implements Feature {
  private static final String[] LEVELS = {"same", "one character apart", "different"};

  private final String name;
  private final String label;
  private final Set<String> kinds;
  private final double[] m;
  private final double[] u;

  public IdentifierFeature(String name, String label, Set<String> kinds, double[] m, double[] u) {
    this.name = name;
    this.label = label;
    this.kinds = Set.copyOf(kinds);
    this.m = m.clone();
    this.u = u.clone();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String[] levels() {
    return LEVELS;
  }

  @Override
  public double[] priorM() {
    return m;
  }

  @Override
  public double[] priorU() {
    return u;
  }

  /**
   * Any equal value across the feature's kinds is agreement; values are "different" only when
   * both sides have an identifier of the same kind (a passport number is no evidence against a
   * tax number).
   */
  @Override
  public int level(MatchKeys a, MatchKeys b) {
    Map<String, String[]> x = a.identifiers();
    Map<String, String[]> y = b.identifiers();
    if (x.isEmpty() || y.isEmpty()) return MISSING;
    int best = MISSING;
    for (Map.Entry<String, String[]> ex : x.entrySet()) {
      if (!kinds.contains(ex.getKey())) continue;
      for (Map.Entry<String, String[]> ey : y.entrySet()) {
        if (!kinds.contains(ey.getKey())) continue;
        boolean sameKind = ex.getKey().equals(ey.getKey());
        for (String p : ex.getValue()) {
          for (String q : ey.getValue()) {
            if (p.equals(q)) return 0;
            if (!sameKind) continue;
            int l = p.length() >= 6 && EditDistance.withinOne(p, q) ? 1 : 2;
            if (best == MISSING || l < best) best = l;
          }
        }
      }
    }
    return best;
  }

  @Override
  public String explain(MatchKeys a, MatchKeys b, int level) {
    return (level == 0 ? "same " : level == 1 ? "nearly the same " : "different ") + label + ": " + values(a, b);
  }

  private String values(MatchKeys a, MatchKeys b) {
    StringBuilder s = new StringBuilder();
    a.identifiers().forEach((k, v) -> {
      if (kinds.contains(k)) s.append(String.join(", ", v));
    });
    s.append(" vs ");
    b.identifiers().forEach((k, v) -> {
      if (kinds.contains(k)) s.append(String.join(", ", v));
    });
    return s.toString();
  }

  @Override
  public String agreedValue(MatchKeys a, MatchKeys b, int level) {
    if (level != 0) return null;
    for (Map.Entry<String, String[]> ex : a.identifiers().entrySet()) {
      if (!kinds.contains(ex.getKey())) continue;
      for (String p : ex.getValue()) {
        for (Map.Entry<String, String[]> ey : b.identifiers().entrySet()) {
          if (kinds.contains(ey.getKey())) for (String q : ey.getValue()) if (p.equals(q)) return p;
        }
      }
    }
    return null;
  }

  @Override
  public String[] values(MatchKeys a) {
    return a.identifiers().entrySet().stream().filter(e -> kinds.contains(e.getKey())).flatMap(e -> java.util.Arrays.stream(e.getValue()))
        .toArray(String[]::new);
  }
}
