package org.mirabella.model.types;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Phone numbers in E.164 ({@code +4917623423980}), parsed with libphonenumber. A number in
 * international form ({@code +49 …}, {@code 0049 …}, {@code tel:+49-…}) needs no hint. A number
 * written in local form ({@code 0176 2342 3980}) is read in each of the entity's countries: it is
 * accepted when exactly one reading is valid. A local number without a country hint, one that is
 * valid nowhere, and one that is valid in two hint countries with different meanings (ambiguous)
 * are rejected with the reason: a wrong country code would link the wrong people.
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
    if (v.regionMatches(true, 0, "tel:", 0, 4)) v = v.substring(4).strip();
    if (v.startsWith("00")) v = "+" + v.substring(2);
    if (v.startsWith("+")) return parse(v, null, raw);
    List<String> regions = new ArrayList<>();
    for (String country : context.countries()) {
      String region = country.toUpperCase(Locale.ROOT);
      if (UTIL.getSupportedRegions().contains(region)) regions.add(region);
    }
    if (regions.isEmpty()) {
      return Cleaned.invalid("local phone number '" + raw.strip() + "' without a country to read it in"
          + (context.countries().isEmpty() ? "" : " (no numbering plan for " + String.join(", ", context.countries()) + ")"));
    }
    Map<String, String> readings = new LinkedHashMap<>(); // E.164 -> region
    Cleaned last = null;
    for (String region : regions) {
      last = parse(v, region, raw);
      if (last.isValid()) readings.putIfAbsent(last.value(), region.toLowerCase(Locale.ROOT));
    }
    if (readings.size() == 1) return Cleaned.valid(readings.keySet().iterator().next());
    if (readings.isEmpty()) {
      return regions.size() == 1 ? last : Cleaned.invalid("not a valid phone number in any of "
          + String.join(", ", regions).toLowerCase(Locale.ROOT) + ": '" + raw.strip() + "'");
    }
    List<String> options = new ArrayList<>();
    readings.forEach((e164, region) -> options.add(e164 + " (" + region + ")"));
    return Cleaned.invalid("ambiguous local phone number '" + raw.strip() + "': " + String.join(" or ", options));
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
