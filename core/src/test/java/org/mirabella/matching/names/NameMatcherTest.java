package org.mirabella.matching.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {
  private static double score(String a, String b) {
    return NameMatcher.score(NameKey.of(a), NameKey.of(b));
  }

  @Test
  void emptyNamesNeverMatch() {
    assertThat(score("", "Mohamed")).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "Mohamed Abdelrahman, محمد عبد الرحمن",
    "'Abdel-Rahman, Mohammed', Muhammad Abdul Rahman",
    "Youssef Al-Masri, يوسف المصري",
    "Khaled Hassan, خالد حسن",
    "Hassan Nasrallah, حسن نصر الله",
    "Osama bin Laden, أسامة بن لادن",
    "Gulbuddin Hekmatyar, گلبدین حکمتیار",
    "Yohannes Tesfaye, ዮሐንስ ተስፋዬ",
    "Vladimir Putin, Владимир Путин",
    "'PUTIN, Vladimir Vladimirovich', Wladimir Putin",
    "Hans J Friedrich, Hans Joachim Friedrich",
    "MOHAMMADHASNI HAJI SSAD KHAN, HAJI SSAD KHAN MOHAMMAD HASNI",
    "Al Qaeda, Al-Qa'ida/Islamic Army",
    "vanderbilt corp, van der bilt corp",
    "Abdel Fattah el-Sisi, عبد الفتاح السيسي",
    "Ali Khamenei, علی خامنه‌ای",
  })
  void matchesAcrossScriptsOrderAndSpelling(String a, String b) {
    assertThat(score(a, b)).as(a + " ~ " + b).isGreaterThanOrEqualTo(NameMatcher.DEFAULT_THRESHOLD);
  }

  @ParameterizedTest
  @CsvSource({
    "Bashar al-Assad, Hafez al-Assad",
    "Mohamed Ali, محمد حسن",
    "Ali Ahmed, علي محمود",
    "Hans O Friedrich, Hans Joachim Friedrich",
    "Sergey Viktorovich Lavrov, Sergey Ivanovich LAVROV",
    "Mark Zuckermann, Mark Zuckerberg",
    "WALIJAN ABDUL GHAFOOR HAQQANI, WALIJAN",
  })
  void keepsDifferentPeopleApart(String a, String b) {
    assertThat(score(a, b)).as(a + " ~ " + b).isLessThan(NameMatcher.DEFAULT_THRESHOLD);
  }

  @Test
  void explainsInPlainWords() {
    NameComparison c = NameMatcher.explain(NameKey.of("محمد عبد الرحمن"), NameKey.of("Mohamed Abdelrahman"));
    assertThat(c.reason()).startsWith("names match across scripts: محمد عبد الرحمن ~ Mohamed Abdelrahman");
  }

  @Test
  void slashSeparatesAlternativesButNotLegalForms() {
    assertThat(NameKey.of("Al-Qa'ida/Islamic Army").alternatives()).hasSize(2);
    assertThat(NameKey.of("Bowne Global Solutions Denmark, A/S").alternatives()).isEmpty();
  }

  @Test
  void scoreIsSymmetric() {
    assertThat(score("Putin", "Vladimir Putin")).isEqualTo(score("Vladimir Putin", "Putin"));
  }
}
