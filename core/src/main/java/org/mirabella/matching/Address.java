package org.mirabella.matching;

import java.util.Arrays;
import org.mirabella.matching.names.Transliteration;

/** The words of an address, transliterated to ASCII lower case and sorted, computed once. */
public final class Address {
  static final Address NONE = new Address("", new String[0]);

  public final String text;
  private final String[] words;

  private Address(String text, String[] words) {
    this.text = text;
    this.words = words;
  }

  public static Address of(String text) {
    if (text == null || text.isBlank()) return NONE;
    String[] raw = Transliteration.fold(text).split("[^\\p{L}\\p{N}]+");
    String[] out = new String[raw.length];
    int n = 0;
    for (String w : raw) {
      if (w.isEmpty()) continue;
      String a = Transliteration.toAscii(w, Transliteration.scriptOf(w));
      if (!a.isEmpty()) out[n++] = a.intern();
    }
    String[] words = Arrays.copyOf(out, n);
    Arrays.sort(words);
    return new Address(text, words);
  }

  public boolean isEmpty() {
    return words.length == 0;
  }

  public String[] words() {
    return words;
  }
}
