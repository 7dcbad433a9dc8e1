package org.mirabella.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blocking on several keys ({@link MatchKeys#blockingKeys()}: name skeletons and variant groups,
 * birth dates, identifiers, address numbers): two records are candidates when they share any key.
 * A key shared by more than {@code maxBlock} records (a very common name) is skipped as
 * uninformative; the other keys still bring true pairs together. O(Σ block size²).
 */
public final class Blocker {
  public static final int DEFAULT_MAX_BLOCK = 400;

  private final int maxBlock;

  public Blocker() {
    this(DEFAULT_MAX_BLOCK);
  }

  public Blocker(int maxBlock) {
    if (maxBlock < 2) throw new IllegalArgumentException("maxBlock must be at least 2: " + maxBlock);
    this.maxBlock = maxBlock;
  }

  /** Candidate pairs among one list of records (deduplication), each unordered pair once. */
  public CandidatePairs dedupe(List<MatchKeys> records) {
    Map<String, List<Integer>> blocks = index(records, 0, records.size());
    Packed out = new Packed();
    for (List<Integer> b : blocks.values()) {
      int n = b.size();
      if (n < 2 || n > maxBlock) continue;
      for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) out.add(CandidatePairs.pack(b.get(i), b.get(j)));
    }
    return CandidatePairs.of(out.data, out.size);
  }

  /**
   * Candidate pairs between the first {@code leftSize} records and the rest (linkage of two
   * sources held in one list).
   */
  public CandidatePairs link(List<MatchKeys> records, int leftSize) {
    Map<String, List<Integer>> left = index(records, 0, leftSize);
    Map<String, List<Integer>> right = index(records, leftSize, records.size());
    Packed out = new Packed();
    for (Map.Entry<String, List<Integer>> e : left.entrySet()) {
      List<Integer> r = right.get(e.getKey());
      if (r == null) continue;
      List<Integer> l = e.getValue();
      if (l.size() > maxBlock || r.size() > maxBlock) continue;
      for (int i : l) for (int j : r) out.add(CandidatePairs.pack(i, j));
    }
    return CandidatePairs.of(out.data, out.size);
  }

  private static Map<String, List<Integer>> index(List<MatchKeys> records, int from, int to) {
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = from; i < to; i++) {
      for (String k : records.get(i).blockingKeys()) blocks.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
    }
    return blocks;
  }

  private static final class Packed {
    long[] data = new long[1024];
    int size;

    void add(long v) {
      if (size == data.length) data = java.util.Arrays.copyOf(data, size * 2);
      data[size++] = v;
    }
  }
}
