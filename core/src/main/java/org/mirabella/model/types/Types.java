package org.mirabella.model.types;

import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The registry of property types by FtM type name, plus Mirabella's own ({@code currency},
 * {@code geopoint}). A new type is a new class and one line here.
 */
public final class Types {
  public static final PropertyType STRING = new StringType();
  public static final PropertyType TEXT = new TextType("text");
  public static final PropertyType HTML = new TextType("html");
  public static final PropertyType JSON = new TextType("json");
  public static final PropertyType NAME = new NameType();
  public static final PropertyType ENTITY = new EntityType();
  public static final PropertyType IDENTIFIER = new IdentifierType();
  public static final PropertyType DATE = new DateType();
  public static final PropertyType NUMBER = new NumberType();
  public static final PropertyType COUNTRY = new CountryType();
  public static final PropertyType URL = new UrlType();
  public static final PropertyType PHONE = new PhoneType();
  public static final PropertyType EMAIL = new EmailType();
  public static final PropertyType ADDRESS = new AddressType();
  public static final PropertyType IBAN = new IbanType();
  public static final PropertyType GEOPOINT = new GeoPointType();
  public static final PropertyType CHECKSUM = new PatternType("checksum",
      Pattern.compile("[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}"), true,
      "a hex digest (MD5, SHA-1 or SHA-2)");
  public static final PropertyType IP = new IpType();
  public static final PropertyType MIMETYPE = new PatternType("mimetype", Pattern.compile("[a-z]+/[a-z0-9.+\\-]+"), false, "a media type");
  public static final PropertyType GENDER = new CodeListType("gender", Map.of(
      "male", Set.of("m", "man", "masculin", "männlich", "maschio", "h", "homme", "mann", "uomo", "男", "男性", "ذكر"),
      "female", Set.of("f", "w", "woman", "féminin", "weiblich", "femmina", "frau", "femme", "donna", "女", "女性", "أنثى"),
      "other", Set.of("o", "x", "d", "divers", "diverse", "non-binary", "autre", "altro")), true);
  public static final PropertyType LANGUAGE = new CodeListType("language", languages(), false);
  public static final PropertyType CURRENCY = new CodeListType("currency", currencies(), false);
  public static final PropertyType TOPIC = new CodeListType("topic", topics(), false);
  /** Roles in a network, from {@code roles.yaml}. */
  public static final PropertyType NETWORK_ROLE = new CodeListType("networkRole", roles(), false);

  private static final Map<String, PropertyType> BY_NAME = new LinkedHashMap<>();

  static {
    for (PropertyType t : new PropertyType[] {STRING, TEXT, HTML, JSON, NAME, ENTITY, IDENTIFIER, DATE, NUMBER,
        COUNTRY, URL, PHONE, EMAIL, ADDRESS, IBAN, GEOPOINT, CHECKSUM, IP, MIMETYPE, GENDER, LANGUAGE, CURRENCY, TOPIC, NETWORK_ROLE}) {
      BY_NAME.put(t.name(), t);
    }
  }

  private Types() {}

  /** The type of that name, or null. */
  public static PropertyType byName(String name) {
    return BY_NAME.get(name);
  }

  public static Collection<PropertyType> all() {
    return BY_NAME.values();
  }

  private static Map<String, Set<String>> languages() {
    Map<String, Set<String>> m = new TreeMap<>();
    for (String a2 : Locale.getISOLanguages()) {
      Locale l = Locale.of(a2);
      try {
        m.put(l.getISO3Language(), Set.of(a2, l.getDisplayLanguage(Locale.ENGLISH)));
      } catch (MissingResourceException ignored) {
        // no ISO 639-2 code in the JDK
      }
    }
    m.put("tir", Set.of("ti", "tigrinya", "ትግርኛ"));
    m.put("prs", Set.of("dari"));
    m.put("pus", Set.of("ps", "pashto", "پښتو"));
    return m;
  }

