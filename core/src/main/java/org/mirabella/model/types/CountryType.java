package org.mirabella.model.types;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Countries as ISO 3166-1 alpha-2 codes in lower case, as FtM stores them ({@code de}). Accepts
 * alpha-2, alpha-3 and country names in English (and the JDK's names in French, German, Italian,
 * Spanish), plus a few territories and forms police data uses ({@code uk}, {@code kosovo}
 * {@code xk}, {@code eu}).
 */
public class CountryType implements PropertyType {
  // compiled once: country keys are made for every country value of every import
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SAINT = Pattern.compile("\\bsaint\\b");
  private static final Map<String, String> LOOKUP = new HashMap<>();
  private static final Set<String> CODES;

  static {
    Set<String> codes = new java.util.TreeSet<>();
    Locale[] others = {Locale.FRENCH, Locale.GERMAN, Locale.ITALIAN, Locale.of("es")};
    // Codes first, then English names, then other languages: a French or German name never takes
    // a key that is another country's code or English name.
    for (String a2 : Locale.getISOCountries()) {
      String code = a2.toLowerCase(Locale.ROOT);
      codes.add(code);
      LOOKUP.put(code, code);
      try {
        LOOKUP.put(Locale.of("", a2).getISO3Country().toLowerCase(Locale.ROOT), code);
      } catch (java.util.MissingResourceException ignored) {
        // a few codes have no alpha-3 in the JDK
      }
    }
    for (String a2 : Locale.getISOCountries()) {
      LOOKUP.putIfAbsent(key(Locale.of("", a2).getDisplayCountry(Locale.ENGLISH)), a2.toLowerCase(Locale.ROOT));
    }
    for (Locale lang : others) {
      for (String a2 : Locale.getISOCountries()) {
        LOOKUP.putIfAbsent(key(Locale.of("", a2).getDisplayCountry(lang)), a2.toLowerCase(Locale.ROOT));
      }
    }
    String[][] extra = {
      {"xk", "xk"}, {"kosovo", "xk"}, {"xkx", "xk"}, {"uk", "gb"}, {"great britain", "gb"},
      {"britain", "gb"}, {"england", "gb"}, {"scotland", "gb"}, {"wales", "gb"},
      {"northern ireland", "gb"}, {"usa", "us"}, {"united states of america", "us"},
      {"america", "us"}, {"turkey", "tr"}, {"turkiye", "tr"}, {"russia", "ru"}, {"russian federation", "ru"},
      {"syria", "sy"}, {"syrian arab republic", "sy"}, {"iran", "ir"}, {"iran islamic republic of", "ir"},
      {"islamic republic of iran", "ir"}, {"south korea", "kr"}, {"republic of korea", "kr"},
      {"north korea", "kp"}, {"democratic people's republic of korea", "kp"},
      {"vietnam", "vn"}, {"viet nam", "vn"}, {"laos", "la"}, {"lao people's democratic republic", "la"},
      {"bolivia", "bo"}, {"venezuela", "ve"}, {"tanzania", "tz"}, {"united republic of tanzania", "tz"},
      {"moldova", "md"}, {"republic of moldova", "md"}, {"czech republic", "cz"},
      {"ivory coast", "ci"}, {"cote d'ivoire", "ci"}, {"dr congo", "cd"}, {"drc", "cd"},
      {"democratic republic of the congo", "cd"}, {"republic of the congo", "cg"},
      {"palestine", "ps"}, {"state of palestine", "ps"}, {"macedonia", "mk"}, {"north macedonia", "mk"},
      {"bosnia", "ba"}, {"eu", "eu"}, {"european union", "eu"}, {"libya", "ly"}, {"libyan arab jamahiriya", "ly"},
      {"burma", "mm"}, {"myanmar", "mm"}, {"cape verde", "cv"}, {"swaziland", "sz"}, {"holland", "nl"},
      {"the netherlands", "nl"}, {"vatican", "va"}, {"holy see", "va"}, {"brunei", "bn"}, {"micronesia", "fm"},
      {"east timor", "tl"}, {"hong kong", "hk"}, {"macau", "mo"}, {"macao", "mo"}, {"uae", "ae"}
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

  /**
   * A lookup key: lower case, accents and punctuation removed, {@code &} read as "and",
   * {@code saint} as "st", a leading "the" dropped ({@code Bosnia & Herzegovina},
   * {@code Saint Lucia}, {@code The Gambia}).
   */
  private static String key(String s) {
    String n = Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .transform(s0 -> MARKS.matcher(s0).replaceAll(""))
        .replace("&", " and ")
        .transform(s0 -> NON_ALNUM.matcher(s0).replaceAll(" "))
        .transform(s0 -> SAINT.matcher(s0).replaceAll("st"))
        .strip();
    return n.startsWith("the ") ? n.substring(4) : n;
  }
}
