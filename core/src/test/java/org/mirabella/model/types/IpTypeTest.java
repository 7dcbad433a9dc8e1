package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpTypeTest {
  private final IpType ip = new IpType();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      192.168.1.1                       | 192.168.1.1
      ' 8.8.8.8 '                       | 8.8.8.8
      0.0.0.0                           | 0.0.0.0
      255.255.255.255                   | 255.255.255.255
      ::1                               | ::1
      ::                                | ::
      2001:DB8::1                       | 2001:db8::1
      2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1
      2001:db8:0:0:1:0:0:1              | 2001:db8::1:0:0:1
      2001:db8:0:1:1:1:1:1              | 2001:db8:0:1:1:1:1:1
      fe80::                            | fe80::
      ::ffff:192.0.2.1                  | ::ffff:192.0.2.1
      ::FFFF:c000:0201                  | ::ffff:192.0.2.1
      64:ff9b::192.0.2.33               | 64:ff9b::c000:221
      """)
  void acceptsAndCanonicalisesAddresses(String raw, String clean) {
    assertThat(ip.clean(raw).value()).isEqualTo(clean);
  }

  @ParameterizedTest
  @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "010.1.1.1", ":", ":::::", "1::2::3", "gg::1",
      "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "::ffff:999.0.0.1", "example.com"})
  void rejectsWhatIsNotAnAddress(String raw) {
    assertThat(ip.clean(raw)).isEqualTo(Cleaned.invalid("not an IP address: '" + raw + "'"));
  }

  @Test
  void isRegisteredAsTheIpType() {
    assertThat(Types.byName("ip")).isSameAs(Types.IP).isInstanceOf(IpType.class);
    assertThat(ip.clean(" ")).isEqualTo(Cleaned.invalid("empty ip"));
  }
}
