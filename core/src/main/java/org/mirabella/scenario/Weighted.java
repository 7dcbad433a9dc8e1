package org.mirabella.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Items with weights, picked at random in proportion. Keeps the order given (for determinism). */
record Weighted<T>(List<T> items, double[] cumulative) {
  static <T> Weighted<T> of(Map<T, ? extends Number> weights) {
    List<T> items = new ArrayList<>();
    double[] cum = new double[weights.size()];
    double total = 0;
    int i = 0;
    for (var e : weights.entrySet()) {
      items.add(e.getKey());
      total += e.getValue().doubleValue();
      cum[i++] = total;
    }
    for (int j = 0; j < cum.length; j++) cum[j] /= total;
    return new Weighted<>(List.copyOf(items), cum);
  }

  T pick(SplittableRandom rnd) {
    double r = rnd.nextDouble();
    for (int i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return items.get(i);
    return items.get(items.size() - 1);
  }
}
