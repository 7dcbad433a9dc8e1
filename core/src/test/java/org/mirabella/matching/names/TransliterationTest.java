package org.mirabella.matching.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Transliteration#toAscii}'s shortcut for ASCII words and its word cache give what ICU gives. */
class TransliterationTest {
  @Test
  void asciiWordsReadAsIcuReadsThem() {
    for (String w : List.of("Mohamed", "MOHAMED", "obrien", "x1", "2024", "aBc9Z", "q")) {
      assertThat(Transliteration.isAsciiAlphanumeric(w)).as(w).isTrue();
      assertThat(Transliteration.toAscii(w, Transliteration.Script.LATIN)).as(w).isEqualTo(Transliteration.withIcu(w, Transliteration.Script.LATIN));
    }
    assertThat(Transliteration.toAscii("MOHAMED", Transliteration.Script.LATIN)).isEqualTo("mohamed");
  }

  @Test
  void otherWordsGoThroughIcuAndAreTheSameWhenCached() {
    List<String> words = List.of("Müller", "Łukasz", "O'Brien", "ß", "Ǳ", "Владимир", "Євген", "Ўладзімір", "محمد", "ዮሐንስ", "ウラジーミル", "普京",
        "김정은", "Αλέξανδρος", "ខ្មែរ");
    for (String w : words) {
      assertThat(Transliteration.isAsciiAlphanumeric(w)).as(w).isFalse();
      Transliteration.Script script = Transliteration.scriptOf(w);
      String icu = Transliteration.withIcu(w, script);
      assertThat(Transliteration.toAscii(w, script)).as(w).isEqualTo(icu);
      assertThat(Transliteration.toAscii(w, script)).as(w + ", cached").isEqualTo(icu);
    }
    assertThat(Transliteration.toAscii("Müller", Transliteration.Script.LATIN)).isEqualTo("muller");
  }

  @Test
  void theCacheIsPerScript() {
    // the same letters read by two scripts' rules: each script keeps its own answer
    String asLatin = Transliteration.toAscii("Ж", Transliteration.Script.LATIN);
    String asCyrillic = Transliteration.toAscii("Ж", Transliteration.Script.CYRILLIC);
    assertThat(asCyrillic).isEqualTo(Transliteration.withIcu("Ж", Transliteration.Script.CYRILLIC)).isEqualTo("zh");
    assertThat(asLatin).isEqualTo(Transliteration.withIcu("Ж", Transliteration.Script.LATIN));
  }
}
