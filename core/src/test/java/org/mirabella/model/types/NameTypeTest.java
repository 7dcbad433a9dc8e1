package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTypeTest {
  private final NameType name = new NameType();

  @Test
  void composesDecomposedInput() {
    String decomposed = "Jose\u0301 Garci\u0301a";
    String clean = name.clean(decomposed).value();
    assertThat(clean).isEqualTo("José García").hasSize(11);
    assertThat(Normalizer.isNormalized(clean, Normalizer.Form.NFC)).isTrue();
    // a Vietnamese name with stacked marks, typed on a Mac
    assertThat(name.clean("Nguye\u0302\u0303n").value()).isEqualTo("Nguyễn");
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', textBlock = """
      '  Ahmed   Al-Masri '       | Ahmed Al-Masri
      'Ali\tHassan'               | Ali Hassan
      '"Abu Omar"'                | Abu Omar
      «Wedi»                      | Wedi
      'Smith, John,'              | 'Smith, John'
      'John Smith Jr.'            | John Smith Jr.
      O'Brien                     | O'Brien
      '''Osama'''                 | Osama
      'Tesfay «Wedi» Gebre'       | Tesfay «Wedi» Gebre
      „Wedi“                      | Wedi
      '“Abu Omar”,'               | Abu Omar
      '*Ali*'                     | Ali
      """)
  void foldsWhiteSpaceAndSurroundingPunctuation(String raw, String clean) {
    assertThat(name.clean(raw).value()).isEqualTo(clean);
  }

  @Test
  void keepsALoneApostropheThatIsPartOfTheName() {
    // the ayn of a transliterated Arabic name, not a quote
    assertThat(name.clean("'Abd al-Rahman").value()).isEqualTo("'Abd al-Rahman");
    assertThat(name.clean("Ma'mun").value()).isEqualTo("Ma'mun");
  }

  @Test
  void foldsLineBreaksAndInvisibleSpaces() {
    assertThat(name.clean("Ali\nHassan").value()).isEqualTo("Ali Hassan");
    assertThat(name.clean("\u200BAli\u00A0Hassan\uFEFF").value()).isEqualTo("Ali Hassan");
  }

  @Test
  void keepsTheOriginalScript() {
    assertThat(name.clean("محمد علي").value()).isEqualTo("محمد علي");
    assertThat(name.clean("ተስፋይ ገብረ").value()).isEqualTo("ተስፋይ ገብረ");
    assertThat(name.clean("张伟").value()).isEqualTo("张伟");
    assertThat(name.clean("Иван Петров").value()).isEqualTo("Иван Петров");
  }

  @Test
  void detectsScripts() {
    assertThat(NameType.scripts("Giuseppe Verdi")).containsExactly("Latin");
    assertThat(NameType.scripts("محمد علي")).containsExactly("Arabic");
    assertThat(NameType.scripts("Иван Петров")).containsExactly("Cyrillic");
    assertThat(NameType.scripts("ተስፋይ ገብረሚካኤል")).containsExactly("Ethiopic"); // Tigrinya
    assertThat(NameType.scripts("张伟")).containsExactly("Han");
    assertThat(NameType.scripts("山田 太郎")).containsExactly("Han");
    assertThat(NameType.scripts("𠀋")).containsExactly("Han"); // outside the BMP
  }

  @Test
  void listsMixedScriptsInOrderOfAppearance() {
    assertThat(NameType.scripts("Mohamed محمد")).containsExactly("Latin", "Arabic");
    assertThat(NameType.scripts("Иван Ivanov 123")).containsExactly("Cyrillic", "Latin");
    assertThat(NameType.scripts("12-34")).isEmpty();
  }

  @Test
  void rejectsNamesWithoutLetters() {
    assertThat(name.clean("---")).isEqualTo(Cleaned.invalid("empty name"));
    assertThat(name.clean("   ")).isEqualTo(Cleaned.invalid("empty name"));
    assertThat(name.clean(null)).isEqualTo(Cleaned.invalid("empty name"));
    assertThat(name.clean("12345")).isEqualTo(Cleaned.invalid("a name needs letters: '12345'"));
  }

  @Test
  void rejectsOverlongNames() {
    assertThat(name.clean("A".repeat(381))).isEqualTo(Cleaned.invalid("longer than 380 characters"));
    assertThat(name.clean("A".repeat(380)).isValid()).isTrue();
  }

  @Test
  void namesAreMatchableButDoNotLinkEntities() {
    assertThat(name.matchable()).isTrue();
    assertThat(name.pivot()).isFalse();
  }
}
