package org.mirabella.matching.names;

/**
 * Khmer consonants to Latin (UNGEGN values), for which ICU has no transliterator. Vowel signs are
 * left out: the matcher compares consonant skeletons across scripts, so the consonants carry the
 * name (ពូទីន → ptn ~ Putin). The script orders consonants U+1780..U+17A2.
 */
final class Khmer {
  private static final String[] CONSONANTS = {
    "k", "kh", "k", "kh", "ng", "ch", "chh", "ch", "chh", "nh", "d", "th", "d", "th", "n",
    "t", "th", "t", "th", "n", "b", "ph", "p", "ph", "m", "y", "r", "l", "v", "s", "s", "s", "h", "l", "a"
  };

  private Khmer() {}

  static String consonants(String word) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 0x1780 && c <= 0x17A2) b.append(CONSONANTS[c - 0x1780]);
      else if (c >= 0x17A3 && c <= 0x17B3) b.append('a'); // independent vowels
    }
    return b.toString();
  }
}
