package org.mirabella.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mirabella.model.InvalidData;

class PeriodTest {
  @Test
  void quarterHalfMonthAndYear() {
    Period q = Period.parse("2025-Q3");
    assertThat(q.start()).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(q.end()).isEqualTo(LocalDate.of(2025, 9, 30));
    assertThat(Period.parse("2025-h1").end()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(Period.parse("2025").months()).hasSize(12);
  }

  @Test
  void previousPeriodCrossesYears() {
    assertThat(Period.parse("2025-Q1").previous().label()).isEqualTo("2024-Q4");
    assertThat(Period.parse("2025-01").previous().label()).isEqualTo("2024-12");
    assertThat(Period.parse("2025-H1").previous().label()).isEqualTo("2024-H2");
  }

  @Test
  void partialDatesCountOnlyWhenWhollyInside() {
    Period q = Period.parse("2025-Q3");
    assertThat(q.contains("2025-08-14")).isTrue();
    assertThat(q.contains("2025-08")).isTrue();
    assertThat(q.contains("2025")).isFalse();
    assertThat(q.contains("2025-10-01")).isFalse();
  }

  @Test
  void badPeriodNamesTheField() {
    assertThatThrownBy(() -> Period.parse("Q3 2025")).isInstanceOf(InvalidData.class).hasMessageContaining("period");
  }
}
