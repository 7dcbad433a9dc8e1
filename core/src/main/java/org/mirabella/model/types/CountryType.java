package org.mirabella.model.types;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Countries as ISO 3166-1 alpha-2 codes in lower case, as FtM stores them ({@code de}). Accepts
 * alpha-2, alpha-3 and country names in English (and the JDK's names in French, German, Italian,
 * Spanish), plus a few territories and forms police data uses ({@code uk}, {@code kosovo}
 * {@code xk}, {@code eu}).
 */
public class CountryType implements PropertyType {
  private static final Map<String, String> LOOKUP = new HashMap<>();
  private static final Set<String> CODES;

  static {
    Set<String> codes = new java.util.TreeSet<>();
    Locale[] languages = {Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN, Locale.ITALIAN, Locale.of("es")};
    for (String a2 : Locale.getISOCountries()) {
      String code = a2.toLowerCase(Locale.ROOT);
      codes.add(code);
      Locale l = Locale.of("", a2);
      LOOKUP.put(code, code);
      try {
        LOOKUP.put(l.getISO3Country().toLowerCase(Locale.ROOT), code);
      } catch (java.util.MissingResourceException ignored) {
        // a few codes have no alpha-3 in the JDK
      }
      for (Locale lang : languages) LOOKUP.putIfAbsent(key(l.getDisplayCountry(lang)), code);
    }
    String[][] extra = {
      {"xk", "xk"}, {"kosovo", "xk"}, {"xkx", "xk"}, {"uk", "gb"}, {"great britain", "gb"},
      {"britain", "gb"}, {"england", "gb"}, {"scotland", "gb"}, {"wales", "gb"},
      {"northern ireland", "gb"}, {"usa", "us"}, {"united states of america", "us"},
      {"america", "us"}, {"turkey", "tr"}, {"turkiye", "tr"}, {"russia", "ru"},
      {"syria", "sy"}, {"iran", "ir"}, {"south korea", "kr"}, {"north korea", "kp"},
      {"vietnam", "vn"}, {"viet nam", "vn"}, {"laos", "la"}, {"bolivia", "bo"},
      {"venezuela", "ve"}, {"tanzania", "tz"}, {"moldova", "md"}, {"czech republic", "cz"},
      {"ivory coast", "ci"}, {"cote d'ivoire", "ci"}, {"dr congo", "cd"},
      {"democratic republic of the congo", "cd"}, {"republic of the congo", "cg"},
      {"palestine", "ps"}, {"macedonia", "mk"}, {"north macedonia", "mk"}, {"eu", "eu"},
      {"european union", "eu"}, {"libya", "ly"}, {"burma", "mm"}, {"myanmar", "mm"},
      {"cape verde", "cv"}, {"swaziland", "sz"}, {"holland", "nl"}, {"the netherlands", "nl"},
      {"vatican", "va"}, {"brunei", "bn"}, {"micronesia", "fm"}, {"east timor", "tl"}
    };
    for (String[] e : extra) {
      LOOKUP.put(key(e[0]), e[1]);
      codes.add(e[1]);
    }
    CODES = Set.copyOf(codes);
  }

  @Override
  public String name() {
    return "country";
  }

  @Override
  public boolean matchable() {
    return true;
  }

  @Override
  public int maxLength() {
    return 8;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty country");
    String code = LOOKUP.get(key(raw));
    if (code == null) return Cleaned.invalid("unknown country: '" + raw.strip() + "'");
    return Cleaned.valid(code);
  }

  /** All codes this type produces. */
  public static Set<String> codes() {
    return CODES;
  }

  private static String key(String s) {
    String n = Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .replace('’', '\'')
        .replaceAll("[.\\s]+", " ")
        .strip();
    return n.startsWith("the ") ? n.substring(4) : n;
  }
}
