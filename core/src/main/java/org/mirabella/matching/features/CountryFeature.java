package org.mirabella.matching.features;

import org.mirabella.matching.MatchKeys;

/** Countries (nationality, citizenship, country): at least one shared, or none (OpenSanctions' country_mismatch). */
public final class CountryFeature implements Feature {
  private static final String[] LEVELS = {"a country in common", "different countries"};

  @Override
  public String name() {
    return "country";
  }

  @Override
  public String[] levels() {
    return LEVELS;
  }

  @Override
  public double[] priorM() {
    return new double[] {0.9, 0.1};
  }

  @Override
  public double[] priorU() {
    return new double[] {0.2, 0.8};
  }

  @Override
  public int level(MatchKeys a, MatchKeys b) {
    String[] x = a.countries();
    String[] y = b.countries();
    if (x.length == 0 || y.length == 0) return MISSING;
    for (String p : x) for (String q : y) if (p.equals(q)) return 0;
    return 1;
  }

  @Override
  public String explain(MatchKeys a, MatchKeys b, int level) {
    return LEVELS[level] + ": " + String.join(", ", a.countries()) + " vs " + String.join(", ", b.countries());
  }
}