  /**
   * ISO 4217 codes with their English names, plus the symbols and words found in police data. A
   * word shared by several currencies ({@code $}, {@code dinar}, {@code pound}) is listed under each
   * and so is rejected as ambiguous: Egyptian and Sudanese pounds are as likely as sterling in a
   * smuggling case.
   */
  private static Map<String, Set<String>> currencies() {
    Map<String, Set<String>> m = new TreeMap<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      m.computeIfAbsent(c.getCurrencyCode(), k -> new java.util.HashSet<>()).add(c.getDisplayName(Locale.ENGLISH));
    }
    String[][] spellings = {
      {"EUR", "euro", "euros", "€", "eur"},
      {"USD", "us dollar", "us dollars", "us$", "$", "dollar", "dollars"},
      {"CAD", "canadian dollar", "canadian dollars", "c$", "ca$", "$", "dollar", "dollars"},
      {"AUD", "a$", "$", "dollar", "dollars"},
      {"GBP", "£", "pound sterling", "sterling", "pound", "pounds"},
      {"EGP", "egyptian pound", "e£", "pound", "pounds"},
      {"SDG", "sudanese pound", "pound", "pounds"},
      {"SYP", "syrian pound", "pound", "pounds"},
      {"LBP", "lebanese pound", "pound", "pounds"},
      {"JPY", "yen", "円", "¥"},
      {"CNY", "yuan", "renminbi", "rmb", "¥"},
      {"LYD", "libyan dinar", "dinar", "dinars"},
      {"TND", "tunisian dinar", "dinar", "dinars"},
      {"DZD", "algerian dinar", "dinar", "dinars"},
      {"IQD", "iraqi dinar", "dinar", "dinars"},
      {"JOD", "jordanian dinar", "dinar", "dinars"},
      {"TRY", "turkish lira", "₺", "lira"},
      {"ITL", "lira"},
      {"NGN", "naira", "₦"},
      {"XOF", "cfa franc", "franc cfa"},
      {"XAF", "cfa franc", "franc cfa"},
      {"ERN", "nakfa"},
      {"ETB", "birr"},
      {"AFN", "afghani"},
      {"MAD", "moroccan dirham", "dirham"},
      {"AED", "uae dirham", "dirham"},
      {"ALL", "lek"},
      {"CHF", "swiss franc", "swiss francs"}
    };
    for (String[] row : spellings) {
      Set<String> set = m.computeIfAbsent(row[0], k -> new java.util.HashSet<>());
      for (int i = 1; i < row.length; i++) set.add(row[i]);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> roles() {
    try (var in = Types.class.getClassLoader().getResourceAsStream("roles.yaml")) {
      Map<String, Map<String, Object>> raw = new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(in, Map.class);
      Map<String, Set<String>> m = new TreeMap<>();
      raw.forEach((code, d) -> {
        Set<String> spellings = new java.util.HashSet<>();
        spellings.add(String.valueOf(d.get("label")));
        if (d.get("aliases") instanceof java.util.List<?> l) l.forEach(a -> spellings.add(String.valueOf(a)));
        m.put(code, spellings);
      });
      return m;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, Set<String>> topics() {
    Map<String, Set<String>> m = new TreeMap<>();
    for (String t : ("crime crime.fraud crime.cyber crime.fin crime.env crime.theft crime.war crime.boss crime.terror "
        + "crime.traffick crime.traffick.drug crime.traffick.human wanted corp.offshore corp.shell corp.public "
        + "corp.disqual gov gov.national gov.state gov.muni gov.soe gov.igo gov.head gov.admin gov.executive "
        + "gov.legislative gov.judicial gov.security gov.financial fin fin.bank fin.fund fin.adivsor role.pep role.pol "
        + "role.rca role.judge role.civil role.diplo role.lawyer role.acct role.spy role.oligarch role.journo role.act "
        + "role.lobby pol.party pol.union rel mil asset.frozen sanction sanction.linked sanction.counter "
        + "export.control export.risk debarment poi reg.action reg.warn").split(" ")) {
      m.put(t, Set.of());
    }
    return m;
  }
}
