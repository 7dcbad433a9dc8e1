package org.mirabella.analysis.scoring;

import java.util.Arrays;

/**
 * <b>The previous, push-only level kernel</b>, kept unchanged beside the tests so that {@code
 * KernelBenchmark -Dcompare=v1} can measure the current {@link LevelBrandesKernel} against it on the
 * same sources in the same run. Its own description follows.
 *
 * <p>One source's step of Brandes' algorithm for <b>unweighted</b> networks, arranged for speed on
 * large graphs rather than for networkx's floating-point order (that is {@link BrandesKernel}).
 * O(n + m) per source, O(n) scratch per kernel (one kernel per thread).
 *
 * <p>Hand-written because no library offers it: JGraphT's Brandes runs on boxed hash maps, and the
 * speed of Brandes on a 100,000-node graph is decided by memory traffic and branch
 * mispredictions, not by operation counts. What is done differently from the textbook version:
 *
 * <ul>
 *   <li><b>Level-synchronous BFS, each level visited in node-id order.</b> The nodes of the next
 *       level are collected, then sorted (a scan of the level array for big levels, a sort for
 *       small ones), so both passes read the CSR arrays nearly sequentially, which the hardware
 *       prefetcher follows, instead of jumping around the 4 MB target array in discovery order.
 *   <li><b>Branch-free forward pass.</b> Every arc end adds the source's path count into an
 *       {@code inflow} scratch slot and appends the target to the queue, advancing the tail only
 *       when the target was unseen (integer arithmetic, no compare-and-branch). Only inflow into
 *       nodes of the level being built is ever read back; a node at level d + 1 cannot have
 *       received anything before level d is expanded. Path counts are integers, so the order of
 *       these additions does not change sigma (exact below 2^53).
 *   <li><b>Pull-style, branch-free backward pass</b> (the "successor" formulation of Brandes'
 *       recurrence, delta(v) = sigma(v) · Σ_{w successor} (1 + delta(w)) / sigma(w), as in
 *       Madduri et al. 2009, "A faster parallel algorithm and efficient multithreaded
 *       implementations for evaluating betweenness centrality on massive datasets"): a coefficient
 *       array holds (1 + delta(w)) / sigma(w) for the nodes of level d + 1 and exactly 0 for every
 *       other node, so a node of level d sums the coefficient of <i>every</i> neighbour without
 *       testing levels; adding 0.0 changes nothing. Each node is written once.
 * </ul>
 *
 * Results equal networkx's up to rounding in the last bits of delta (the additions are grouped
 * differently); {@link BetweennessCentrality#networkxOrder} keeps the bit-identical order where
 * ties are decided on exact floats.
 */
final class LevelBrandesKernelV1 {
  private final int[] off;
  private final int[] tgt;
  private final int n;
  private final int[] order; // BFS order, level by level, ascending node id within a level; one spare slot
  private final int[] levelStart;
  private final long[] bits; // scratch bitmap for sorting a level
  private final double[] sigma;
  /**
   * Forward: path-count inflow, and the "seen" mark (a node is unseen exactly while its inflow is
   * +0.0: every reached node has received at least one path). Backward: the level's new
   * coefficients. Back to 0 for every reached node at the end.
   */
  private final double[] inflow;
  private final double[] coeff; // (1 + delta(w)) / sigma(w) for the level below the one being summed, else 0

  LevelBrandesKernelV1(BrandesKernel.Csr g) {
    this.off = g.offsets();
    this.tgt = g.targets();
    this.n = off.length - 1;
    order = new int[n + 1];
    levelStart = new int[n + 2];
    bits = new long[(n >>> 6) + 1];
    sigma = new double[n];
    inflow = new double[n];
    coeff = new double[n];
  }

  /** Adds {@code delta_s(v)} to {@code bc[v]} for every v != s. */
  void accumulate(int s, double[] bc) {
    final int[] off = this.off;
    final int[] tgt = this.tgt;
    final int[] order = this.order;
    final double[] sigma = this.sigma;
    final double[] inflow = this.inflow;
    final double[] coeff = this.coeff;

    // forward: levels and path counts
    order[0] = s;
    sigma[s] = 1.0;
    inflow[s] = 1.0;
    int levels = 0;
    int head = 0;
    int tail = 1;
    while (head < tail) {
      levelStart[levels++] = head;
      int end = tail;
      for (int k = head; k < end; k++) {
        int v = order[k];
        double sv = sigma[v];
        for (int i = off[v], e = off[v + 1]; i < e; i++) {
          int w = tgt[i];
          long seen = Double.doubleToRawLongBits(inflow[w]); // 0 exactly when unseen (+0.0)
          order[tail] = w;
          tail += (int) ((seen - 1) >>> 63);
          inflow[w] += sv;
        }
      }
      sortLevel(end, tail);
      for (int k = end; k < tail; k++) {
        int w = order[k];
        sigma[w] = inflow[w];
      }
      head = end;
    }
    levelStart[levels] = tail;

    // backward: dependencies, deepest level first
    for (int level = levels - 1; level >= 0; level--) {
      int a = levelStart[level];
      int b = levelStart[level + 1];
      for (int k = a; k < b; k++) {
        int v = order[k];
        // two partial sums: halves the chain of dependent floating-point additions
        double sum0 = 0;
        double sum1 = 0;
        int i = off[v];
        int e = off[v + 1];
        for (; i + 1 < e; i += 2) {
          sum0 += coeff[tgt[i]];
          sum1 += coeff[tgt[i + 1]];
        }
        for (; i < e; i++) sum0 += coeff[tgt[i]];
        double sum = sum0 + sum1;
        double sv = sigma[v];
        double delta = sv * sum;
        if (v != s) bc[v] += delta;
        inflow[v] = (1 + delta) / sv;
      }
      for (int k = b, c = levelStart[Math.min(level + 2, levels)]; k < c; k++) coeff[order[k]] = 0;
      for (int k = a; k < b; k++) {
        int v = order[k];
        coeff[v] = inflow[v];
      }
    }

    // reset what this source touched
    coeff[s] = 0;
    if (tail > n / 4) {
      java.util.Arrays.fill(inflow, 0.0);
    } else {
      for (int k = 0; k < tail; k++) inflow[order[k]] = 0;
    }
  }

  /** Puts {@code order[from, to)} in ascending node order. */
  private void sortLevel(int from, int to) {
    int size = to - from;
    if (size < 2) return;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int k = from; k < to; k++) {
      int w = order[k];
      min = Math.min(min, w);
      max = Math.max(max, w);
    }
    int lo = min >>> 6;
    int hi = max >>> 6;
    if (size < 64 || (hi - lo) > 4 * size) {
      Arrays.sort(order, from, to);
      return;
    }
    // a bitmap over the level's range, read back in order: O(size + range / 64)
    final long[] bits = this.bits;
    for (int k = from; k < to; k++) {
      int w = order[k];
      bits[w >>> 6] |= 1L << w;
    }
    int j = from;
    for (int i = lo; i <= hi; i++) {
      long word = bits[i];
      bits[i] = 0;
      while (word != 0) {
        order[j++] = (i << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
      }
    }
  }
}
