package org.mirabella.analysis.community;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mirabella.analysis.graph.Network;

/**
 * Community detection by the Leiden algorithm (Traag, Waltman &amp; van Eck 2019, "From Louvain to
 * Leiden: guaranteeing well-connected communities", Sci. Rep. 9:5233), optimising modularity with
 * a resolution γ. Each level: fast local moving (a queue; only neighbours of moved nodes are
 * revisited; a node may also leave for an empty community), then <b>refinement</b>: inside each
 * community, starting from singletons, a well-connected singleton node joins a well-connected
 * refined cluster of the same community, chosen at random with probability ∝ exp(ΔQ / θ) among the
 * moves that do not lower quality, and the graph is aggregated by the refined clusters while each
 * aggregate node starts in its unrefined community. Repeats until every community is one node.
 * Unlike Louvain ({@link Louvain}), every community found is connected (the paper's Theorem 1:
 * γ-separated and, after refinement, γ-connected). O(m) per sweep; O(n + m) memory. Weighted
 * when the network is; reproducible for a given seed.
 *
 * <p>Hand-written: JGraphT 1.5.2 has neither Louvain nor Leiden. Details follow igraph's
 * {@code igraph_community_leiden} (modularity as CPM with node weights k_i and resolution γ / 2m;
 * when refinement merges nothing, aggregation falls back to the unrefined partition), with θ =
 * 0.01 as in the paper; probabilities are computed relative to the best move so they never
 * overflow.
 */
public final class Leiden {
  /** The randomness of refinement (the paper's θ). */
  static final double THETA = 0.01;

  private final Network network;
  private final double resolution;
  private final long seed;
  private Communities result;

  public Leiden(Network network) {
    this(network, 1.0);
  }

  public Leiden(Network network, double resolution) {
    this(network, resolution, 42L);
  }

