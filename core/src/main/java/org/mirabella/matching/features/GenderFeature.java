package org.mirabella.matching.features;

import org.mirabella.matching.MatchKeys;

/** Gender: the same or different. */
public final class GenderFeature implements Feature {
  private static final String[] LEVELS = {"same gender", "different gender"};

  @Override
  public String name() {
    return "gender";
  }

  @Override
  public String[] levels() {
    return LEVELS;
  }

  @Override
  public double[] priorM() {
    return new double[] {0.97, 0.03};
  }

  @Override
  public double[] priorU() {
    return new double[] {0.5, 0.5};
  }

  @Override
  public int level(MatchKeys a, MatchKeys b) {
    if (a.gender() == null || b.gender() == null) return MISSING;
    return a.gender().equals(b.gender()) ? 0 : 1;
  }

  @Override
  public String explain(MatchKeys a, MatchKeys b, int level) {
    return LEVELS[level] + ": " + a.gender() + " vs " + b.gender();
  }
}
