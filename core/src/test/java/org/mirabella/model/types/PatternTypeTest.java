package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternTypeTest {
  @Test
  void lowerCasesAndChecksTheChecksum() {
    assertThat(Types.CHECKSUM.clean("D41D8CD98F00B204E9800998ECF8427E").value()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(Types.CHECKSUM.clean("d41d8cd98f00b204").isValid()).isFalse();
    assertThat(Types.CHECKSUM.clean("da39a3ee5e6b4b0d3255bfef95601890afd80709").isValid()).isTrue(); // SHA-1
    assertThat(Types.CHECKSUM.clean("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").isValid()).isTrue();
    assertThat(Types.CHECKSUM.clean("d41d8cd98f00b204e9800998ecf8427e0").isValid()).isFalse(); // 33 digits
    assertThat(Types.CHECKSUM.clean("xyz")).isEqualTo(Cleaned.invalid("not a hex digest (MD5, SHA-1 or SHA-2): 'xyz'"));
  }

  @Test
  void checksMediaTypes() {
    assertThat(Types.MIMETYPE.clean("Text/HTML").value()).isEqualTo("text/html");
    assertThat(Types.MIMETYPE.clean("application/vnd.ms-excel").value()).isEqualTo("application/vnd.ms-excel");
    assertThat(Types.MIMETYPE.clean("foo")).isEqualTo(Cleaned.invalid("not a media type: 'foo'"));
    assertThat(Types.MIMETYPE.clean("")).isEqualTo(Cleaned.invalid("empty mimetype"));
  }
}
