package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IbanTypeTest {
  private final IbanType iban = new IbanType();

  private String reason(String raw) {
    Cleaned c = iban.clean(raw);
    assertThat(c).as(raw).isInstanceOf(Cleaned.Invalid.class);
    return ((Cleaned.Invalid) c).reason();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      DE89 3704 0044 0532 0130 00          | DE89370400440532013000
      de89370400440532013000               | DE89370400440532013000
      DE89-3704-0044-0532-0130-00          | DE89370400440532013000
      IBAN DE89 3704 0044 0532 0130 00     | DE89370400440532013000
      IBAN: DE89 3704 0044 0532 0130 00    | DE89370400440532013000
      IT60 X054 2811 1010 0000 0123 456    | IT60X0542811101000000123456
      FR14 2004 1010 0505 0001 3M02 606    | FR1420041010050500013M02606
      GB29 NWBK 6016 1331 9268 19          | GB29NWBK60161331926819
      TN59 1000 6035 1835 9847 8831        | TN5910006035183598478831
      """)
  void acceptsValidIbans(String raw, String clean) {
    assertThat(iban.clean(raw).value()).isEqualTo(clean);
  }

  @Test
  void rejectsBadCheckDigits() {
    assertThat(reason("DE89 3704 0044 0532 0130 01")).isEqualTo("IBAN check digits wrong: 'DE89 3704 0044 0532 0130 01'");
    assertThat(reason("IT61 X054 2811 1010 0000 0123 456")).startsWith("IBAN check digits wrong");
    assertThat(reason("GB28 NWBK 6016 1331 9268 19")).startsWith("IBAN check digits wrong");
    assertThat(reason("FR14 2004 1010 0505 0001 3M02 607")).startsWith("IBAN check digits wrong");
  }

  @Test
  void rejectsUnknownCountries() {
    assertThat(reason("XX89 3704 0044 0532 0130 00")).isEqualTo("IBAN of unknown country 'XX': 'XX89 3704 0044 0532 0130 00'");
    assertThat(reason("ZZ12 3456 7890")).startsWith("IBAN of unknown country 'ZZ'");
  }

  @Test
  void rejectsTheWrongLengthForTheCountry() {
    assertThat(reason("DE89 3704 0044 0532 0130 0")).isEqualTo("IBAN of the wrong length for DE: 'DE89 3704 0044 0532 0130 0'");
  }

  @Test
  void checksIbansOfRegistryCountriesIbanFourJDoesNotKnow() {
    // Libya joined the IBAN registry in 2023; the registry's own example
    assertThat(iban.clean("LY83 0020 4800 0020 1001 2036 1").value()).isEqualTo("LY83002048000020100120361");
    assertThat(reason("LY84 0020 4800 0020 1001 2036 1")).startsWith("IBAN check digits wrong");
  }

  @Test
  void rejectsWhatIsNotAnIban() {
    assertThat(reason("hello")).startsWith("not an IBAN");
    assertThat(reason("1234567890")).startsWith("not an IBAN");
    assertThat(reason(" ")).isEqualTo("empty IBAN");
  }

  @Test
  void linksAccountsAndIsTheSameCheckAsTheIdentifierFormat() {
    assertThat(iban.pivot()).isTrue();
    assertThat(Types.IDENTIFIER.clean("GB29 NWBK 6016 1331 9268 19", CleaningContext.NONE.withFormat("iban")))
        .isEqualTo(iban.clean("GB29 NWBK 6016 1331 9268 19"));
  }
}