  public Leiden(Network network, double resolution, long seed) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (!(resolution > 0)) throw new IllegalArgumentException("resolution must be > 0: " + resolution);
    this.network = network;
    this.resolution = resolution;
    this.seed = seed;
  }

  public Communities communities() {
    if (result == null) result = run();
    return result;
  }

  private Communities run() {
    int n = network.nodeCount();
    int[] nodeOf = new int[n]; // original node -> node of the current aggregate
    for (int v = 0; v < n; v++) nodeOf[v] = v;
    Louvain.Level g = Louvain.fromNetwork(network);
    double twoM = 0;
    for (double s : g.strength()) twoM += s;
    int[] part = new int[n];
    for (int v = 0; v < n; v++) part[v] = v;
    SplittableRandom rnd = new SplittableRandom(seed);
    while (twoM > 0) {
      moveNodes(g, part, twoM, rnd);
      int count = Louvain.renumber(part);
      if (count == g.size()) break;
      int[] refined = refine(g, part, twoM, rnd);
      int clusters = Louvain.renumber(refined);
      if (clusters == g.size()) { // refinement merged nothing: aggregate by the communities themselves
        refined = part.clone();
        clusters = count;
      }
      int[] next = new int[clusters];
      for (int v = 0; v < g.size(); v++) next[refined[v]] = part[v];
      for (int v = 0; v < n; v++) nodeOf[v] = refined[nodeOf[v]];
      g = Louvain.aggregate(g, refined, clusters);
      part = next;
    }
    int[] membership = new int[n];
    for (int v = 0; v < n; v++) membership[v] = part[nodeOf[v]];
    int count = Louvain.renumber(membership);
    return new Communities(membership, count, Modularity.of(network, membership, resolution));
  }

  /**
   * Fast local moving from the partition {@code comm} (ids below {@code g.size()}), in place: each
   * queued node goes to the neighbouring or empty community of largest modularity gain.
   */
  private void moveNodes(Louvain.Level g, int[] comm, double twoM, SplittableRandom rnd) {
    int n = g.size();
    double[] strength = g.strength();
    double[] tot = new double[n];
    int[] size = new int[n];
    for (int v = 0; v < n; v++) {
      tot[comm[v]] += strength[v];
      size[comm[v]]++;
    }
    int[] empty = new int[n];
    int empties = 0;
    for (int c = n - 1; c >= 0; c--) if (size[c] == 0) empty[empties++] = c;
    int[] queue = shuffled(n, rnd);
    boolean[] queued = new boolean[n];
    Arrays.fill(queued, true);
    double[] neighWeight = new double[n];
    Arrays.fill(neighWeight, -1);
    int[] neighComms = new int[n];
    int head = 0;
    int pending = n;
    while (pending > 0) {
      int v = queue[head];
      head = head + 1 == n ? 0 : head + 1;
      pending--;
      queued[v] = false;
      int own = comm[v];
      double kv = strength[v];
      int found = 0;
      neighWeight[own] = 0;
      neighComms[found++] = own;
      for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
        int c = comm[g.targets()[i]];
        if (neighWeight[c] < 0) {
          neighWeight[c] = 0;
          neighComms[found++] = c;
        }
        neighWeight[c] += g.weights()[i];
      }
      tot[own] -= kv;
      size[own]--;
      if (size[own] == 0) empty[empties++] = own;
      int best = own;
      double bestGain = neighWeight[own] - resolution * tot[own] * kv / twoM;
      for (int k = 1; k < found; k++) {
        int c = neighComms[k];
        double gain = neighWeight[c] - resolution * tot[c] * kv / twoM;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          best = c;
        }
      }
      if (bestGain < -1e-12) best = empty[empties - 1]; // alone scores 0: better than every community
      for (int k = 0; k < found; k++) neighWeight[neighComms[k]] = -1;
      if (size[best] == 0) empties--; // best is the top of the stack (own, just pushed, or the chosen empty one)
      tot[best] += kv;
      size[best]++;
      if (best != own) {
        comm[v] = best;
        for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
          int u = g.targets()[i];
          if (!queued[u] && comm[u] != best) {
            queued[u] = true;
            int tail = head + pending;
            queue[tail >= n ? tail - n : tail] = u;
            pending++;
          }
        }
      }
    }
  }

  /**
   * The refinement of {@code part} (community ids below {@code g.size()}): refined cluster ids,
   * each cluster inside one community.
   */
  private int[] refine(Louvain.Level g, int[] part, double twoM, SplittableRandom rnd) {
    int n = g.size();
    double[] k = g.strength();
    double gamma = resolution / twoM;
    int[] refined = new int[n];
    double[] clusterWeight = new double[n];
    double[] external = new double[n]; // a cluster's link weight to the rest of its community
    double[] communityWeight = new double[n];
    boolean[] merged = new boolean[n]; // a cluster that some node joined: its node stays
    for (int v = 0; v < n; v++) {
      refined[v] = v;
      clusterWeight[v] = k[v];
      communityWeight[part[v]] += k[v];
      for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
        if (part[g.targets()[i]] == part[v]) external[v] += g.weights()[i];
      }
    }
    double[] linkTo = new double[n];
    boolean[] listed = new boolean[n];
    int[] candidates = new int[n];
    double[] gains = new double[n];
    for (int v : shuffled(n, rnd)) {
      int own = refined[v];
      double total = communityWeight[part[v]];
      if (merged[own] || external[own] < clusterWeight[own] * (total - clusterWeight[own]) * gamma) continue;
      clusterWeight[own] = 0; // v leaves its singleton
      external[own] = 0;
      int found = 0;
      candidates[found++] = own;
      listed[own] = true;
      for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
        int u = g.targets()[i];
        if (part[u] != part[v]) continue;
        int c = refined[u];
        if (!listed[c]) {
          listed[c] = true;
          candidates[found++] = c;
        }
        linkTo[c] += g.weights()[i];
      }
      // well-connected clusters only, gains that do not lower quality only
      double best = 0;
      int usable = 0;
      for (int j = 0; j < found; j++) {
        int c = candidates[j];
        double gain = Double.NEGATIVE_INFINITY;
        if (external[c] >= clusterWeight[c] * (total - clusterWeight[c]) * gamma) {
          gain = linkTo[c] - k[v] * clusterWeight[c] * gamma;
        }
        gains[j] = gain;
        if (gain >= 0) {
          usable++;
          best = Math.max(best, gain);
        }
      }
      int chosen = own;
      if (usable > 0) {
        double sum = 0;
        for (int j = 0; j < found; j++) if (gains[j] >= 0) sum += Math.exp((gains[j] - best) / THETA);
        double r = rnd.nextDouble() * sum;
        for (int j = 0; j < found; j++) {
          if (gains[j] < 0) continue;
          chosen = candidates[j];
          r -= Math.exp((gains[j] - best) / THETA);
          if (r < 0) break;
        }
      }
      clusterWeight[chosen] += k[v];
      for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
        int u = g.targets()[i];
        if (part[u] != part[v]) continue;
        external[chosen] += refined[u] == chosen ? -g.weights()[i] : g.weights()[i];
      }
      for (int j = 0; j < found; j++) {
        linkTo[candidates[j]] = 0;
        listed[candidates[j]] = false;
      }
      if (chosen != own) {
        refined[v] = chosen;
        merged[chosen] = true;
      }
    }
    return refined;
  }

  /** 0..n-1 in a random order. */
  private static int[] shuffled(int n, SplittableRandom rnd) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
