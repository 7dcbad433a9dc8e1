package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTypeTest {
  private final NumberType number = new NumberType();

  private String reason(String raw) {
    Cleaned c = number.clean(raw);
    assertThat(c).as(raw).isInstanceOf(Cleaned.Invalid.class);
    return ((Cleaned.Invalid) c).reason();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1500          | 1500
      -3.25         | -3.25
      +7            | 7
      0.00          | 0
      2.50          | 2.5
      0.5           | 0.5
      """)
  void keepsPlainDecimals(String raw, String clean) {
    assertThat(number.clean(raw).value()).isEqualTo(clean);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1,500,000        | 1500000
      1,500,000.75     | 1500000.75
      1,500.50         | 1500.5
      12,345,678       | 12345678
      -2,500,000       | -2500000
      """)
  void removesCommaThousandsSeparators(String raw, String clean) {
    assertThat(number.clean(raw).value()).isEqualTo(clean);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1.500.000        | 1500000
      1.500.000,75     | 1500000.75
      1.500,50         | 1500.5
      1.234.567,89     | 1234567.89
      """)
  void removesPointThousandsSeparatorsAndReadsTheDecimalComma(String raw, String clean) {
    assertThat(number.clean(raw).value()).isEqualTo(clean);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      3,25             | 3.25
      -3,25            | -3.25
      0,001            | 0.001
      0,5              | 0.5
      1,0000           | 1
      1234,567         | 1234.567
      """)
  void readsADecimalComma(String raw, String clean) {
    assertThat(number.clean(raw).value()).isEqualTo(clean);
  }

  @Test
  void removesSpacesAndApostrophesBetweenGroups() {
    assertThat(number.clean("1 500").value()).isEqualTo("1500");
    assertThat(number.clean("1 500 000").value()).isEqualTo("1500000");
    assertThat(number.clean("1\u00a0234,56").value()).isEqualTo("1234.56");
    assertThat(number.clean("1\u202f234\u202f567").value()).isEqualTo("1234567");
    assertThat(number.clean("1'000'000").value()).isEqualTo("1000000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.500", "1,500", "-2.000", "12,345", "999.999"})
  void rejectsOneSeparatorBeforeThreeDigitsAsAmbiguous(String raw) {
    assertThat(reason(raw)).startsWith("ambiguous number '" + raw + "'");
  }

  @Test
  void explainsBothReadingsOfAnAmbiguousNumber() {
    assertThat(reason("1.500")).isEqualTo("ambiguous number '1.500': 1500 or 1.5? (write it without a thousands separator)");
  }

  @Test
  void readsArabicDigitsAndSeparatorsAndTheUnicodeMinus() {
    assertThat(number.clean("١٥٠٠").value()).isEqualTo("1500");
    assertThat(number.clean("١٬٥٠٠٫٥").value()).isEqualTo("1500.5");
    assertThat(number.clean("\u22123,25").value()).isEqualTo("-3.25");
  }

  @Test
  void keepsUnitsAndCurrencySignsOutOfTheValue() {
    assertThat(number.clean("12 m").value()).isEqualTo("12");
    assertThat(number.clean("10 kg").value()).isEqualTo("10");
    assertThat(number.clean("12.5%").value()).isEqualTo("12.5");
    assertThat(number.clean("€ 100").value()).isEqualTo("100");
    assertThat(number.clean("100 €").value()).isEqualTo("100");
    assertThat(number.clean("2 500 EUR").value()).isEqualTo("2500");
  }

  @Test
  void readsScientificNotationAsSpreadsheetsExportIt() {
    assertThat(number.clean("1.5E+06").value()).isEqualTo("1500000");
    assertThat(number.clean("2.5e-3").value()).isEqualTo("0.0025");
  }

  @Test
  void rejectsAbsurdExponentsInsteadOfExpandingThem() {
    assertThat(reason("1e999999999")).startsWith("number out of range");
    assertThat(reason("1e-999999999")).startsWith("number out of range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "NaN", "Infinity", "-", "1,23,456", "1..5", "twelve"})
  void rejectsWhatIsNotANumber(String raw) {
    assertThat(reason(raw)).isEqualTo("not a number: '" + raw + "'");
  }

  @Test
  void rejectsEmptyValues() {
    assertThat(reason("  ")).isEqualTo("empty number");
    assertThat(reason(null)).isEqualTo("empty number");
  }

  @Test
  void comparesByValueNotBySpelling() {
    assertThat(number.compare("1500", "1500.0")).isEqualTo(1.0);
    assertThat(number.compare("1500", "1501")).isEqualTo(0.0);
  }

  @Test
  void cleanValuesAreStableUnderCleaningAgain() {
    for (String raw : new String[] {"1,500,000.75", "1.500,50", "0,001", "1.5E+06"}) {
      String once = number.clean(raw).value();
      assertThat(number.clean(once).value()).as(raw).isEqualTo(once);
    }
  }
}
