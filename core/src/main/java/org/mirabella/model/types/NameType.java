package org.mirabella.model.types;

import com.ibm.icu.lang.UScript;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names of people, organisations, vessels: NFC, white space folded, surrounding punctuation and
 * quotes removed. The original spelling and script are kept: transliteration belongs to matching,
 * which computes its keys once at ingest.
 */
public class NameType implements PropertyType {
  @Override
  public String name() {
    return "name";
  }

  @Override
  public boolean matchable() {
    return true;
  }

  @Override
  public int maxLength() {
    return 380;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    String v = StringType.normalise(raw);
    v = strip(v);
    if (v.isEmpty()) return Cleaned.invalid("empty name");
    if (v.codePoints().noneMatch(Character::isLetter)) return Cleaned.invalid("a name needs letters: '" + raw.strip() + "'");
    if (v.length() > maxLength()) return Cleaned.invalid("longer than " + maxLength() + " characters");
    return Cleaned.valid(v);
  }

  /**
   * Removes quotes that enclose the whole name ({@code "Abu Omar"}, {@code «Wedi»}) and stray
   * punctuation at either end ({@code Smith, John,}). A lone apostrophe stays: it is the ayn of a
   * transliterated Arabic name ({@code 'Abd al-Rahman}) or an elision ({@code Ma'mun}). A final dot
   * stays too ({@code Jr.}).
   */
  private static String strip(String v) {
    String prev;
    do {
      prev = v;
      int start = 0;
      int end = v.length();
      while (start < end && STRAY.indexOf(v.charAt(start)) >= 0) start++;
      while (end > start && STRAY.indexOf(v.charAt(end - 1)) >= 0) end--;
      v = v.substring(start, end).strip();
      if (v.length() >= 2) {
        int q = OPEN.indexOf(v.charAt(0));
        if (q >= 0 && v.charAt(v.length() - 1) == CLOSE.charAt(q)) v = v.substring(1, v.length() - 1).strip();
      }
    } while (!v.equals(prev));
    return v;
  }

  private static final String STRAY = ",;:-*_ ";
  private static final String OPEN = "\"'«»“„‘‚‹";
  private static final String CLOSE = "\"'»«”“’‘›";

  /**
   * The scripts used by the letters of a name, by ICU script name (e.g. {@code Latin},
   * {@code Arabic}, {@code Cyrillic}, {@code Ethiopic}), in order of first appearance.
   */
  public static Set<String> scripts(String name) {
    Set<String> scripts = new LinkedHashSet<>();
    name.codePoints().filter(Character::isLetter).forEach(cp -> {
      int s = UScript.getScript(cp);
      if (s != UScript.COMMON && s != UScript.INHERITED) scripts.add(UScript.getName(s));
    });
    return scripts;
  }
}
