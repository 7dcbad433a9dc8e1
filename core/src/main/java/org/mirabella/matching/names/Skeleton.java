package org.mirabella.matching.names;

/**
 * Consonant skeletons of transliterated words. Arabic and Persian script write no short vowels and
 * use the letters w and y for long vowels, so محمد becomes {@code mhmd}; Latin spellings of the same
 * name differ mostly in their vowels (Mohamed, Muhammad, Mouhamed). Dropping vowels (and medial
 * w/y), merging letters that transliterations confuse and collapsing doubled letters gives one key
 * for all of them: {@code mhmd}. Generic phonetic codes (Soundex, Metaphone) do not do this: they keep
 * the first letter as written and so split Omar from عمر (amr) and Youssef from Joseph.
 *
 * <p>Two levels: {@link #of} merges only what transliteration systems really confuse (p/b, v/w/f,
 * k/q/c/g, s/z, t/d, j/y, digraphs such as kh, sh, th); {@link #loose} also merges l/r, m/n and
 * voiced/unvoiced stops, and serves only to compare words written in different scripts.
 */
public final class Skeleton {
  private Skeleton() {}

  /** The skeleton of a lower-case ASCII word. O(length). */
  public static String of(String w) {
    int n = w.length();
    StringBuilder b = new StringBuilder(n);
    char last = 0;
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      char next = i + 1 < n ? w.charAt(i + 1) : 0;
      char k;
      if (c >= '0' && c <= '9') {
        k = c;
      } else {
        switch (c) {
          case 'a', 'e', 'i', 'o', 'u' -> k = 0;
          case 'w' -> k = i == 0 ? 'f' : 0;
          case 'y', 'j' -> k = i == 0 ? 'y' : (c == 'j' ? 'y' : 0);
          case 'h' -> k = i + 1 < n && (i == 0 || !isDigraphHead(w.charAt(i - 1))) ? 'h' : 0; // kh, sh, th...: h marks a digraph; final h is silent
          case 'p' -> k = next == 'h' ? 'f' : 'b';
          case 'b' -> k = 'b';
          case 'f', 'v' -> k = 'f';
          case 'k', 'q', 'g' -> k = 'k';
          case 'c' -> k = next == 'e' || next == 'i' || next == 'y' ? 's' : (next == 'h' ? 's' : 'k');
          case 'x' -> k = 'k';
          case 's', 'z' -> k = 's';
          case 't', 'd' -> k = 't';
          default -> k = c;
        }
        if (c == 's' && next == 'c' && i + 2 < n && w.charAt(i + 2) == 'h') i++; // German sch
        if (c == 't' && next == 's') { k = 's'; i++; } // ts, tsch
        if (c == 'g' && next == 'y' && i > 0) { k = 't'; i++; } // Hungarian gy (Vlagyimir)
        if (c == 'd' && next == 'z' && i > 0) i++; // Belarusian/Polish dz for d (Uladzimir)
        if (c == 'x') { appendDistinct(b, 'k', last); last = 'k'; k = 's'; }
      }
      if (k != 0 && k != last) b.append(k);
      if (k != 0) last = k;
      else if (c != 'h') last = 0; // a vowel separates repeated consonants (mama -> mm)
    }
    return b.toString();
  }

  private static void appendDistinct(StringBuilder b, char k, char last) {
    if (k != last) b.append(k);
  }

  private static boolean isDigraphHead(char c) {
    return c == 's' || c == 'k' || c == 't' || c == 'd' || c == 'g' || c == 'c' || c == 'p' || c == 'z' || c == 'b';
  }

  /** A coarser key over a skeleton, for cross-script comparison only. */
  public static String loose(String skeleton) {
    StringBuilder b = new StringBuilder(skeleton.length());
    char last = 0;
    for (int i = 0; i < skeleton.length(); i++) {
      char c = skeleton.charAt(i);
      char k = switch (c) {
        case 'r' -> 'l';
        case 'n' -> 'm';
        case 'f' -> 'b';
        case 'y' -> 's';
        default -> c;
      };
      if (k != 0 && k != last) b.append(k);
      if (k != 0) last = k;
    }
    return b.toString();
  }
}
