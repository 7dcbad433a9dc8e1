package org.mirabella.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPlayersTest {
  private static List<KeyPlayers.Removal> find(List<String> members, List<String[]> ties, int k) {
    return KeyPlayers.find(members, ties, k, s -> s);
  }

  @Test
  void emptyNetworkHasNoKeyPlayers() {
    assertThat(find(List.of(), List.of(), 3)).isEmpty();
  }

  @Test
  void singleMemberHasNoKeyPlayers() {
    assertThat(find(List.of("a"), List.of(), 3)).isEmpty();
  }

  @Test
  void theCentreOfAStarComesFirst() {
    List<String[]> ties = List.of(new String[] {"hub", "a"}, new String[] {"hub", "b"}, new String[] {"hub", "c"});
    assertThat(find(List.of("a", "b", "hub", "c"), ties, 1)).containsExactly(new KeyPlayers.Removal("hub", 1));
  }

  @Test
  void theBrokerBetweenTwoCellsComesBeforeTheirLeaders() {
    // two triangles joined through a broker: removing the broker leaves two components of 3
    List<String[]> ties = List.of(new String[] {"a1", "a2"}, new String[] {"a2", "a3"}, new String[] {"a1", "a3"},
        new String[] {"b1", "b2"}, new String[] {"b2", "b3"}, new String[] {"b1", "b3"},
        new String[] {"a1", "broker"}, new String[] {"broker", "b1"});
    List<KeyPlayers.Removal> r = find(List.of("a1", "a2", "a3", "broker", "b1", "b2", "b3"), ties, 2);
    assertThat(r.get(0)).isEqualTo(new KeyPlayers.Removal("broker", 3));
    assertThat(r.get(1).largestComponent()).isEqualTo(3);
  }

  @Test
  void aNegativeNumberOfPlayersIsRefused() {
    assertThatThrownBy(() -> find(List.of("a"), List.of(), -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
  }
}
