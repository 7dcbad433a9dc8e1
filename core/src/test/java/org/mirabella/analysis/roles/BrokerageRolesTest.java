package org.mirabella.analysis.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

class BrokerageRolesTest {
  private static Network chain() {
    return new NetworkBuilder().addEdge("a", "b").addEdge("b", "c").build(); // b between a and c
  }

  private static Map<BrokerageRole, Long> rolesOfB(String ga, String gb, String gc) {
    Network g = chain();
    BrokerageRoles r = BrokerageRoles.byLabel(g, Map.of("a", ga, "b", gb, "c", gc));
    return r.counts(g.node("b").orElseThrow());
  }

  @Test
  void emptyAndTinyNetworksBrokerNothing() {
    assertThat(new BrokerageRoles(Network.empty(), new String[0]).scores(BrokerageRole.LIAISON).size()).isZero();
    assertThat(new BrokerageRoles(Fixtures.single(), new String[] {"x"}).total(0)).isZero();
    assertThat(new BrokerageRoles(Fixtures.twoLinked(), new String[] {"x", "y"}).total(0)).isZero();
  }

  @Test
  void eachRoleOnAChainOfThree() {
    assertThat(rolesOfB("g", "g", "g")).containsEntry(BrokerageRole.COORDINATOR, 2L).containsEntry(BrokerageRole.LIAISON, 0L);
    assertThat(rolesOfB("g", "h", "g")).containsEntry(BrokerageRole.ITINERANT, 2L).containsEntry(BrokerageRole.COORDINATOR, 0L);
    // undirected: a->b->c and c->b->a, one in each of the two asymmetric roles
    assertThat(rolesOfB("g", "h", "h")).containsEntry(BrokerageRole.GATEKEEPER, 1L).containsEntry(BrokerageRole.REPRESENTATIVE, 1L);
    assertThat(rolesOfB("g", "h", "i")).containsEntry(BrokerageRole.LIAISON, 2L).containsEntry(BrokerageRole.ITINERANT, 0L);
  }

  @Test
  void closedTriadsAndMissingGroupsBrokerNothing() {
    Network triangle = new NetworkBuilder().addEdge("a", "b").addEdge("b", "c").addEdge("c", "a").build();
    BrokerageRoles r = new BrokerageRoles(triangle, new String[] {"g", "h", "i"});
    for (int v = 0; v < 3; v++) assertThat(r.total(v)).isZero();
    BrokerageRoles unknown = new BrokerageRoles(chain(), new String[] {"g", "g", null});
    assertThat(unknown.total(1)).isZero();
  }

  @Test
  void starHubBrokersEveryPairOfLeaves() {
    // hub in group A; leaves 1, 2 in A, 3, 4 in B: pairs 1-2 coordinator; 3-4 itinerant; A-B pairs (4 of them)
    // gatekeeper once and representative once each way; 12 ordered pairs in all
    Network star = Fixtures.star(4);
    BrokerageRoles r = new BrokerageRoles(star, new String[] {"A", "A", "A", "B", "B"});
    assertThat(r.count(0, BrokerageRole.COORDINATOR)).isEqualTo(2);
    assertThat(r.count(0, BrokerageRole.ITINERANT)).isEqualTo(2);
    assertThat(r.count(0, BrokerageRole.GATEKEEPER)).isEqualTo(4);
    assertThat(r.count(0, BrokerageRole.REPRESENTATIVE)).isEqualTo(4);
    assertThat(r.count(0, BrokerageRole.LIAISON)).isZero();
    assertThat(r.total(0)).isEqualTo(4 * 3);
    assertThat(r.scores(BrokerageRole.GATEKEEPER).argMax()).isZero();
    for (int leaf = 1; leaf <= 4; leaf++) assertThat(r.total(leaf)).isZero();
  }

  @Test
  void rejectsGroupsOfTheWrongLength() {
    assertThatThrownBy(() -> new BrokerageRoles(chain(), new String[] {"g"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one entry per node (3), got 1");
  }
}
