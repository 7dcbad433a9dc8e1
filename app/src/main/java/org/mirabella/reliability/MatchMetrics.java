package org.mirabella.reliability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cross-matching throughput of this process for Prometheus: candidate pairs found by blocking
 * ({@code mirabella_match_candidates_total}) and pairs scored by the matching engine
 * ({@code mirabella_match_pairs_scored_total}; its {@code rate()} is pairs/s). Counted in memory as
 * the matcher runs (the server's imports and re-matches), since the store keeps no record of pairs
 * that did not become hits; a CLI {@code xref} prints its own figures.
 */
public final class MatchMetrics implements MeterBinder {
  private static final LongAdder CANDIDATES = new LongAdder();
  private static final LongAdder SCORED = new LongAdder();

  /** Called by the matcher after each batch. */
  public static void matched(long candidates, long scored) {
    CANDIDATES.add(candidates);
    SCORED.add(scored);
  }

  @Override
  public void bindTo(MeterRegistry r) {
    FunctionCounter.builder("mirabella.match.candidates", CANDIDATES, LongAdder::doubleValue)
        .description("candidate pairs found by blocking in this process").register(r);
    FunctionCounter.builder("mirabella.match.pairs.scored", SCORED, LongAdder::doubleValue)
        .description("candidate pairs scored by the matching engine in this process").register(r);
  }
}
