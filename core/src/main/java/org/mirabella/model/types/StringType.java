package org.mirabella.model.types;

import java.text.Normalizer;

/**
 * Plain strings: Unicode NFC, control characters removed, runs of white space folded to one space.
 * Also serves {@code text}, {@code html}, {@code json} and other FtM types that need no more than
 * that, each under its own name and length limit.
 */
public class StringType implements PropertyType {
  private final String name;
  private final int maxLength;

  public StringType() {
    this("string", 1024);
  }

  public StringType(String name, int maxLength) {
    this.name = name;
    this.maxLength = maxLength;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int maxLength() {
    return maxLength;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    String v = normalise(raw);
    if (v.isEmpty()) return Cleaned.invalid("empty value");
    if (v.length() > maxLength) return Cleaned.invalid("longer than " + maxLength + " characters");
    return Cleaned.valid(v);
  }

  /**
   * Digits of any script as ASCII digits: Arabic-Indic {@code ١٩٩٠} and Persian {@code ۱۹۹۰} become
   * {@code 1990}, as do full-width digits. For dates, numbers and identifiers, whose clean form is ASCII.
   */
  static String asciiDigits(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7f && Character.isDigit(c)) {
        if (sb == null) sb = new StringBuilder(s);
        sb.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** NFC, no control characters, single spaces, trimmed. Never null. */
  public static String normalise(String raw) {
    if (raw == null) return "";
    String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(nfc.length());
    boolean space = false;
    for (int i = 0; i < nfc.length(); ) {
      int cp = nfc.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B) {
        space = sb.length() > 0;
        continue;
      }
      if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT
          && cp != 0x200C && cp != 0x200D) {
        continue; // zero-width joiners stay: they carry meaning in Persian and Indic scripts
      }
      if (space) sb.append(' ');
      space = false;
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }
}
