package org.mirabella.matching.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameKeysTest {
  private static List<String> latin(String name) {
    return NameKey.of(name).tokens().stream().filter(NameToken::scored).map(NameToken::latin).toList();
  }

  @Test
  void emptyNameHasNoTokens() {
    assertThat(NameKey.of("").isEmpty()).isTrue();
    assertThat(NameKey.of(null).isEmpty()).isTrue();
    assertThat(NameKey.of("  ,; ").blockingKeys()).isEmpty();
  }

  @Test
  void transliteratesArabicCyrillicGeezAndDiacritics() {
    assertThat(latin("محمد")).containsExactly("mhmd");
    assertThat(latin("Владимир Путин")).containsExactly("vladimir", "putin");
    assertThat(latin("ዮሐንስ")).hasSize(1);
    assertThat(latin("Łukasz Müller")).containsExactly("lukasz", "muller");
  }

  @Test
  void consonantSkeletonUnifiesArabicTransliterations() {
    String s = Skeleton.of("mohamed");
    for (String v : List.of("muhammad", "mohammed", "mouhamed", "mhmd")) assertThat(Skeleton.of(v)).isEqualTo(s);
    assertThat(Skeleton.of("youssef")).isEqualTo(Skeleton.of("yusuf")).isEqualTo(Skeleton.of("ywsf"));
  }

  @Test
  void joinsAbdCompoundsWrittenAnyWay() {
    String key = NameKey.of("Abdelrahman").tokens().get(0).skeleton();
    for (String v : List.of("Abdul Rahman", "Abd al-Rahman", "Abderrahmane", "Abdel-Rahman", "عبد الرحمن", "عبدالرحمن")) {
      List<NameToken> scored = NameKey.of(v).tokens().stream().filter(NameToken::scored).toList();
      assertThat(scored).as(v).hasSize(1);
      assertThat(scored.get(0).skeleton()).as(v).isEqualTo(key);
    }
  }

  @Test
  void particlesAndTitlesAreKeptButNotScored() {
    NameKey k = NameKey.of("Sheikh Isa bin Tarif al-Bin Ali");
    assertThat(k.tokens()).extracting(NameToken::latin).contains("sheikh", "bin", "al");
    assertThat(latin("Sheikh Isa bin Tarif al-Bin Ali")).containsExactly("isa", "tarif", "ali");
  }

  @Test
  void initialsAndPatronymicsWeighLess() {
    NameKey k = NameKey.of("Vladimir V. Putin");
    assertThat(k.tokens().get(1).kind()).isEqualTo(NameToken.Kind.INITIAL);
    assertThat(NameKey.of("Vladimir Vladimirovich Putin").tokens().get(1).kind()).isEqualTo(NameToken.Kind.PATRONYMIC);
  }

  @Test
  void variantListsComeFromDataFiles() {
    NameToken yusuf = NameKey.of("Yusuf").tokens().get(0);
    NameToken joseph = NameKey.of("Joseph").tokens().get(0);
    assertThat(yusuf.sameVariant(joseph)).isTrue();
  }

  @Test
  void blockingKeysAreStorableStrings() {
    assertThat(NameKey.of("Mohamed Abdelrahman").blockingKeys()).containsAll(NameKey.of("محمد عبد الرحمن").blockingKeys().stream()
        .filter(k -> k.startsWith("s:")).toList());
  }

  @Test
  void wordsAreSplitAsTheSeparatorPatternSplitsThem() {
    for (String name : List.of("", "  ", "a", "mohamed ali", " lead,trail; ", "a\tb\nc\u000Bd\fe\rf", "x(y)[z]{w}", "\"q\" “r” „s” «t» u·v・w",
        "a/b|c_d+e*f", "jean-pierre o'neil", "a:b;c,d", "محمد عبد الرحمن", "a\u00A0b", "--", "a  ,  b")) {
      List<String> byPattern = java.util.Arrays.stream(NameKey.SPLIT.split(name)).filter(w -> !w.isEmpty()).toList();
      assertThat(NameKey.words(name)).as(name).isEqualTo(byPattern);
    }
  }

  @Test
  void aWordKeepsItsKindWhereverItWasSeenFirst() {
    // "ad" is a particle only before a hyphen (particles.txt: "ad-"); the word caches key on that
    assertThat(NameKey.of("Salah ad-Din Yusuf").tokens().get(1).kind()).isEqualTo(NameToken.Kind.PARTICLE);
    assertThat(NameKey.of("Yusuf Ad Salah").tokens().get(1).kind()).isNotEqualTo(NameToken.Kind.PARTICLE);
    assertThat(NameKey.of("Nur ad-Din Zengi").tokens().get(1).kind()).isEqualTo(NameToken.Kind.PARTICLE);
    // a word seen in a name of several words reads the same alone, and the other way round
    NameKey alone = NameKey.of("Abderrahmane");
    NameKey within = NameKey.of("Mohamed Abderrahmane Ould Cheikh");
    assertThat(within.tokens().get(1).skeleton()).isEqualTo(alone.tokens().get(0).skeleton());
    assertThat(within.tokens().get(1).latin()).isEqualTo(alone.tokens().get(0).latin());
  }
}
