package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTypeTest {
  private final EmailType email = new EmailType();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      john.doe@example.com                 | john.doe@example.com
      '  John.Doe@Example.COM  '           | John.Doe@example.com
      mailto:ops@europol.europa.eu         | ops@europol.europa.eu
      MAILTO:ops@europol.europa.eu         | ops@europol.europa.eu
      Mario Rossi <m.rossi@poliziadistato.it> | m.rossi@poliziadistato.it
      <m.rossi@poliziadistato.it>          | m.rossi@poliziadistato.it
      ahmed+libya@gmail.com                | ahmed+libya@gmail.com
      a@b.de.                              | a@b.de
      hans@müller.de                       | hans@xn--mller-kva.de
      """)
  void cleansRealWorldAddresses(String raw, String clean) {
    assertThat(email.clean(raw).value()).isEqualTo(clean);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b", "@b.de", "a@", "a b@c.de", "a@@b.de", "a@-b.de", "x@localhost", "\"a b\"@c.de",
      ".a@b.de", "a.@b.de", "a..b@c.de", "no-at-sign.de", "a@b_c.de"})
  void rejectsMalformedAddresses(String raw) {
    Cleaned c = email.clean(raw);
    assertThat(c.isValid()).as(raw).isFalse();
    assertThat(((Cleaned.Invalid) c).reason()).contains(raw);
  }

  @Test
  void rejectsEmptyValues() {
    assertThat(email.clean(" ")).isEqualTo(Cleaned.invalid("empty e-mail address"));
    assertThat(email.clean(null)).isEqualTo(Cleaned.invalid("empty e-mail address"));
  }

  @Test
  void comparesIgnoringCase() {
    assertThat(email.compare("John@x.de", "john@x.de")).isEqualTo(1.0);
    assertThat(email.compare("john@x.de", "jon@x.de")).isEqualTo(0.0);
  }

  @Test
  void linksPeopleWhoShareAnAddress() {
    assertThat(email.pivot()).isTrue();
    assertThat(email.matchable()).isTrue();
  }
}
