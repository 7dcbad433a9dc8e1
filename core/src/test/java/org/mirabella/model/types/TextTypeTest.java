package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTypeTest {
  private final TextType text = new TextType("text");

  @Test
  void keepsLineBreaksAndTrimsTheEnds() {
    assertThat(text.clean("  Boat left Zuwara at 02:00.\n\nTwo pilots on board.  ").value())
        .isEqualTo("Boat left Zuwara at 02:00.\n\nTwo pilots on board.");
  }

  @Test
  void unifiesWindowsAndOldMacLineBreaks() {
    assertThat(text.clean("line 1\r\nline 2\rline 3").value()).isEqualTo("line 1\nline 2\nline 3");
  }

  @Test
  void removesControlCharactersThatStoresReject() {
    assertThat(text.clean("a\u0000b\u0007c\td").value()).isEqualTo("abc\td");
  }

  @Test
  void composesDecomposedCharacters() {
    assertThat(text.clean("Jose\u0301").value()).isEqualTo("José").hasSize(4);
  }

  @Test
  void rejectsEmptyAndOverlongText() {
    assertThat(text.clean(" \n ")).isEqualTo(Cleaned.invalid("empty value"));
    assertThat(text.clean(null)).isEqualTo(Cleaned.invalid("empty value"));
    assertThat(text.clean("x".repeat(65_001))).isEqualTo(Cleaned.invalid("longer than 65000 characters"));
    assertThat(text.clean("x".repeat(65_000)).isValid()).isTrue();
  }

  @Test
  void isNeverMatchedOn() {
    assertThat(text.matchable()).isFalse();
    assertThat(text.pivot()).isFalse();
    assertThat(Types.TEXT.name()).isEqualTo("text");
    assertThat(Types.HTML.name()).isEqualTo("html");
  }
}
