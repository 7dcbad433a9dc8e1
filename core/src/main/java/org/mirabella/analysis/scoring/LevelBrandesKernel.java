package org.mirabella.analysis.scoring;

import java.util.Arrays;

/**
 * One source's step of Brandes' algorithm for <b>unweighted</b> networks, arranged for speed on
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
final class LevelBrandesKernel {
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
  private final double[] acc; // backward push: sums of the next level's coefficients; stale outside the level summed
  private final long[] levelArcs; // arc ends at each level's nodes
  private final int[] unseen; // forward pull: nodes not reached yet, ascending
  /** The forward pass pulls once the level's arc ends times this exceed the unreached nodes' arc ends. */
  static final int PULL_RATIO = 1;
  /** The backward pass pushes from the level below when this level has more than this many times its arc ends. */
  static final double PUSH_RATIO = 1.5;

  LevelBrandesKernel(BrandesKernel.Csr g) {
    this.off = g.offsets();
    this.tgt = g.targets();
    this.n = off.length - 1;
    order = new int[n + 1];
    levelStart = new int[n + 2];
    bits = new long[(n >>> 6) + 1];
    sigma = new double[n];
    inflow = new double[n];
    coeff = new double[n];
    acc = new double[n];
    levelArcs = new long[n + 2];
    unseen = new int[n];
  }

  /** Adds {@code delta_s(v)} to {@code bc[v]} for every v != s. */
  void accumulate(int s, double[] bc) {
    final int[] off = this.off;
    final int[] tgt = this.tgt;
    final int[] order = this.order;
    final double[] sigma = this.sigma;
    final double[] inflow = this.inflow;
    final double[] coeff = this.coeff;
    final long[] levelArcs = this.levelArcs;

    // forward: levels and path counts
    order[0] = s;
    sigma[s] = 1.0;
    inflow[s] = 1.0;
    long unseenArcs = off[n] - (off[s + 1] - off[s]); // arc ends at nodes not reached yet
    levelArcs[0] = off[s + 1] - off[s];
    int unseenCount = -1; // the unseen list, built when the search first pulls
    boolean pulled = false; // whether the previous level was pulled (else the list may hold reached nodes)
    int levels = 0;
    int head = 0;
    int tail = 1;
    while (head < tail) {
      levelStart[levels] = head;
      int end = tail;
      // Beamer et al.'s direction choice: pull when the level has more arc ends than the nodes not
      // reached yet, so a pulled level costs less than pushing it would
      boolean pull = levelArcs[levels] * PULL_RATIO > unseenArcs;
      if (pull && unseenCount < 0) {
        unseenCount = listUnseen();
      } else if (pull && !pulled) {
        unseenCount = dropReached(unseenCount);
      }
      pulled = pull;
      if (!pull) {
        // push: every arc end adds the level's path counts into its target's inflow
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
      } else {
        // pull: every unseen node sums its neighbours' coefficients, the path count for nodes of
        // this level and 0 for all others; a positive sum puts it on the next level
        for (int k = head; k < end; k++) coeff[order[k]] = sigma[order[k]];
        int[] unseen = this.unseen;
        int kept = 0;
        for (int u = 0; u < unseenCount; u++) {
          int w = unseen[u];
          double sum = pull(off[w], off[w + 1]);
          if (sum != 0) {
            order[tail++] = w; // ascending, as the unseen list is
            sigma[w] = sum;
            inflow[w] = sum; // reached, should a later level push
          } else {
            unseen[kept++] = w;
          }
        }
        unseenCount = kept;
        for (int k = head; k < end; k++) coeff[order[k]] = 0;
      }
      long arcs = 0;
      for (int k = end; k < tail; k++) arcs += off[order[k] + 1] - off[order[k]];
      unseenArcs -= arcs;
      levelArcs[++levels] = arcs;
      head = end;
    }
    levelStart[levels] = tail;

    // backward: dependencies, deepest level first
    final double[] acc = this.acc;
    for (int level = levels - 1; level >= 0; level--) {
      int a = levelStart[level];
      int b = levelStart[level + 1];
      boolean push = levelArcs[level] > PUSH_RATIO * levelArcs[level + 1];
      if (push) {
        // the next level's nodes add their coefficients into their neighbours' sums; only the sums
        // of this level's nodes are read (other nodes' sums are stale and cleared at the end)
        for (int k = b, c = levelStart[level + 2 > levels ? levels : level + 2]; k < c; k++) {
          int w = order[k];
          double cw = coeff[w];
          for (int i = off[w], e = off[w + 1]; i < e; i++) acc[tgt[i]] += cw;
        }
      }
      for (int k = a; k < b; k++) {
        int v = order[k];
        double sum = push ? acc[v] : pull(off[v], off[v + 1]);
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
      Arrays.fill(inflow, 0.0);
      Arrays.fill(acc, 0.0);
    } else {
      for (int k = 0; k < tail; k++) { // a push only reaches neighbours of reached nodes: reached nodes
        inflow[order[k]] = 0;
        acc[order[k]] = 0;
      }
    }
  }

  /** The sum of {@code coeff} over the arc ends {@code [from, to)}, in two partial sums (half the chain of dependent additions). */
  private double pull(int from, int to) {
    final int[] tgt = this.tgt;
    final double[] coeff = this.coeff;
    double sum0 = 0;
    double sum1 = 0;
    int i = from;
    for (; i + 1 < to; i += 2) {
      sum0 += coeff[tgt[i]];
      sum1 += coeff[tgt[i + 1]];
    }
    if (i < to) sum0 += coeff[tgt[i]];
    return sum0 + sum1;
  }

  /** Keeps the listed nodes not reached yet (inflow still +0.0), in order; returns how many. */
  private int dropReached(int count) {
    int kept = 0;
    for (int u = 0; u < count; u++) {
      int v = unseen[u];
      if (inflow[v] == 0) unseen[kept++] = v;
    }
    return kept;
  }

  /** Lists the nodes not reached yet (inflow still +0.0) in ascending order; returns how many. */
  private int listUnseen() {
    int count = 0;
    for (int v = 0; v < n; v++) {
      if (inflow[v] == 0) unseen[count++] = v;
    }
    return count;
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
