package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTypeTest {
  private final DateType date = new DateType();

  private String reason(String raw) {
    Cleaned c = date.clean(raw);
    assertThat(c).as(raw).isInstanceOf(Cleaned.Invalid.class);
    return ((Cleaned.Invalid) c).reason();
  }

  @Test
  void keepsTheYearAlone() {
    assertThat(date.clean("1990").value()).isEqualTo("1990");
    assertThat(DateType.precision("1990")).isEqualTo(4);
  }

  @Test
  void keepsYearAndMonth() {
    assertThat(date.clean("1990-05").value()).isEqualTo("1990-05");
    assertThat(date.clean("1990-5").value()).isEqualTo("1990-05");
    assertThat(DateType.precision("1990-05")).isEqualTo(7);
  }

  @Test
  void keepsAFullDay() {
    assertThat(date.clean(" 1990-05-17 ").value()).isEqualTo("1990-05-17");
    assertThat(date.clean("1990-5-7").value()).isEqualTo("1990-05-07");
    assertThat(DateType.precision("1990-05-17")).isEqualTo(10);
  }

  @Test
  void readsArabicIndicAndPersianDigits() {
    assertThat(date.clean("١٩٩٠-٠٥-١٧").value()).isEqualTo("1990-05-17");
    assertThat(date.clean("۱۳۹۹").value()).isEqualTo("1399");
    assertThat(date.clean("١٩٩٠-٠٢-٣٠").isValid()).isFalse();
  }

  @Test
  void acceptsTheLeapDayOnlyInLeapYears() {
    assertThat(date.clean("2024-02-29").value()).isEqualTo("2024-02-29");
    assertThat(date.clean("2000-02-29").value()).isEqualTo("2000-02-29");
    assertThat(reason("2023-02-29")).contains("2023-02-29");
    assertThat(reason("1900-02-29")).contains("1900-02-29");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1990-02-30", "1990-04-31", "1990-05-00", "1990-05-32"})
  void rejectsImpossibleDays(String raw) {
    assertThat(reason(raw)).startsWith("impossible date '" + raw + "'");
  }

  @Test
  void rejectsImpossibleMonths() {
    assertThat(reason("1990-13")).isEqualTo("no month 13 in '1990-13'");
    assertThat(reason("1990-00")).isEqualTo("no month 0 in '1990-00'");
    assertThat(reason("1990-13-01")).isEqualTo("no month 13 in '1990-13-01'");
  }

  @Test
  void rejectsImpossibleTimes() {
    assertThat(reason("1990-05-17T25:00")).contains("impossible date");
    assertThat(reason("1990-05-17T10:61")).contains("impossible date");
    assertThat(reason("1990-05-17T10:15:00+25:00")).contains("impossible date");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      1990-05-17T10:15:00Z,       1990-05-17T10:15:00
      1990-05-17T10:15Z,          1990-05-17T10:15:00
      1990-05-17T10:15:30,        1990-05-17T10:15:30
      1990-05-17 10:15:30.123,    1990-05-17T10:15:30
      1990-05-17T10:15:00+02:00,  1990-05-17T08:15:00
      1990-05-17T10:15:00+0200,   1990-05-17T08:15:00
      1990-05-17T10:15:00+02,     1990-05-17T08:15:00
      1990-05-17T10:15:00+05:30,  1990-05-17T04:45:00
      1990-05-17T23:15:00-05:00,  1990-05-18T04:15:00
      2000-01-01T00:30:00+01:00,  1999-12-31T23:30:00
      2021-03-04t12:00:00z,       2021-03-04T12:00:00
      """)
  void convertsTimestampsWithOffsetsToUtc(String raw, String utc) {
    assertThat(date.clean(raw).value()).isEqualTo(utc);
  }

  @ParameterizedTest
  @ValueSource(strings = {"17/05/1990", "05/17/1990", "17.05.1990", "May 1990", "19900517", "90-05-17", "1990-05-17T10", "yesterday"})
  void rejectsNonIsoFormsWithAReason(String raw) {
    assertThat(reason(raw)).startsWith("not a date in ISO form");
  }

  @Test
  void rejectsImplausibleYearsAndEmptyValues() {
    assertThat(reason("0999")).isEqualTo("year out of range: 999");
    assertThat(reason("3000-01-01")).isEqualTo("year out of range: 3000");
    assertThat(reason("")).isEqualTo("empty date");
    assertThat(reason(null)).isEqualTo("empty date");
  }

  @Test
  void cleanValuesAreStableUnderCleaningAgain() {
    for (String raw : new String[] {"1990", "1990-5", "1990-05-17", "1990-05-17T10:15:00+02:00"}) {
      String once = date.clean(raw).value();
      assertThat(date.clean(once).value()).as(raw).isEqualTo(once);
    }
  }

  @Test
  void comparesAtTheSharedPrecision() {
    assertThat(date.compare("1987", "1987-03-02")).isEqualTo(1.0);
    assertThat(date.compare("1987-03", "1987-03-02")).isEqualTo(1.0);
    assertThat(date.compare("1987-03-02", "1987-03-02T10:00:00")).isEqualTo(1.0);
    assertThat(date.compare("1987-04", "1987-03-02")).isEqualTo(0.0);
    assertThat(date.compare("1988", "1987-03-02")).isEqualTo(0.0);
    assertThat(date.compare("1987-03-02", "1987-03-03")).isEqualTo(0.0);
  }

  @Test
  void startsAtTheBeginningOfThePeriodInUtc() {
    assertThat(DateType.start("1990")).isEqualTo(OffsetDateTime.parse("1990-01-01T00:00:00Z"));
    assertThat(DateType.start("1990-05")).isEqualTo(OffsetDateTime.parse("1990-05-01T00:00:00Z"));
    assertThat(DateType.start("1990-05-17")).isEqualTo(OffsetDateTime.parse("1990-05-17T00:00:00Z"));
    assertThat(DateType.start("1990-05-17T08:15:00")).isEqualTo(OffsetDateTime.parse("1990-05-17T08:15:00Z"));
  }
}
