package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringTypeTest {
  private final StringType string = new StringType();

  @Test
  void foldsWhiteSpaceAndComposesCharacters() {
    assertThat(string.clean("  a\t b \n c ").value()).isEqualTo("a b c");
    assertThat(string.clean("e\u0301").value()).isEqualTo("é");
  }

  @Test
  void removesControlAndFormatCharactersButKeepsJoiners() {
    assertThat(string.clean("hello\u0000world").value()).isEqualTo("helloworld");
    assertThat(string.clean("\uFEFFbom").value()).isEqualTo("bom");
    assertThat(string.clean("\u200Fabc").value()).isEqualTo("abc");
    // zero-width non-joiner is part of Persian spelling
    assertThat(string.clean("می\u200Cخواهم").value()).isEqualTo("می\u200Cخواهم");
  }

  @Test
  void normaliseNeverReturnsNull() {
    assertThat(StringType.normalise(null)).isEmpty();
    assertThat(StringType.normalise(" \u00a0 ")).isEmpty();
  }

  @Test
  void rejectsEmptyAndOverlongValues() {
    assertThat(string.clean(" ")).isEqualTo(Cleaned.invalid("empty value"));
    assertThat(string.clean("x".repeat(1025))).isEqualTo(Cleaned.invalid("longer than 1024 characters"));
    StringType shortOne = new StringType("code", 3);
    assertThat(shortOne.name()).isEqualTo("code");
    assertThat(shortOne.clean("abcd")).isEqualTo(Cleaned.invalid("longer than 3 characters"));
  }
}
