package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTypeTest {
  private final PhoneType phone = new PhoneType();

  private static CleaningContext in(String... countries) {
    return CleaningContext.of(new LinkedHashSet<>(List.of(countries)));
  }

  private static String reason(Cleaned c) {
    assertThat(c).isInstanceOf(Cleaned.Invalid.class);
    return ((Cleaned.Invalid) c).reason();
  }

  @Test
  void cleansLocalNumberUsingEntityCountry() {
    assertThat(phone.clean("0176 2342 3980", in("de")).value()).isEqualTo("+4917623423980");
  }

  @Test
  void rejectsLocalNumberWithoutCountry() {
    assertThat(reason(phone.clean("0176 2342 3980", CleaningContext.NONE)))
        .contains("without a country").contains("0176 2342 3980");
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      06 6982 0001      | it | +390669820001
      347 123 4567      | it | +393471234567
      0176 2342 3980    | de | +4917623423980
      030 2273 0        | de | +493022730
      01 42 68 53 00    | fr | +33142685300
      06 12 34 56 78    | fr | +33612345678
      020 7946 0958     | gb | +442079460958
      07911 123456      | gb | +447911123456
      (202) 456-1111    | us | +12024561111
      202.456.1111      | us | +12024561111
      (613) 992-4793    | ca | +16139924793
      03-3581-0101      | jp | +81335810101
      090-1234-5678     | jp | +819012345678
      091 234 5678      | ly | +218912345678
      021 333 4444      | ly | +218213334444
      71 123 456        | tn | +21671123456
      20 123 456        | tn | +21620123456
      """)
  void cleansLocalNumbersOfEachCountry(String raw, String country, String e164) {
    assertThat(phone.clean(raw, in(country)).value()).isEqualTo(e164);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      +39 06 6982 0001         | +390669820001
      0039 06 6982 0001        | +390669820001
      +49 (0)176 2342-3980     | +4917623423980
      0049 176 23423980        | +4917623423980
      +33 1 42 68 53 00        | +33142685300
      +44 (0)20 7946 0958      | +442079460958
      +1-202-456-1111          | +12024561111
      +1 613 992 4793          | +16139924793
      +81 3-3581-0101          | +81335810101
      00218 91 234 5678        | +218912345678
      +216 20 123 456          | +21620123456
      tel:+49-176-23423980     | +4917623423980
      """)
  void cleansInternationalNumbersWithoutAHint(String raw, String e164) {
    assertThat(phone.clean(raw).value()).isEqualTo(e164);
  }

  @Test
  void internationalNumberIgnoresTheHint() {
    assertThat(phone.clean("+44 20 7946 0958", in("it")).value()).isEqualTo("+442079460958");
  }

  @Test
  void readsTheNorthAmericanInternationalPrefix() {
    assertThat(phone.clean("011 81 3 3581 0101", in("us")).value()).isEqualTo("+81335810101");
  }

  @Test
  void readsArabicIndicDigitsAsLibyanSourcesWriteThem() {
    assertThat(phone.clean("٠٩١ ٢٣٤ ٥٦٧٨", in("ly")).value()).isEqualTo("+218912345678");
    assertThat(phone.clean("+٢١٨ ٩١ ٢٣٤ ٥٦٧٨").value()).isEqualTo("+218912345678");
  }

  @Test
  void triesEachCountryOfTheEntity() {
    assertThat(phone.clean("0176 2342 3980", in("ly", "de")).value()).isEqualTo("+4917623423980");
    assertThat(phone.clean("07911 123456", in("ly", "tn", "gb")).value()).isEqualTo("+447911123456");
  }

  @Test
  void rejectsLocalNumberValidInTwoHintCountriesAsAmbiguous() {
    // valid as a French mobile and as a Rome land line: guessing would link the wrong people
    assertThat(phone.clean("06 12 34 56 78", in("fr")).value()).isEqualTo("+33612345678");
    assertThat(phone.clean("06 12 34 56 78", in("it")).value()).isEqualTo("+390612345678");
    assertThat(reason(phone.clean("06 12 34 56 78", in("fr", "it"))))
        .contains("ambiguous").contains("+33612345678 (fr)").contains("+390612345678 (it)");
    // a Libyan mobile number is also a valid number in the Nuremberg area
    assertThat(reason(phone.clean("091 234 5678", in("de", "ly"))))
        .isEqualTo("ambiguous local phone number '091 234 5678': +49912345678 (de) or +218912345678 (ly)");
  }

  @Test
  void resultDoesNotDependOnTheOrderOfCountries() {
    assertThat(phone.clean("0176 2342 3980", in("de", "it")))
        .isEqualTo(phone.clean("0176 2342 3980", in("it", "de")));
  }

  @Test
  void skipsHintsWithoutANumberingPlan() {
    assertThat(phone.clean("0176 2342 3980", in("eu", "de")).value()).isEqualTo("+4917623423980");
    assertThat(reason(phone.clean("0176 2342 3980", in("eu")))).contains("without a country").contains("eu");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+49 123", "+44 20 7946 095", "+39 06 1", "+1 555 0100", "+216 1234"})
  void rejectsInvalidInternationalNumbersWithAReason(String raw) {
    assertThat(reason(phone.clean(raw))).contains(raw);
  }

  @Test
  void rejectsNumberThatIsValidNowhereInTheHintCountries() {
    assertThat(reason(phone.clean("12345", in("de")))).isEqualTo("not a valid phone number in de: '12345'");
    assertThat(reason(phone.clean("12345", in("de", "fr")))).contains("de, fr").contains("12345");
  }

  @Test
  void rejectsTextAndEmptyValues() {
    assertThat(reason(phone.clean("call me", in("de")))).contains("not a phone number");
    assertThat(reason(phone.clean("   ", in("de")))).isEqualTo("empty phone number");
    assertThat(reason(phone.clean(null))).isEqualTo("empty phone number");
    assertThat(phone.clean("+").isValid()).isFalse();
    assertThat(phone.clean("00").isValid()).isFalse();
  }

  @Test
  void cleanValuesAreStableUnderCleaningAgain() {
    String once = phone.clean("0176 2342 3980", in("de")).value();
    assertThat(phone.clean(once).value()).isEqualTo(once);
  }

  @Test
  void knowsTheCountryOfACleanNumberAndDisplaysIt() {
    assertThat(PhoneType.country("+218912345678")).isEqualTo("ly");
    assertThat(PhoneType.country("+16139924793")).isEqualTo("ca");
    assertThat(PhoneType.country("+12024561111")).isEqualTo("us");
    assertThat(PhoneType.country("nonsense")).isNull();
    assertThat(PhoneType.display("+4917623423980")).isEqualTo("+49 176 23423980");
  }

  @Test
  void phonesLinkPeopleAndAreMatchable() {
    assertThat(phone.pivot()).isTrue();
    assertThat(phone.matchable()).isTrue();
    assertThat(phone.compare("+4917623423980", "+4917623423980")).isEqualTo(1.0);
    assertThat(phone.compare("+4917623423980", "+4917623423981")).isEqualTo(0.0);
    assertThat(Types.byName("phone")).isSameAs(Types.PHONE);
    assertThat(Set.of(phone.name())).containsExactly("phone");
  }
}
