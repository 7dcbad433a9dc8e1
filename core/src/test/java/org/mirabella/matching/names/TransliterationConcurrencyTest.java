package org.mirabella.matching.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The transliterators are shared by all threads (ICU documents them as stateless): many threads at
 * once must give exactly what one thread gives, for every script the matcher handles.
 */
class TransliterationConcurrencyTest {
  private static final List<String> WORDS = List.of("Vladimirovich", "Владимирович", "Олександр", "Аляксандр", "عمر",
      "Αλέξανδρος", "ウラジーミル", "王小明", "김정은", "Müller", "Łukasz", "ሰላም");

  @Test
  void sharedTransliteratorsGiveTheSameAnswersUnderConcurrency() throws Exception {
    List<String> expected = new ArrayList<>();
    for (String w : WORDS) expected.add(Transliteration.toAscii(w, Transliteration.scriptOf(w)));
    assertThat(expected).contains("vladimirovich", "muller", "lukasz").doesNotContain("");
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        int shift = t;
        runs.add(pool.submit(() -> {
          List<String> got = new ArrayList<>(WORDS.size());
          for (int i = 0; i < WORDS.size(); i++) got.add(null);
          for (int round = 0; round < 50; round++) {
            for (int i = 0; i < WORDS.size(); i++) {
              int k = (i + shift) % WORDS.size();
              String w = WORDS.get(k);
              String out = Transliteration.toAscii(w, Transliteration.scriptOf(w));
              if (got.get(k) != null && !got.get(k).equals(out)) throw new AssertionError(w + ": " + got.get(k) + " then " + out);
              got.set(k, out);
            }
          }
          return got;
        }));
      }
      for (Future<List<String>> r : runs) assertThat(r.get()).isEqualTo(expected);
    }
  }
}
