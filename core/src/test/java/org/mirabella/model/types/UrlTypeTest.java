package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlTypeTest {
  private final UrlType url = new UrlType();

  private String reason(String raw) {
    Cleaned c = url.clean(raw);
    assertThat(c).as(raw).isInstanceOf(Cleaned.Invalid.class);
    return ((Cleaned.Invalid) c).reason();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      https://www.europol.europa.eu/crime-areas           | https://www.europol.europa.eu/crime-areas
      HTTP://Example.COM/Path?q=1#top                     | http://example.com/Path?q=1#top
      example.com                                         | https://example.com/
      www.facebook.com/groups/viaggi.italia               | https://www.facebook.com/groups/viaggi.italia
      //t.me/passeur_libya                                | https://t.me/passeur_libya
      ftp://ftp.example.org/file.txt                      | ftp://ftp.example.org/file.txt
      http://localhost:8080/x                             | http://localhost:8080/x
      example.com:8080/x                                  | https://example.com:8080/x
      https://example.com:443/a                           | https://example.com/a
      http://192.168.1.10/admin                           | http://192.168.1.10/admin
      """)
  void cleansWebAddresses(String raw, String clean) {
    assertThat(url.clean(raw).value()).isEqualTo(clean);
  }

  @Test
  void encodesInternationalHostsAndCharacters() {
    assertThat(url.clean("https://münchen.de/straße").value()).isEqualTo("https://xn--mnchen-3ya.de/stra%C3%9Fe");
    assertThat(url.clean("www.example.com/a b").value()).isEqualTo("https://www.example.com/a%20b");
    assertThat(url.clean("https://example.com/100%").value()).isEqualTo("https://example.com/100%25");
  }

  @Test
  void keepsEscapesThatCarryMeaning() {
    // decoding %2F or %26 would change which resource or which parameters the URL names
    assertThat(url.clean("https://example.com/a%2Fb").value()).isEqualTo("https://example.com/a%2Fb");
    assertThat(url.clean("https://example.com/search?q=a%26b&x=1").value()).isEqualTo("https://example.com/search?q=a%26b&x=1");
    assertThat(url.clean("https://example.com/a?b=%C3%A4").value()).isEqualTo("https://example.com/a?b=%C3%A4");
    assertThat(url.clean("https://example.com/a?b=%c3%a4").value()).isEqualTo("https://example.com/a?b=%C3%A4");
  }

  @Test
  void rejectsOtherSchemesInsteadOfMistakingThemForHosts() {
    assertThat(reason("mailto:a@b.de")).startsWith("unsupported URL scheme 'mailto'");
    assertThat(reason("javascript:alert(1)")).startsWith("unsupported URL scheme 'javascript'");
    assertThat(reason("file:///etc/passwd")).startsWith("unsupported URL scheme 'file'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://", "https://intranet/", "http:example.com", "not a url"})
  void rejectsAddressesWithoutAHost(String raw) {
    assertThat(reason(raw)).contains(raw);
  }

  @Test
  void rejectsPortsOutOfRange() {
    assertThat(reason("https://example.com:99999/")).startsWith("URL port out of range");
    assertThat(reason("https://example.com:0/")).startsWith("URL port out of range");
  }

  @Test
  void rejectsEmptyValues() {
    assertThat(reason(" ")).isEqualTo("empty URL");
    assertThat(reason(null)).isEqualTo("empty URL");
  }

  @Test
  void cleanValuesAreStableUnderCleaningAgain() {
    for (String raw : new String[] {"https://münchen.de/straße?q=a b", "example.com", "https://example.com/a%2Fb"}) {
      String once = url.clean(raw).value();
      assertThat(url.clean(once).value()).as(raw).isEqualTo(once);
    }
  }
}
