package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryTypeTest {
  private final CountryType country = new CountryType();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      de, de
      DE, de
      ' It ', it
      fr, fr
      gb, gb
      us, us
      ca, ca
      jp, jp
      ly, ly
      tn, tn
      """)
  void acceptsAlpha2InAnyCase(String raw, String code) {
    assertThat(country.clean(raw).value()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      DEU, de
      ita, it
      FRA, fr
      GBR, gb
      USA, us
      CAN, ca
      JPN, jp
      LBY, ly
      TUN, tn
      ALB, al
      """)
  void acceptsAlpha3(String raw, String code) {
    assertThat(country.clean(raw).value()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Germany                     | de
      Italy                       | it
      United Kingdom              | gb
      United States               | us
      Japan                       | jp
      Libya                       | ly
      Tunisia                     | tn
      Eritrea                     | er
      Niger                       | ne
      Nigeria                     | ng
      The Gambia                  | gm
      Russian Federation          | ru
      Syrian Arab Republic        | sy
      Bosnia and Herzegovina      | ba
      Bosnia & Herzegovina        | ba
      Saint Lucia                 | lc
      St. Lucia                   | lc
      Côte d'Ivoire               | ci
      Cote d’Ivoire               | ci
      Iran (Islamic Republic of)  | ir
      Türkiye                     | tr
      Turkey                      | tr
      """)
  void acceptsEnglishNamesAndCommonOfficialForms(String raw, String code) {
    assertThat(country.clean(raw).value()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Deutschland             | de
      Allemagne               | de
      Italia                  | it
      Royaume-Uni             | gb
      Vereinigtes Königreich  | gb
      Libye                   | ly
      Ägypten                 | eg
      México                  | mx
      """)
  void acceptsNamesInTheLanguagesOfG7Partners(String raw, String code) {
    assertThat(country.clean(raw).value()).isEqualTo(code);
  }

  @Test
  void readsUkAsGreatBritain() {
    assertThat(country.clean("uk").value()).isEqualTo("gb");
    assertThat(country.clean("UK").value()).isEqualTo("gb");
    assertThat(country.clean("England").value()).isEqualTo("gb");
  }

  @Test
  void knowsKosovoByItsUserAssignedCode() {
    assertThat(country.clean("Kosovo").value()).isEqualTo("xk");
    assertThat(country.clean("XK").value()).isEqualTo("xk");
    assertThat(country.clean("XKX").value()).isEqualTo("xk");
    assertThat(CountryType.codes()).contains("xk", "eu");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Narnia", "ZZ", "XX", "Korea", "Yugoslavia", "A1", "Europe"})
  void rejectsUnknownCountriesWithTheValue(String raw) {
    Cleaned c = country.clean(raw);
    assertThat(c).isEqualTo(Cleaned.invalid("unknown country: '" + raw + "'"));
  }

  @Test
  void rejectsEmptyValues() {
    assertThat(country.clean("  ")).isEqualTo(Cleaned.invalid("empty country"));
    assertThat(country.clean(null)).isEqualTo(Cleaned.invalid("empty country"));
  }

  @Test
  void producesOnlyCodesItKnows() {
    assertThat(CountryType.codes()).contains("de", "it", "fr", "gb", "us", "ca", "jp", "ly", "tn", "tr", "ne");
    assertThat(CountryType.codes()).allMatch(c -> c.matches("[a-z]{2}"));
    for (String c : CountryType.codes()) assertThat(country.clean(c).value()).isEqualTo(c);
  }

  @Test
  void comparesCodesExactly() {
    assertThat(country.compare("de", "de")).isEqualTo(1.0);
    assertThat(country.compare("de", "at")).isEqualTo(0.0);
    assertThat(country.matchable()).isTrue();
  }
}
