package org.mirabella.model.types;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Phone numbers in E.164 ({@code +4917623423980}), parsed with libphonenumber. A number written in
 * local form ({@code 0176 2342 3980}) is read using the entity's countries as the hint, each in
 * turn; a local number without a country hint, or one that is not a valid number anywhere, is
 * rejected with the reason.
 */
public class PhoneType implements PropertyType {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  @Override
  public String name() {
    return "phone";
  }

  @Override
  public boolean matchable() {
    return true;
  }

  @Override
  public boolean pivot() {
    return true;
  }

  @Override
  public int maxLength() {
    return 32;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty phone number");
    String v = raw.strip();
    if (v.startsWith("00")) v = "+" + v.substring(2);
    if (v.startsWith("+")) return parse(v, null, raw);
    if (context.countries().isEmpty()) {
      return Cleaned.invalid("local phone number '" + raw.strip() + "' without a country to read it in");
    }
    Cleaned last = null;
    for (String country : context.countries()) {
      last = parse(v, country.toUpperCase(Locale.ROOT), raw);
      if (last.isValid()) return last;
    }
    return last;
  }

  private static Cleaned parse(String v, String region, String raw) {
    try {
      PhoneNumber n = UTIL.parse(v, region == null ? "ZZ" : region);
      if (!UTIL.isValidNumber(n)) {
        return Cleaned.invalid("not a valid phone number" + (region == null ? "" : " in " + region.toLowerCase(Locale.ROOT))
            + ": '" + raw.strip() + "'");
      }
      return Cleaned.valid(UTIL.format(n, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Cleaned.invalid("not a phone number: '" + raw.strip() + "' (" + e.getMessage() + ")");
    }
  }

  /** The ISO country of a clean E.164 number, lower case, or null. */
  public static String country(String e164) {
    try {
      String r = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
      return r == null || r.equals("ZZ") || r.equals("001") ? null : r.toLowerCase(Locale.ROOT);
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** A clean number in international notation for display ({@code +49 176 23423980}). */
  public static String display(String e164) {
    try {
      return UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }
}
