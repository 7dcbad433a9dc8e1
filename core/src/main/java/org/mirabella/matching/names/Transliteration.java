package org.mirabella.matching.names;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Script-aware transliteration of one word to lower-case ASCII Latin, with ICU4J. Cyrillic uses the
 * BGN/PCGN tables (Ukrainian and Belarusian where their letters show) because police and sanctions
 * lists spell Russian names that way (Vladimirovich, not ISO 9's Vladimirovič); every other script
 * uses ICU's {@code Any-Latin}. Arabic script: the article (ال) is split off, ta marbuta is dropped
 * and ayn becomes {@code a} so that Arabic spellings line up with Latin ones (عمر → amr ~ Omar).
 *
 * <p>ICU4J documents transliterators as stateless ("threads may share transliterators without
 * synchronizing them", {@code Transliterator} class documentation), so one set is built once per
 * JVM and shared. Building the six compound transliterators costs tens of milliseconds; the former
 * per-thread set paid that on every new server thread (Jetty's pool and virtual threads).
 */
public final class Transliteration {
  /** The script families the matcher treats differently. */
  public enum Script { LATIN, CYRILLIC, ARABIC, ETHIOPIC, HAN, JAPANESE, HANGUL, KHMER, OTHER, NONE }

  /** Built on first use (class initialisation is thread-safe and happens once). */
  private static final class Shared {
    static final Transliteration INSTANCE = new Transliteration();
    static final java.util.Map<Script, java.util.concurrent.ConcurrentHashMap<String, String>> WORDS = new java.util.EnumMap<>(Script.class);

    static {
      for (Script s : Script.values()) WORDS.put(s, new java.util.concurrent.ConcurrentHashMap<>());
    }
  }

  private final Transliterator latin = Transliterator.getInstance("Latin-ASCII; Lower");
  private final Transliterator russian = Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower");
  private final Transliterator ukrainian = Transliterator.getInstance("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; Lower");
  private final Transliterator belarusian = Transliterator.getInstance("Belarusian-Latin/BGN; Any-Latin; Latin-ASCII; Lower");
  private final Transliterator greek = Transliterator.getInstance("Greek-Latin/BGN; Any-Latin; Latin-ASCII; Lower");
  private final Transliterator any = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

  private Transliteration() {}

  /** The script of the first letter of a word. */
  public static Script scriptOf(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) continue;
      if (cp < 0x250) return Script.LATIN;
      int s = UScript.getScript(cp);
      return switch (s) {
        case UScript.LATIN -> Script.LATIN;
        case UScript.CYRILLIC -> Script.CYRILLIC;
        case UScript.ARABIC -> Script.ARABIC;
        case UScript.ETHIOPIC -> Script.ETHIOPIC;
        case UScript.HAN -> Script.HAN;
        case UScript.HIRAGANA, UScript.KATAKANA -> Script.JAPANESE;
        case UScript.HANGUL -> Script.HANGUL;
        case UScript.KHMER -> Script.KHMER;
        case UScript.COMMON, UScript.INHERITED -> Script.OTHER;
        default -> Script.OTHER;
      };
    }
    return Script.NONE;
  }

  /**
   * One word (no spaces) to lower-case ASCII letters and digits. Returns an empty string for a
   * word with nothing transliterable (e.g. Khmer, for which ICU has no table).
   */
  public static String toAscii(String word, Script script) {
    if (script == Script.LATIN && isAsciiAlphanumeric(word)) return word.toLowerCase(Locale.ROOT);
    if (word.length() > MAX_CACHED_WORD) return Shared.INSTANCE.convert(word, script);
    java.util.concurrent.ConcurrentHashMap<String, String> cache = Shared.WORDS.get(script);
    String out = cache.get(word);
    if (out != null) return out;
    out = Shared.INSTANCE.convert(word, script);
    if (cache.size() >= WORD_CACHE) cache.clear();
    cache.put(word, out);
    return out;
  }

  /** {@link #toAscii} without its cache or its ASCII shortcut: ICU every time (for tests). */
  static String withIcu(String word, Script script) {
    return Shared.INSTANCE.convert(word, script);
  }

  /**
   * Words transliterated, per script: the same given and family names recur across millions of
   * records, while whole names (what {@code NameKey.of} caches) mostly differ, so that without
   * this each new whole name paid ICU's rule matching again for words it had seen (most of the time
   * of remaking a candidate's keys at 1 M entities). Cleared when full, like {@code NameKey.of}'s.
   */
  private static final int WORD_CACHE = 200_000;
  private static final int MAX_CACHED_WORD = 64;

  /**
   * Whether a word is ASCII letters and digits only: then {@code Latin-ASCII; Lower} changes nothing
   * but the case (those rules map only non-ASCII letters), and ICU is not needed.
   */
  static boolean isAsciiAlphanumeric(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
  }

  private String convert(String word, Script script) {
    String out;
    switch (script) {
      case LATIN, NONE -> out = latin.transliterate(word);
      case CYRILLIC -> {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.indexOf('ў') >= 0) out = belarusian.transliterate(word);
        else if (w.indexOf('і') >= 0 || w.indexOf('ї') >= 0 || w.indexOf('є') >= 0 || w.indexOf('ґ') >= 0) out = ukrainian.transliterate(word);
        else out = russian.transliterate(word);
      }
      case ARABIC -> {
        // ta marbuta, tatweel and Persian silent he before a zero-width non-joiner (خامنه‌ای) carry no consonant
        String w = word.replace("ة", "").replace('ى', 'ي').replace("ـ", "").replace("ه\u200C", "").replace("\u200C", "");
        out = any.transliterate(w).replace('ʿ', 'a').replace("ʾ", "");
      }
      case JAPANESE -> out = japanese(any.transliterate(word));
      case HAN -> out = any.transliterate(word).replace(" ", "");
      case HANGUL -> out = any.transliterate(word).replace("-", "");
      case KHMER -> out = Khmer.consonants(word);
      default -> {
        if (Greek.is(word)) out = greek.transliterate(word);
        else out = any.transliterate(word);
      }
    }
    return clean(out);
  }

  /**
   * Katakana renders foreign sounds with a fixed syllabary: ti/di come out as chi/ji, l as r and
   * final consonants get an echo vowel. Undo the consonant changes so that the skeleton can line
   * up with other scripts (ウラジーミル urajimiru → uladimilu).
   */
  private static String japanese(String s) {
    return s.replace("chi", "ti").replace("ji", "di").replace("tsu", "tu").replace('r', 'l');
  }

  /** Keeps ASCII letters and digits only. */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
      else if (c >= 'A' && c <= 'Z') b.append((char) (c + 32));
    }
    return b.toString();
  }

  /** NFKC and lower case, the first step for every name. */
  public static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static final class Greek {
    static boolean is(String w) {
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (c >= 0x370 && c <= 0x3ff || c >= 0x1f00 && c <= 0x1fff) return true;
      }
      return false;
    }
  }
}
