package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTypeTest {
  private final EntityType entity = new EntityType();

  @ParameterizedTest
  @ValueSource(strings = {"p-1", "it-dcsa:case7:p1", "a1b2c3d4e5f6", "de.bka_2024.0017", "Q42"})
  void acceptsIds(String raw) {
    assertThat(entity.clean(raw).value()).isEqualTo(raw);
  }

  @Test
  void trimsSurroundingSpace() {
    assertThat(entity.clean("  p-1 ").value()).isEqualTo("p-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-x", ".x", "a b", "ü", "p/1", "p#1"})
  void rejectsWhatCannotBeAnId(String raw) {
    assertThat(entity.clean(raw)).isEqualTo(Cleaned.invalid("not an entity id: '" + raw + "'"));
  }

  @Test
  void limitsTheLengthTo128() {
    assertThat(entity.clean("a".repeat(128)).isValid()).isTrue();
    assertThat(entity.clean("a".repeat(129)).isValid()).isFalse();
    assertThat(entity.clean("")).isEqualTo(Cleaned.invalid("empty entity reference"));
  }
}
