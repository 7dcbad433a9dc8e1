package org.mirabella.analysis.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.NetworkBenchmark;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

/**
 * The level kernel, source by source, against the networkx-order kernel: one kernel instance for
 * all sources, so state left over from one source would show in the next. The graphs make the
 * forward pass switch between pushing and pulling (and back) and the backward pass push from big
 * levels into small ones.
 */
class LevelBrandesKernelTest {
  private static void assertEverySourceAgrees(Network g) {
    BrandesKernel.Csr csr = BrandesKernel.Csr.of(g);
    int n = g.nodeCount();
    BrandesKernel reference = new BrandesKernel(csr, false);
    LevelBrandesKernel level = new LevelBrandesKernel(csr);
    for (int s = 0; s < n; s++) {
      double[] expected = new double[n];
      double[] actual = new double[n];
      reference.accumulate(s, expected);
      level.accumulate(s, actual);
      for (int v = 0; v < n; v++) {
        assertThat(actual[v]).as("source %s, node %s", g.label(s), g.label(v))
            .isCloseTo(expected[v], within(1e-12 * Math.max(1, Math.abs(expected[v]))));
      }
    }
  }

  @Test
  void cliqueWithALongTailAndOtherComponents() {
    NetworkBuilder b = new NetworkBuilder();
    // from a clique node, level 1 holds more arc ends than everything unreached: it is pulled;
    // then the tail's levels of one node each are pushed again
    for (int i = 0; i < 40; i++) {
      for (int j = i + 1; j < 40; j++) b.addEdge("k" + i, "k" + j);
    }
    b.addEdge("k0", "t0");
    for (int i = 0; i + 1 < 200; i++) b.addEdge("t" + i, "t" + (i + 1));
    b.addEdge("t199", "k7"); // a cycle through the clique: two ways round
    for (int i = 0; i < 30; i++) b.addEdge("hub", "leaf" + i); // another component
    b.addEdge("leaf3", "leaf3"); // a loop
    b.node("alone");
    assertEverySourceAgrees(b.build());
  }

  @Test
  void treesAndPathsWithEveryBitmapBoundary() {
    assertEverySourceAgrees(NetworkBenchmark.barabasiAlbert(2000, 1, 7)); // a tree: half the nodes have degree 1
    for (int n : new int[] {1, 2, 63, 64, 65, 128, 129}) assertEverySourceAgrees(Fixtures.path(n));
    assertEverySourceAgrees(Fixtures.star(64)); // 65 nodes; level 1 pulled from the centre
  }

  @Test
  void denseRandomGraph() {
    assertEverySourceAgrees(NetworkBenchmark.barabasiAlbert(1500, 12, 3));
  }
}
