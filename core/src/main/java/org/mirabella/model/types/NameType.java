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

  private static String strip(String v) {
    int start = 0;
    int end = v.length();
    while (start < end && isStrippable(v.charAt(start))) start++;
    while (end > start && isStrippable(v.charAt(end - 1)) && v.charAt(end - 1) != '.') end--;
    return v.substring(start, end).strip();
  }

  private static boolean isStrippable(char c) {
    return c == '"' || c == '\'' || c == ',' || c == ';' || c == ':' || c == '-' || c == '*'
        || c == '«' || c == '»' || c == '“' || c == '”' || c == ' ';
  }

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
