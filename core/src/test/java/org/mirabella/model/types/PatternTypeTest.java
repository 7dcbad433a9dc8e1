package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternTypeTest {
  @Test
  void lowerCasesAndChecksTheChecksum() {
    assertThat(Types.CHECKSUM.clean("D41D8CD98F00B204E9800998ECF8427E").value()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(Types.CHECKSUM.clean("d41d8cd98f00b204").isValid()).isFalse();
    assertThat(Types.CHECKSUM.clean("xyz")).isEqualTo(Cleaned.invalid("not a hex digest: 'xyz'"));
  }

  @Test
  void checksMediaTypes() {
    assertThat(Types.MIMETYPE.clean("Text/HTML").value()).isEqualTo("text/html");
    assertThat(Types.MIMETYPE.clean("application/vnd.ms-excel").value()).isEqualTo("application/vnd.ms-excel");
    assertThat(Types.MIMETYPE.clean("foo")).isEqualTo(Cleaned.invalid("not a media type: 'foo'"));
    assertThat(Types.MIMETYPE.clean("")).isEqualTo(Cleaned.invalid("empty mimetype"));
  }
}
