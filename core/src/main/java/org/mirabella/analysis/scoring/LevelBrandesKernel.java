package org.mirabella.analysis.scoring;

import java.util.Arrays;

/**
 * One source's step of Brandes' algorithm for <b>unweighted</b> networks, arranged for speed on
 * large graphs rather than for networkx's floating-point order (that is {@link BrandesKernel}).
 * O(n + m) per source (each arc end is read at most once per pass, see below), O(n) scratch per
 * kernel (one kernel per thread).
 *
 * <p>Hand-written because no library offers it: JGraphT's Brandes runs on boxed hash maps, and the
 * speed of Brandes on a 100,000-node graph is decided by memory traffic, not by operation counts
 * (JFR on the earlier push-only version: 47% of samples on the forward pass's random
 * read-modify-write of one array, 25% on the backward pass's random reads). What is done
 * differently from the textbook version:
 *
 * <ul>
 *   <li><b>Level-synchronous BFS that pushes or pulls, level by level</b> (direction-optimizing
 *       BFS, Beamer, Asanović &amp; Patterson 2012, "Direction-Optimizing Breadth-First Search",
 *       SC'12), extended to path counts. A small level <i>pushes</i>: each arc end adds the level's
 *       path count into its target's {@code inflow} and sets the target's bit in a level bitmap
 *       when it is unseen (no branch). A level with more arc ends than all unreached nodes together
 *       (times {@link #PULL_RATIO}) is <i>pulled</i>: each unreached node sums a coefficient array
 *       that holds sigma for the level's nodes and exactly 0 elsewhere, and joins the next level if
 *       the sum is positive. A pulled level thus costs fewer arc reads than pushing it, and reads
 *       instead of updates; on a Barabási–Albert graph the two big middle levels are pulled and the
 *       forward pass reads about half the arc ends. Path counts are sums of integers (exact below
 *       2^53), so the order of additions does not change sigma.
 *   <li><b>Levels in node-id order, from bitmaps.</b> The reached nodes and the level being pushed
 *       are bitmaps (12.5 KB at 100,000 nodes, in L1); reading a bitmap back yields the level sorted
 *       for free, and a pull walks the unreached bits in order, so both passes read the CSR arrays
 *       almost sequentially, which the hardware prefetcher follows.
 *   <li><b>Backward pass pulls or pushes too</b> (the "successor" formulation of Brandes'
 *       recurrence, delta(v) = sigma(v) · Σ_{w successor} (1 + delta(w)) / sigma(w), Madduri et al.
 *       2009, "A faster parallel algorithm and efficient multithreaded implementations for
 *       evaluating betweenness centrality on massive datasets"): {@code coeff} holds
 *       (1 + delta(w)) / sigma(w) for the nodes of level d + 1 and exactly 0 for every other node,
 *       so a node of level d sums the coefficient of every neighbour without testing levels. When
 *       level d has more arc ends than level d + 1 (times {@link #PUSH_RATIO}), level d + 1 instead
 *       pushes its coefficients into its neighbours' sums, of which only level d's are read. Either
 *       way each arc end is read at most once per pass, and the cheaper side is taken.
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
  private final int words; // 64-node words of the bitmaps
  private final int[] order; // BFS order, level by level, ascending node id within a level
  private final int[] levelStart;
  private final long[] levelArcs; // arc ends at each level's nodes
  private final long[] seen; // bitmap of reached nodes (bits past n set): 12.5 KB at 100,000 nodes, in L1
  private final long[] fresh; // bitmap of the level being built by a push
  private final double[] sigma; // forward: path counts; backward: replaced by the node's coefficient once its delta is known
  /**
   * Forward push: path counts flowing in (stale for nodes already reached). Backward push: sums of
   * the next level's coefficients (stale outside the level summed). Cleared between the passes.
   */
  private final double[] inflow;
  private final double[] coeff; // forward pull: sigma on the level pulled from; backward: (1 + delta) / sigma one level down; else 0
  /**
   * The forward pass pulls when the level's arc ends times this exceed the unreached nodes' arc
   * ends (above 1 because a pull reads where a push updates; 1, 2 and 3 measured within noise).
   */
  static final double PULL_RATIO = 2;
  /** The backward pass pushes from the level below when this level has more than this many times its arc ends. */
  static final double PUSH_RATIO = 1;

  LevelBrandesKernel(BrandesKernel.Csr g) {
    this.off = g.offsets();
    this.tgt = g.targets();
    this.n = off.length - 1;
    words = (n >>> 6) + 1;
    order = new int[n];
    levelStart = new int[n + 2];
    levelArcs = new long[n + 2];
    seen = new long[words];
    fresh = new long[words];
    sigma = new double[n];
    inflow = new double[n];
    coeff = new double[n];
    clearSeen();
  }

  /** Adds {@code delta_s(v)} to {@code bc[v]} for every v != s. */
  void accumulate(int s, double[] bc) {
    final int[] off = this.off;
    final int[] tgt = this.tgt;
    final int[] order = this.order;
    final double[] sigma = this.sigma;
    final double[] inflow = this.inflow;
    final double[] coeff = this.coeff;
    final long[] seen = this.seen;
    final long[] fresh = this.fresh;
    final long[] levelArcs = this.levelArcs;

    // forward: levels and path counts
    order[0] = s;
    sigma[s] = 1.0;
    seen[s >>> 6] |= 1L << s;
    levelArcs[0] = off[s + 1] - off[s];
    long unseenArcs = off[n] - levelArcs[0]; // arc ends at nodes not reached yet
    int levels = 0;
    int head = 0;
    int tail = 1;
    while (head < tail) {
      levelStart[levels] = head;
      int end = tail;
      long arcs = 0;
      // Beamer et al.'s direction choice: pull when the level has more arc ends than the nodes not
      // reached yet (pulling reads, pushing updates, so pulling is worth it somewhat earlier)
      if (levelArcs[levels] * PULL_RATIO <= unseenArcs) {
        // push: every arc end adds the level's path count into its target's inflow and marks the
        // target in the level bitmap when unseen (no branch)
        for (int k = head; k < end; k++) {
          int v = order[k];
          double sv = sigma[v];
          for (int i = off[v], e = off[v + 1]; i < e; i++) {
            int w = tgt[i];
            int word = w >>> 6;
            fresh[word] |= (1L << w) & ~seen[word];
            inflow[w] += sv;
          }
        }
        // read the bitmap back: the new level in ascending order
        for (int word = 0; word < words; word++) {
          long bitsOf = fresh[word];
          if (bitsOf == 0) continue;
          fresh[word] = 0;
          seen[word] |= bitsOf;
          do {
            int w = (word << 6) + Long.numberOfTrailingZeros(bitsOf);
            order[tail++] = w;
            sigma[w] = inflow[w];
            arcs += off[w + 1] - off[w];
            bitsOf &= bitsOf - 1;
          } while (bitsOf != 0);
        }
      } else {
        // pull: every unseen node sums its neighbours' coefficients, the path count for nodes of
        // this level and 0 for all others; a positive sum puts it on the next level
        for (int k = head; k < end; k++) coeff[order[k]] = sigma[order[k]];
        for (int word = 0; word < words; word++) {
          long open = ~seen[word];
          if (open == 0) continue;
          long found = 0;
          do {
            int lowest = Long.numberOfTrailingZeros(open);
            int w = (word << 6) + lowest;
            double sum = pull(off[w], off[w + 1]);
            if (sum != 0) {
              order[tail++] = w;
              sigma[w] = sum;
              arcs += off[w + 1] - off[w];
              found |= 1L << lowest;
            }
            open &= open - 1;
          } while (open != 0);
          seen[word] |= found;
        }
        for (int k = head; k < end; k++) coeff[order[k]] = 0;
      }
      unseenArcs -= arcs;
      levelArcs[++levels] = arcs;
      head = end;
    }
    levelStart[levels] = tail;
    clearInflow(tail);

    // backward: dependencies, deepest level first
    final double[] acc = inflow;
    for (int level = levels - 1; level >= 0; level--) {
      int a = levelStart[level];
      int b = levelStart[level + 1];
      int c = levelStart[Math.min(level + 2, levels)];
      boolean push = levelArcs[level] > PUSH_RATIO * levelArcs[level + 1];
      if (push) {
        // the next level's nodes add their coefficients into their neighbours' sums; only the sums
        // of this level's nodes are read (other nodes' sums are stale and cleared at the end)
        for (int k = b; k < c; k++) {
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
        sigma[v] = (1 + delta) / sv;
      }
      for (int k = b; k < c; k++) coeff[order[k]] = 0;
      for (int k = a; k < b; k++) {
        int v = order[k];
        coeff[v] = sigma[v];
      }
    }

    // reset what this source touched: pushes reach only neighbours of reached nodes, i.e. reached nodes
    coeff[s] = 0;
    clearInflow(tail);
    if (tail > n / 4) {
      clearSeen();
    } else {
      for (int k = 0; k < tail; k++) seen[order[k] >>> 6] = 0;
      seen[words - 1] = -1L << (n & 63);
    }
  }

  /** Zeroes {@code inflow} for the {@code reached} nodes of {@code order} (pushes reach no others). */
  private void clearInflow(int reached) {
    if (reached > n / 4) {
      Arrays.fill(inflow, 0.0);
    } else {
      for (int k = 0; k < reached; k++) inflow[order[k]] = 0;
    }
  }

  /** No node reached; the bits past the last node are set so that they never look unseen. */
  private void clearSeen() {
    Arrays.fill(seen, 0L);
    seen[words - 1] = -1L << (n & 63);
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
}
