package org.mirabella.analysis.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class RoleRemovalSimulationTest {
  @Test
  void emptyNetworkAndNoCarrierOfTheRole() {
    DisruptionCurve none = new RoleRemovalSimulation(Network.empty(), new String[0], Set.of("money"),
        RemovalStrategy.DEGREE, RemovalMode.SEQUENTIAL, false).curve();
    assertThat(none.removedNodes()).isEmpty();
    assertThat(none.points()).hasSize(1);
    DisruptionCurve nobody = new RoleRemovalSimulation(Fixtures.path(3), new String[] {null, "driver", null},
        Set.of("money"), RemovalStrategy.DEGREE, RemovalMode.SEQUENTIAL, false).curve();
    assertThat(nobody.removedNodes()).isEmpty();
    assertThat(nobody.points().get(0).lccRatio()).isEqualTo(1.0);
  }

  @Test
  void removesOnlyTheRoleHighestFirstAndRecordsEachStep() {
    // a hub "h" (organiser) with three leaves and m1; money handlers m1 (degree 3) and m2 (degree 1)
    Network g = new NetworkBuilder().addEdge("h", "x1").addEdge("h", "x2").addEdge("h", "x3").addEdge("h", "m1")
        .addEdge("m1", "m2").addEdge("m1", "y").build();
    String[] roles = new String[g.nodeCount()];
    roles[g.node("h").orElseThrow()] = "organiser";
    roles[g.node("m1").orElseThrow()] = "money";
    roles[g.node("m2").orElseThrow()] = "money";
    for (RemovalMode mode : RemovalMode.values()) {
      DisruptionCurve c = new RoleRemovalSimulation(g, roles, Set.of("money"), RemovalStrategy.DEGREE, mode, false).curve();
      assertThat(c.removedNodes()).as(mode.name()).containsExactly("m1", "m2");
      assertThat(c.points()).extracting(DisruptionCurve.Point::removed).containsExactly(0, 1, 2);
      assertThat(c.points().get(0).components()).isEqualTo(1);
      assertThat(c.points().get(1).lccSize()).isEqualTo(4); // h and x1..x3; m2 and y cut off
      assertThat(c.points().get(1).components()).isEqualTo(3);
      assertThat(c.points().get(1).lccRatio()).isCloseTo(4.0 / 7, within(1e-15));
      assertThat(c.points().get(2).components()).isEqualTo(2); // h's star, and y alone
      assertThat(c.points().get(2).efficiency()).isLessThan(c.points().get(0).efficiency());
    }
  }

  @Test
  void rejectsMismatchedRoles() {
    assertThatThrownBy(() -> new RoleRemovalSimulation(Fixtures.path(3), new String[2], Set.of("x"),
        RemovalStrategy.DEGREE, RemovalMode.BLOCK, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one entry per node (3)");
  }
}
