package org.mirabella.matching;

import java.util.Arrays;
import java.util.List;

/**
 * Candidate pairs from blocking, as record indices packed into longs (left &lt;&lt; 32 | right), sorted and
 * without duplicates. For deduplication both indices point into one list (left &lt; right); for
 * linkage of two sources the left index points into the left list, the right into the right list
 * (both held in one list: right indices offset by the left list's size).
 */
public final class CandidatePairs {
  private final long[] pairs;

  CandidatePairs(long[] pairs) {
    this.pairs = pairs;
  }

  public static CandidatePairs of(long[] packed, int n) {
    long[] p = Arrays.copyOf(packed, n);
    Arrays.parallelSort(p);
    int k = 0;
    for (int i = 0; i < p.length; i++) if (i == 0 || p[i] != p[i - 1]) p[k++] = p[i];
    return new CandidatePairs(Arrays.copyOf(p, k));
  }

  public static long pack(int left, int right) {
    return ((long) left << 32) | (right & 0xffffffffL);
  }

  public int size() {
    return pairs.length;
  }

  public int left(int i) {
    return (int) (pairs[i] >>> 32);
  }

  public int right(int i) {
    return (int) pairs[i];
  }

  public MatchKeys left(int i, List<MatchKeys> records) {
    return records.get(left(i));
  }

  public MatchKeys right(int i, List<MatchKeys> records) {
    return records.get(right(i));
  }

  public boolean contains(int left, int right) {
    return Arrays.binarySearch(pairs, pack(left, right)) >= 0;
  }
}
