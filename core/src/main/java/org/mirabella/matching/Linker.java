package org.mirabella.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Batch deduplication and two-source linkage end to end: block, fit the model without labels,
 * score every candidate pair in parallel, keep pairs at or above the threshold and, for linkage,
 * resolve one-to-one (each record linked at most once, best score first).
 */
public final class Linker {
  /** A predicted match between records {@code left} and {@code right} (indices into the record list). */
  public record ScoredPair(int left, int right, double score) {}

  /** The outcome, with what is needed to explain or evaluate it. */
  public record Result(List<MatchKeys> records, int leftSize, CandidatePairs candidates, MatcherV1 matcher, List<ScoredPair> matches,
      long scoringNanos) {
    /** Candidate pairs scored per second. */
    public double pairsPerSecond() {
      return candidates.size() / (scoringNanos / 1e9);
    }

    public Match explain(ScoredPair p) {
      return matcher.score(records.get(p.left()), records.get(p.right()));
    }
  }

  private final Blocker blocker;
  private final double threshold;

  public Linker(double threshold) {
    this(new Blocker(), threshold);
  }

  public Linker(Blocker blocker, double threshold) {
    if (threshold < 0 || threshold > 1) throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
    this.blocker = blocker;
    this.threshold = threshold;
  }

  /** Finds duplicates within one list; each unordered pair once. */
  public Result dedupe(List<MatchKeys> records) {
    CandidatePairs c = blocker.dedupe(records);
    return run(records, records.size(), c, false);
  }

  /** Links the records of {@code left} to those of {@code right}, one to one. */
  public Result link(List<MatchKeys> left, List<MatchKeys> right) {
    List<MatchKeys> all = new ArrayList<>(left.size() + right.size());
    all.addAll(left);
    all.addAll(right);
    CandidatePairs c = blocker.link(all, left.size());
    return run(all, left.size(), c, true);
  }

  private Result run(List<MatchKeys> records, int leftSize, CandidatePairs c, boolean oneToOne) {
    MatcherV1 matcher = MatcherV1.fit(records, c);
    double[] scores = new double[c.size()];
    long t0 = System.nanoTime();
    IntStream.range(0, c.size()).parallel().forEach(i -> scores[i] = matcher.probability(c.left(i, records), c.right(i, records)));
    long nanos = System.nanoTime() - t0;
    List<ScoredPair> kept = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) if (scores[i] >= threshold) kept.add(new ScoredPair(c.left(i), c.right(i), scores[i]));
    if (oneToOne) kept = OneToOne.resolve(kept);
    kept.sort(Comparator.comparingInt(ScoredPair::left).thenComparingInt(ScoredPair::right));
    return new Result(records, leftSize, c, matcher, List.copyOf(kept), nanos);
  }
}
