package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTypeTest {
  private final IdentifierType identifier = new IdentifierType();

  private Cleaned clean(String format, String raw) {
    return identifier.clean(raw, CleaningContext.NONE.withFormat(format));
  }

  private String reason(String format, String raw) {
    Cleaned c = clean(format, raw);
    assertThat(c).as(format + " " + raw).isInstanceOf(Cleaned.Invalid.class);
    return ((Cleaned.Invalid) c).reason();
  }

  @Test
  void compactsIdentifiersWithoutAFormat() {
    assertThat(identifier.clean("  ab-12/34.5 ").value()).isEqualTo("AB12345");
    assertThat(identifier.clean("HRB 12345").value()).isEqualTo("HRB12345");
    assertThat(identifier.clean("---")).isEqualTo(Cleaned.invalid("identifier without letters or digits: '---'"));
    assertThat(identifier.clean(" ")).isEqualTo(Cleaned.invalid("empty identifier"));
    assertThat(identifier.clean("X".repeat(65))).isEqualTo(Cleaned.invalid("identifier longer than 64 characters"));
  }

  @Test
  void readsDigitsOfAnyScript() {
    assertThat(identifier.clean("٩٨٧٦٥٤٣٢١").value()).isEqualTo("987654321");
    assertThat(clean("imo", "IMO ٩٠٧٤٧٢٩").value()).isEqualTo("IMO9074729");
    assertThat(clean("passport", "LY ١٢٣٤٥٦٧").value()).isEqualTo("LY1234567");
  }

  @Test
  void keepsTheCaseOfCryptoAddressesEvenWithoutAFormat() {
    assertThat(identifier.clean("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").value()).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    assertThat(identifier.clean("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t").value()).isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    assertThat(identifier.clean("0x52908400098527886E0F7030069857D2E4169EE7").value())
        .isEqualTo("0x52908400098527886e0f7030069857d2e4169ee7");
    // a mistyped address is no address: it is compacted like any other identifier
    assertThat(identifier.clean("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb").value()).isEqualTo("1A1ZP1EP5QGEFI2DMPTFTL5SLMV7DIVFNB");
  }

  @Test
  void knowsItsFormats() {
    for (String f : new String[] {"imo", "mmsi", "iban", "bic", "lei", "isin", "passport", "nationalId", "plate", "crypto", "qid"}) {
      assertThat(IdentifierType.knowsFormat(f)).as(f).isTrue();
    }
    assertThat(IdentifierType.knowsFormat("ssn")).isFalse();
  }

  @Nested
  class Imo {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        IMO 9074729     | IMO9074729
        9074729         | IMO9074729
        imo9074729      | IMO9074729
        IMO-9074729     | IMO9074729
        IMO 9321483     | IMO9321483
        IMO 9241061     | IMO9241061
        9811000         | IMO9811000
        """)
    void acceptsRealShipsWithGoodCheckDigits(String raw, String clean) {
      // 9321483 Emma Maersk, 9241061 Queen Mary 2, 9811000 Ever Given
      assertThat(clean("imo", raw).value()).isEqualTo(clean);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMO 9074728", "IMO 9321484", "9811001", "IMO 9241060"})
    void rejectsBadCheckDigits(String raw) {
      assertThat(reason("imo", raw)).isEqualTo("IMO check digit wrong: '" + raw + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMO 907472", "IMO 90747290", "IMO ABCDEFG"})
    void rejectsWrongLength(String raw) {
      assertThat(reason("imo", raw)).startsWith("an IMO number has 7 digits");
    }
  }

  @Nested
  class Mmsi {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        247320162       | 247320162
        211 234 567     | 211234567
        MMSI 232001234  | 232001234
        366123456       | 366123456
        431000123       | 431000123
        642123456       | 642123456
        672000111       | 672000111
        002470001       | 002470001
        024700012       | 024700012
        111247123       | 111247123
        824712345       | 824712345
        992471234       | 992471234
        970123456       | 970123456
        """)
    void acceptsShipsAndOtherStations(String raw, String clean) {
      assertThat(clean("mmsi", raw).value()).isEqualTo(clean);
    }

    @Test
    void rejectsUnknownStationTypesAndMids() {
      assertThat(reason("mmsi", "123456789")).startsWith("not an MMSI (no station type starts 123)");
      assertThat(reason("mmsi", "199123456")).startsWith("not an MMSI (no station type");
      assertThat(reason("mmsi", "800123456")).startsWith("not an MMSI (no country has MID 1)");
      assertThat(reason("mmsi", "998123456")).startsWith("not an MMSI (no country has MID 812)");
      assertThat(reason("mmsi", "012345678")).startsWith("not an MMSI (no country has MID 123)");
      assertThat(reason("mmsi", "24732016")).startsWith("an MMSI has 9 digits");
    }
  }

  @Nested
  class Bic {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        DEUTDEFF        | DEUTDEFF
        DEUTDEFF500     | DEUTDEFF500
        deut de ff      | DEUTDEFF
        BCITITMM        | BCITITMM
        UNCRITMMXXX     | UNCRITMM
        NWBKGB2L        | NWBKGB2L
        BNPAFRPP        | BNPAFRPP
        """)
    void acceptsBicsAndDropsTheMainOfficeBranch(String raw, String clean) {
      assertThat(clean("bic", raw).value()).isEqualTo(clean);
    }

    @Test
    void rejectsMalformedBicsAndUnknownCountries() {
      assertThat(reason("bic", "DEUTXXFF")).startsWith("BIC with unknown country 'XX'");
      assertThat(reason("bic", "DEUT")).startsWith("not a BIC");
      assertThat(reason("bic", "DEUTDEFF50")).startsWith("not a BIC");
      assertThat(reason("bic", "1EUTDEFF")).startsWith("not a BIC");
    }
  }

  @Nested
  class Lei {
    @ParameterizedTest
    @ValueSource(strings = {"5493001KJTIIGC8Y1R12", "HWUPKR0MPOU8FGXBT394", "529900T8BM49AURSDO55"})
    void acceptsLeisWithGoodCheckDigits(String raw) {
      assertThat(clean("lei", raw).value()).isEqualTo(raw);
      assertThat(clean("lei", raw.toLowerCase()).value()).isEqualTo(raw);
    }

    @Test
    void rejectsBadCheckDigitsAndLength() {
      assertThat(reason("lei", "5493001KJTIIGC8Y1R13")).startsWith("LEI check digits wrong");
      assertThat(reason("lei", "HWUPKR0MPOU8FGXBT349")).startsWith("LEI check digits wrong");
      assertThat(reason("lei", "5493001KJTIIGC8Y1R1")).startsWith("a LEI has 20 characters");
    }
  }

  @Nested
  class Isin {
    @ParameterizedTest
    @ValueSource(strings = {"US0378331005", "DE0007164600", "IT0003132476", "FR0000120271", "GB0002634946", "AU0000XVGZA3"})
    void acceptsIsinsWithGoodCheckDigits(String raw) {
      assertThat(clean("isin", raw).value()).isEqualTo(raw);
    }

    @Test
    void rejectsBadCheckDigitsAndShape() {
      assertThat(reason("isin", "US0378331006")).startsWith("ISIN check digit wrong");
      assertThat(reason("isin", "DE0007164601")).startsWith("ISIN check digit wrong");
      assertThat(reason("isin", "US037833100")).startsWith("not an ISIN");
      assertThat(reason("isin", "120378331005")).startsWith("not an ISIN");
    }
  }

  @Test
  void delegatesIbansToTheIbanType() {
    assertThat(clean("iban", "DE89 3704 0044 0532 0130 00").value()).isEqualTo("DE89370400440532013000");
    assertThat(reason("iban", "DE89 3704 0044 0532 0130 01")).startsWith("IBAN check digits wrong");
  }

  @Test
  void compactsPassportAndNationalIdNumbers() {
    assertThat(clean("passport", "ya 123 4567").value()).isEqualTo("YA1234567");
    assertThat(clean("passport", "C01X00T47").value()).isEqualTo("C01X00T47");
    assertThat(reason("passport", "AB12")).startsWith("not a passport number (5 to 20 letters and digits)");
    assertThat(reason("passport", "AB12345#")).startsWith("not a passport number");
    assertThat(clean("nationalId", "RSSMRA85T10A562S").value()).isEqualTo("RSSMRA85T10A562S");
    assertThat(clean("nationalId", "12-345.678").value()).isEqualTo("12345678");
    assertThat(reason("nationalId", "123")).startsWith("not a national ID number");
  }

  @Test
  void compactsVehiclePlates() {
    assertThat(clean("plate", "B-MW 1234").value()).isEqualTo("BMW1234");
    assertThat(clean("plate", "AB 123 CD").value()).isEqualTo("AB123CD");
    assertThat(clean("plate", "ÄB 12").value()).isEqualTo("ÄB12");
    assertThat(reason("plate", "X")).startsWith("not a vehicle plate");
    assertThat(reason("plate", "12345678901234")).startsWith("not a vehicle plate");
  }

  @Nested
  class Crypto {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"})
    void acceptsAddressesWithGoodChecksums(String raw) {
      assertThat(clean("crypto", raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"})
    void rejectsMistypedAddresses(String raw) {
      assertThat(reason("crypto", raw)).contains("checksum wrong").contains(raw);
    }

    @Test
    void storesSegwitAndEthereumAddressesInLowerCase() {
      assertThat(clean("crypto", "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ").value())
          .isEqualTo("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
      assertThat(clean("crypto", "0x52908400098527886E0F7030069857D2E4169EE7").value())
          .isEqualTo("0x52908400098527886e0f7030069857d2e4169ee7");
    }

    @Test
    void rejectsMixedCaseSegwitAndUnknownShapes() {
      assertThat(reason("crypto", "Bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).startsWith("not a Bitcoin, Ethereum or Tron address");
      assertThat(reason("crypto", "1I1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).startsWith("not a Bitcoin, Ethereum or Tron address");
      assertThat(reason("crypto", "xyz")).startsWith("not a Bitcoin, Ethereum or Tron address");
    }
  }

  @Test
  void readsWikidataIds() {
    assertThat(clean("qid", "Q42").value()).isEqualTo("Q42");
    assertThat(clean("qid", "q42").value()).isEqualTo("Q42");
    assertThat(reason("qid", "Q")).startsWith("not a Wikidata id");
    assertThat(reason("qid", "Q042")).startsWith("not a Wikidata id");
  }

  @Test
  void linksEntitiesThatShareAnIdentifier() {
    assertThat(identifier.pivot()).isTrue();
    assertThat(identifier.matchable()).isTrue();
  }
}
