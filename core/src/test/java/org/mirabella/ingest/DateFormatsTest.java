package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.ingest.DateFormats.Window;

class DateFormatsTest {
  @Test
  void twoDigitBirthYearsLandInTheHundredYearsUpToThisYear() {
    List<String> p = List.of("dd/MM/yy");
    assertThat(DateFormats.toIso("17/03/87", p, Window.PAST, 2026)).isEqualTo("1987-03-17");
    assertThat(DateFormats.toIso("01/01/26", p, Window.PAST, 2026)).isEqualTo("2026-01-01");
    assertThat(DateFormats.toIso("01/01/27", p, Window.PAST, 2026)).isEqualTo("1927-01-01");
    assertThat(DateFormats.toIso("01/01/00", p, Window.PAST, 2026)).isEqualTo("2000-01-01");
  }

  @Test
  void otherTwoDigitYearsLandEightyYearsBackToNineteenAhead() {
    List<String> p = List.of("dd.MM.yy");
    assertThat(DateFormats.toIso("31.12.45", p, Window.AROUND_NOW, 2026)).isEqualTo("2045-12-31");
    assertThat(DateFormats.toIso("31.12.46", p, Window.AROUND_NOW, 2026)).isEqualTo("1946-12-31");
    assertThat(DateFormats.toIso("31.12.87", p, Window.AROUND_NOW, 2026)).isEqualTo("1987-12-31");
  }

  @Test
  void twoDigitYearsStayStrictAndFourDigitYearsAreUntouched() {
    assertThat(DateFormats.toIso("29/02/87", List.of("dd/MM/yy"), Window.PAST, 2026)).isNull(); // 1987 is no leap year
    assertThat(DateFormats.toIso("29/02/88", List.of("dd/MM/yy"), Window.PAST, 2026)).isEqualTo("1988-02-29");
    assertThat(DateFormats.toIso("17/03/1987", List.of("dd/MM/yy"), Window.PAST, 2026)).isNull();
    assertThat(DateFormats.toIso("17/03/2087", List.of("dd/MM/yyyy"), Window.PAST, 2026)).isEqualTo("2087-03-17");
    assertThat(DateFormats.toIso("3/87", List.of("M/yy"), Window.PAST, 2026)).isEqualTo("1987-03");
    assertThat(DateFormats.toIso("87年3月17日", List.of("yy年M月d日"), Window.PAST, 2026)).isEqualTo("1987-03-17");
  }
}
