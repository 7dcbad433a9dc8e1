package org.mirabella.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mirabella.model.InvalidData;

class ScaleTest {
  @Test
  void readsPresetsAndNumbers() {
    assertThat(Scale.parse("demo").persons()).isEqualTo(1_000);
    assertThat(Scale.parse("10k").persons()).isEqualTo(10_000);
    assertThat(Scale.parse("1m").persons()).isEqualTo(1_000_000);
    assertThat(Scale.parse("10M").persons()).isEqualTo(10_000_000);
    assertThat(Scale.parse("25000").persons()).isEqualTo(25_000);
  }

  @Test
  void refusesWhatIsNotAScale() {
    assertThatThrownBy(() -> Scale.parse("lots")).isInstanceOf(InvalidData.class).hasMessageContaining("'lots'");
    assertThatThrownBy(() -> Scale.parse("10")).isInstanceOf(InvalidData.class).hasMessageContaining("at least 50");
  }
}
