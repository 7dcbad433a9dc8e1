package org.mirabella.scenario;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.ibm.icu.text.Transliterator;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.mirabella.agency.Agencies;
import org.mirabella.scenario.NameBank.Name;
import org.mirabella.scenario.World.Kind;
import org.mirabella.scenario.World.Network;
import org.mirabella.scenario.World.Person;

/**
 * One agency's partial view of the truth, written its own way. For each network on its routes it
 * decides whom it holds (its shares), what it recorded (interceptions by its own authorities, calls on
 * the phones it tapped, payments and journey legs of people it holds, crossings into its country), and
 * renders every value as that agency would: its case numbers and column names, romanisation or script,
 * typos, swapped names, missing and partial birth dates, phone formats, and a few invalid values that
 * are listed in the truth. Each agency draws from its own random stream per network.
 */
final class AgencyView implements Closeable {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final String[] OP_WORDS = {"Aquila", "Delfino", "Nettuno", "Orione", "Sirio", "Vega", "Atlas", "Boreas",
      "Cobalt", "Drake", "Ember", "Fjord", "Granite", "Harbour", "Iris", "Juniper", "Kite", "Lantern", "Meridian", "Nomad"};

  private final AgencyProfile p;
  private final long seed;
  private final String country;
  private final Vocabulary voc = Vocabulary.get();
  private final Map<String, PartedWriter> writers;
  private final TruthWriter truth;
  private final CharsetEncoder encoder;
  private final DateTimeFormatter day;
  private final DateTimeFormatter month;
  private final DateTimeFormatter year = DateTimeFormatter.ofPattern("yyyy");
  private final DateTimeFormatter dateTime;
  private Transliterator ascii;
  private final Map<String, List<String>> fieldsOf = new HashMap<>();
  private final Map<String, List<String>> headerOf = new HashMap<>();
  private long refs;
  private long events;

  AgencyView(AgencyProfile p, long seed, Map<String, PartedWriter> writers, TruthWriter truth) {
    this.p = p;
    this.seed = seed;
    this.country = Agencies.get().require(p.code()).country();
    this.writers = writers;
    this.truth = truth;
    this.encoder = p.format().type().equals("csv") ? Charset.forName(p.format().encoding()).newEncoder() : null;
    this.day = DateTimeFormatter.ofPattern(p.dateFormat(), Locale.ROOT);
    this.month = DateTimeFormatter.ofPattern(p.monthFormat(), Locale.ROOT);
    this.dateTime = DateTimeFormatter.ofPattern(p.dateTimeFormat(), Locale.ROOT);
  }

  AgencyProfile profile() {
    return p;
  }

  /** How the agency renders a person's name: parts and the noise applied. */
  private record Rendered(String given, String family, List<String> noise) {}

  /** What the agency holds of one network. */
  private final class State {
    final Network n;
    final SplittableRandom rnd;
    final Map<Person, String> refs = new HashMap<>();
    final Map<Person, Rendered> names = new HashMap<>();
    final Set<Person> held = new LinkedHashSet<>();
    final Map<Person, String> interception = new HashMap<>();
    final String operation;

    State(Network n, SplittableRandom rnd) {
      this.n = n;
      this.rnd = rnd;
      this.operation = OP_WORDS[rnd.nextInt(OP_WORDS.length)] + " " + n.start().getYear() + "/" + (n.index() + 1);
    }

    String ref(Person x) {
      return refs.computeIfAbsent(x, k -> newRef());
    }

    Rendered name(Person x) {
      return names.computeIfAbsent(x, k -> render(k, rnd, n));
    }
  }

  private String newRef() {
    return String.format(Locale.ROOT, p.refFormat(), ++refs);
  }

  void see(Network n) throws IOException {
    if (!p.routes().contains(n.route().id())) return;
    State s = new State(n, Seeds.stream(seed, "agency:" + p.code(), n.index()));
    for (Person m : n.members()) {
      boolean eligible = !p.organisersOnly() || m.role().equals("organiser") || m.role().equals("moneyHandler");
      if (eligible && s.rnd.nextDouble() < p.share().members()) s.held.add(m);
    }
    for (Person c : n.clients()) {
      double share = c.kind() == Kind.VICTIM ? p.share().victims() : p.share().clients();
      if (s.rnd.nextDouble() < share) s.held.add(c);
    }
    if (p.has("interceptions")) interceptions(s);
    if (p.has("persons")) persons(s);
    if (p.has("calls")) calls(s);
    if (p.has("payments")) payments(s);
    if (p.has("journeys")) journeys(s);
    if (p.has("crossings")) crossings(s);
  }

  // ---------------------------------------------------------------- tables

  private void persons(State s) throws IOException {
    List<Person> order = new ArrayList<>(s.n.members());
    order.addAll(s.n.clients());
    for (Person x : order) {
      if (!s.held.contains(x)) continue;
      personRow(s, x, s.ref(x), s.name(x), List.of());
      if (s.rnd.nextDouble() < 0.03) personRow(s, x, newRef(), render(x, s.rnd, s.n), List.of("duplicate"));
    }
  }

  private void personRow(State s, Person x, String ref, Rendered name, List<String> extraNoise) throws IOException {
    SplittableRandom rnd = s.rnd;
    List<String> noise = new ArrayList<>(name.noise());
    noise.addAll(extraNoise);
    Row row = new Row("persons");
    row.put("ref", ref, "person", x.id());
    if (p.fullName()) row.put("fullname", full(name));
    else {
      row.put("surname", name.family());
      row.put("given", name.given());
    }
    row.put("birth", birth(x.birth(), rnd, noise));
    row.put("nationality", countryName(x.nationality()));
    row.put("gender", voc.value(p.values(), "gender", x.gender()));
    World.Phone phone = x.phones().get(rnd.nextInt(x.phones().size()));
    row.put("phone", phone(phone, x.nationality(), rnd), "phone", phone.id());
    if (x.passport() != null && rnd.nextDouble() < 0.8) {
      row.put("passport", x.passport().number(), "passport", x.passport().id());
      row.put("passport_country", countryName(x.passport().country()));
    }
    if (x.address() != null && rnd.nextDouble() < 0.7) row.put("address", encodable(x.address().text()));
    boolean asSuspect = x.member() || (x.forcedRole() != null && p.transit());
    String category = asSuspect ? "suspect" : x.kind() == Kind.VICTIM ? "victim" : "witness";
    if (x.kind() == Kind.VICTIM && asSuspect) noise.add("victim-held-as-suspect");
    row.put("category", voc.value(p.values(), "category", category));
    String role = x.member() ? x.role() : asSuspect ? x.forcedRole() : null;
    if (role != null) row.put("role", voc.value(p.values(), "role", role));
    row.put("operation", s.operation, "network", s.n.id());
    if (category.equals("victim")) row.put("exploitation", voc.value(p.values(), "exploitation", x.exploitation()));
    if (asSuspect && rnd.nextDouble() < (x.member() ? 0.3 : 0.5)) {
      long span = Math.max(1, s.n.end().toEpochDay() - s.n.start().toEpochDay() + 120);
      LocalDate at = s.n.start().plusDays(30 + rnd.nextLong(span));
      if (at.isAfter(NetworkGenerator.LAST)) at = NetworkGenerator.LAST;
      row.put("arrest_date", day.format(at));
      row.put("charges", encodable(p.charges()));
      Routes.Place place = arrestPlace(s.n.route(), x);
      if (place != null) {
        row.put("arrest_place", encodable(place.name()));
        row.put("arrest_country", countryName(place.country()));
      }
    }
    if (s.interception.containsKey(x)) row.put("interception", s.interception.get(x), "interception", null);
    if (rnd.nextDouble() < p.noise().bad()) {
      List<String> candidates = new ArrayList<>(List.of("nationality"));
      if (!row.get("birth").isEmpty()) candidates.add("birth");
      candidates.add("phone");
      String field = candidates.get(rnd.nextInt(candidates.size()));
      switch (field) {
        case "birth" -> row.bad("birth", impossibleDate(x.birth().getYear()), "impossible date (30 February)");
        case "phone" -> row.bad("phone", phone.e164().substring(0, 6), "phone number cut short");
        default -> row.bad("nationality", "??", "unknown country");
      }
    }
    row.note = "category=" + category + (noise.isEmpty() ? "" : ";noise=" + String.join(",", noise));
    row.write();
  }

  private void interceptions(State s) throws IOException {
    Map<World.Vessel, String> vesselRefs = new HashMap<>();
    for (World.BoatTrip t : s.n.trips()) {
      boolean ours = t.interceptedBy() != null && p.seaCountries().contains(t.interceptedBy());
      if (p.code().equals("FRONTEX")) ours = t.frontexSighted();
      if (!ours || t.geo() == null) continue;
      String ref = String.format(Locale.ROOT, "%s-EV-%06d", p.code(), ++events);
      for (Person x : t.onBoard()) {
        if (s.rnd.nextDouble() < 0.8) {
          s.held.add(x);
          s.interception.putIfAbsent(x, ref);
        }
      }
      if (t.pilot().member() || s.rnd.nextDouble() < 0.9) {
        s.held.add(t.pilot());
        s.interception.putIfAbsent(t.pilot(), ref);
      }
      World.Vessel v = t.vessel();
      String vref = vesselRefs.computeIfAbsent(v, k -> String.format(Locale.ROOT, "%s-NAT-%06d", p.code(), ++events));
      Row row = new Row("interceptions");
      row.put("interception", ref, "interception", t.id());
      row.put("date", day.format(t.date()));
      boolean departure = t.interceptedBy() != null && t.interceptedBy().equals(t.hop().from().country());
      row.put("place", encodable(departure ? t.hop().from().name() : t.hop().to().name()));
      String[] geo = t.geo().split(",");
      row.put("lat", geo[0]);
      row.put("lon", geo[1]);
      row.put("vessel_ref", vref, "vessel", v.id());
      String type = voc.value(p.values(), "vessel", v.type());
      row.put("vessel_name", v.imo() == null ? type + " " + v.name().replaceAll("\\D+", "") + " m" : v.name());
      row.put("vessel_type", type);
      if (v.imo() != null) {
        String imo = s.rnd.nextBoolean() ? v.imo() : v.imo().substring(3);
        row.put("imo", imo, "vessel", v.id());
        row.put("mmsi", v.mmsi(), "vessel", v.id());
        row.put("flag", countryName(v.flag()));
        if (s.rnd.nextDouble() < p.noise().bad() * 5) {
          String digits = v.imo().substring(3);
          String wrong = digits.substring(0, 6) + (char) ('0' + (digits.charAt(6) - '0' + 1) % 10);
          row.bad("imo", wrong, "IMO check digit wrong");
        }
      }
      row.put("on_board", String.valueOf(t.onBoard().size() + (t.pilot().member() ? 1 : 0)));
      row.put("authority", encodable(p.authority()));
      row.write();
    }
  }

  private void calls(State s) throws IOException {
    Set<Person> tapped = new LinkedHashSet<>();
    for (Person m : s.n.members()) if (s.held.contains(m) && s.rnd.nextDouble() < 0.6) tapped.add(m);
    if (tapped.isEmpty()) return;
    for (World.Call c : s.n.calls()) {
      if (!tapped.contains(c.caller()) && !tapped.contains(c.callee())) continue;
      Row row = new Row("calls");
      row.put("call_id", String.format(Locale.ROOT, "%s-TEL-%08d", p.code(), ++events), "call", c.id());
      row.put("caller", callNumber(c.callerPhone()), "phone", c.callerPhone().id());
      row.put("callee", callNumber(c.calleePhone()), "phone", c.calleePhone().id());
      row.put("start", dateTime.format(c.start()));
      row.put("duration", String.valueOf(c.seconds()));
      row.write();
    }
  }

  private void payments(State s) throws IOException {
    for (World.Payment pay : s.n.payments()) {
      if (!s.held.contains(pay.payer()) && !s.held.contains(pay.beneficiary())) continue;
      Row row = new Row("payments");
      row.put("payment_id", String.format(Locale.ROOT, "%s-FIN-%08d", p.code(), ++events), "payment", pay.id());
      row.put("date", day.format(pay.date()));
      row.put("amount", amount(pay.amount(), s.rnd));
      row.put("currency", pay.currency());
      row.put("method", voc.value(p.values(), "method", pay.method()));
      party(s, row, "payer", pay.payer(), pay.payerAccount());
      party(s, row, "beneficiary", pay.beneficiary(), pay.beneficiaryAccount());
      if (!row.get("payer_iban").isEmpty() && s.rnd.nextDouble() < p.noise().bad() * 5) {
        row.bad("payer_iban", wrongIban(row.get("payer_iban")), "IBAN check digits wrong");
      }
      row.write();
    }
  }

  private void party(State s, Row row, String side, Person x, World.Account account) {
    row.put(side + "_ref", s.ref(x), "person", x.id());
    row.put(side + "_name", full(s.name(x)));
    if (account != null && account.kind().equals("iban")) {
      String iban = s.rnd.nextBoolean() ? account.value() : grouped(account.value());
      row.put(side + "_iban", iban, "account", account.id());
    }
    if (account != null && account.kind().equals("wallet")) row.put(side + "_wallet", account.value(), "account", account.id());
  }

  private void journeys(State s) throws IOException {
    for (World.Leg leg : s.n.legs()) {
      if (!s.held.contains(leg.client()) && !s.held.contains(leg.facilitator())) continue;
      Row row = new Row("journeys");
      row.put("leg_id", String.format(Locale.ROOT, "%s-ETP-%08d", p.code(), ++events), "leg", leg.id());
      row.put("client_ref", s.ref(leg.client()), "person", leg.client().id());
      row.put("client_name", full(s.name(leg.client())));
      row.put("facilitator_ref", s.ref(leg.facilitator()), "person", leg.facilitator().id());
      row.put("facilitator_name", full(s.name(leg.facilitator())));
      row.put("from", encodable(leg.hop().from().name()));
      row.put("from_country", countryName(leg.hop().from().country()));
      row.put("to", encodable(leg.hop().to().name()));
      row.put("to_country", countryName(leg.hop().to().country()));
      String[] from = leg.hop().from().geo().split(",");
      String[] to = leg.hop().to().geo().split(",");
      row.put("from_lat", from[0]);
      row.put("from_lon", from[1]);
      row.put("to_lat", to[0]);
      row.put("to_lon", to[1]);
      row.put("date", day.format(leg.date()));
      row.put("mode", voc.value(p.values(), "mode", leg.hop().mode()));
      row.put("price", amount(leg.price(), s.rnd));
      row.put("currency", leg.currency());
      row.put("method", voc.value(p.values(), "method", leg.method()));
      if (leg.vehicle() != null) row.put("plate", leg.vehicle().plate(), "vehicle", leg.vehicle().id());
      row.write();
    }
  }

  private void crossings(State s) throws IOException {
    for (World.Crossing c : s.n.crossings()) {
      if (!p.entryCountries().contains(c.hop().to().country())) continue;
      Person x = c.person();
      Rendered name = s.name(x);
      List<String> noise = new ArrayList<>(name.noise());
      Row row = new Row("crossings");
      row.put("crossing_id", String.format(Locale.ROOT, "%s-BC-%08d", p.code(), ++events), "crossing", c.id());
      row.put("person_ref", s.ref(x), "person", x.id());
      row.put("surname", name.family());
      row.put("given", name.given());
      row.put("birth", birth(x.birth(), s.rnd, noise));
      row.put("nationality", countryName(x.nationality()));
      if (x.passport() != null) {
        row.put("passport", x.passport().number(), "passport", x.passport().id());
        row.put("passport_country", countryName(x.passport().country()));
        row.put("mrz", x.passport().mrz());
      }
      row.put("date", day.format(c.date()));
      row.put("point", encodable(c.hop().to().name()));
      String[] at = c.hop().to().geo().split(",");
      row.put("lat", at[0]);
      row.put("lon", at[1]);
      row.put("country_in", countryName(c.hop().to().country()));
      row.put("country_out", countryName(c.hop().from().country()));
      row.put("direction", voc.value(p.values(), "direction", "entry"));
      row.put("irregular", voc.value(p.values(), "irregular", String.valueOf(c.irregular())));
      if (c.vehicle() != null) row.put("plate", c.vehicle().plate(), "vehicle", c.vehicle().id());
      row.note = noise.isEmpty() ? "" : "noise=" + String.join(",", noise);
      row.write();
    }
  }

  private final Map<String, List<Routes.Place>> arrestPlaces = new HashMap<>();

  /**
   * Where the agency arrested a suspect: one of the route's places in its own country, chosen from
   * the person's id rather than the random stream so that adding the place kept every other value
   * of the file as it was; null when the route has no place in the agency's country.
   */
  private Routes.Place arrestPlace(Routes.Route route, Person x) {
    List<Routes.Place> places = arrestPlaces.computeIfAbsent(route.id(), k -> {
      Set<Routes.Place> all = new LinkedHashSet<>(route.base());
      for (Routes.Path path : route.paths().items()) {
        for (Routes.Hop h : path.hops()) {
          all.add(h.from());
          all.add(h.to());
        }
      }
      return all.stream().filter(pl -> pl.country().equals(country)).toList();
    });
    return places.isEmpty() ? null : places.get(Math.floorMod(x.id().hashCode(), places.size()));
  }

  // ---------------------------------------------------------------- one row and its truth

  /** A row being filled by logical field, with the truth of its identifying cells. */
  private final class Row {
    final String table;
    final List<String> fields;
    final String[] values;
    final List<String[]> clusters = new ArrayList<>();
    final List<String[]> bads = new ArrayList<>();
    String note = "";

    Row(String table) {
      this.table = table;
      this.fields = fieldsOf.computeIfAbsent(table, t -> Tables.fields(t, p));
      this.values = new String[fields.size()];
      Arrays.fill(values, "");
    }

    void put(String field, String value) {
      int i = fields.indexOf(field);
      if (i < 0) throw new IllegalStateException("no field " + field + " in " + table);
      values[i] = value == null ? "" : value;
    }

    void put(String field, String value, String kind, String cluster) {
      put(field, value);
      if (cluster != null) clusters.add(new String[] {field, kind, cluster});
    }

    String get(String field) {
      return values[fields.indexOf(field)];
    }

    void bad(String field, String value, String reason) {
      put(field, value);
      bads.add(new String[] {field, value, reason});
    }

    void write() throws IOException {
      PartedWriter w = writers.get(table);
      w.row(Arrays.asList(values));
      long row = w.rowInFile();
      String file = w.file();
      List<String> header = headerOf.computeIfAbsent(table, t -> Tables.header(t, p));
      for (String[] c : clusters) {
        int i = fields.indexOf(c[0]);
        truth.record(file, row, header.get(i), c[1], c[2], i == 0 ? note : "");
      }
      for (String[] b : bads) truth.bad(file, row, header.get(fields.indexOf(b[0])), b[1], b[2]);
    }
  }

  // ---------------------------------------------------------------- rendering

  private Rendered render(Person x, SplittableRandom rnd, Network n) {
    List<String> noise = new ArrayList<>();
    String script = null;
    for (var e : p.scripts().entrySet()) {
      String sc = e.getKey();
      if (sc.equals("ru") && !n.route().id().equals("balkan")) continue;
      if (x.given().script(sc) != null && x.family().script(sc) != null && rnd.nextDouble() < e.getValue()) {
        script = sc;
        break;
      }
    }
    String given;
    String family;
    if (script != null && (encoder == null || encoder.canEncode(x.given().script(script) + x.family().script(script)))) {
      given = x.given().script(script);
      family = x.family().script(script);
      noise.add("script:" + script);
    } else {
      given = latin(x.given(), rnd, noise);
      family = latin(x.family(), rnd, noise);
      if (rnd.nextDouble() < p.noise().typo()) {
        if (rnd.nextBoolean()) family = typo(family, rnd);
        else given = typo(given, rnd);
        noise.add("typo");
      }
      if (p.upper().equals("all")) {
        given = given.toUpperCase(Locale.ROOT);
        family = family.toUpperCase(Locale.ROOT);
      } else if (p.upper().equals("surname")) {
        family = family.toUpperCase(Locale.ROOT);
      }
      given = encodable(given);
      family = encodable(family);
    }
    if (rnd.nextDouble() < p.noise().swap()) {
      String t = given;
      given = family;
      family = t;
      noise.add("swap");
    }
    return new Rendered(given, family, List.copyOf(noise));
  }

  private String latin(Name name, SplittableRandom rnd, List<String> noise) {
    if (name.latin().size() > 1 && rnd.nextDouble() < p.noise().variant()) {
      String v = name.latin().get(rnd.nextInt(name.latin().size()));
      if (!v.equals(name.styled(p.style())) && !noise.contains("variant")) noise.add("variant");
      return v;
    }
    return name.styled(p.style());
  }

  /** One slip of the keyboard: two letters swapped, one dropped, one doubled or a vowel changed. */
  static String typo(String s, SplittableRandom rnd) {
    if (s.length() < 4) return s + s.charAt(s.length() - 1);
    int i = 1 + rnd.nextInt(s.length() - 2);
    char c = s.charAt(i);
    return switch (rnd.nextInt(4)) {
      case 0 -> s.substring(0, i) + s.charAt(i + 1) + c + s.substring(i + 2);
      case 1 -> Character.isLetter(c) ? s.substring(0, i) + s.substring(i + 1) : s + "e";
      case 2 -> s.substring(0, i) + c + s.substring(i);
      default -> {
        String vowels = "aeiou";
        int v = vowels.indexOf(Character.toLowerCase(c));
        yield v < 0 ? s.substring(0, i) + c + s.substring(i) : s.substring(0, i) + vowels.charAt((v + 1) % 5) + s.substring(i + 1);
      }
    };
  }

  private String full(Rendered r) {
    return p.fullName() ? r.family().toUpperCase(Locale.ROOT) + ", " + r.given() : r.given() + " " + r.family();
  }

  /** A string the file's encoding can hold: transliterated to ASCII where it cannot. */
  private String encodable(String s) {
    if (encoder == null || encoder.canEncode(s)) return s;
    if (ascii == null) ascii = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    return ascii.transliterate(s);
  }

  private String birth(LocalDate d, SplittableRandom rnd, List<String> noise) {
    double r = rnd.nextDouble();
    if (r < p.noise().dobMissing()) {
      noise.add("dob:missing");
      return "";
    }
    if (r < p.noise().dobMissing() + p.noise().dobPartial()) {
      noise.add("dob:partial");
      return rnd.nextDouble() < 0.6 ? year.format(d) : month.format(d);
    }
    return day.format(d);
  }

  private String impossibleDate(int y) {
    return p.dateFormat().replace("yyyy", String.valueOf(y)).replace("MM", "02").replace("dd", "30")
        .replace("M", "2").replace("d", "30");
  }

  private final Map<String, String> countryNames = new HashMap<>();

  private String countryName(String cc) {
    return countryNames.computeIfAbsent(cc, this::displayCountry);
  }

  private String displayCountry(String cc) {
    return switch (p.values()) {
      case "it", "de", "fr" -> Locale.of("", cc.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.forLanguageTag(p.values()));
      case "ja", "ar" -> Identifiers.alpha3(cc);
      default -> Locale.of("", cc.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
    };
  }

  /**
   * A phone as the agency writes it: national format for its own country's numbers when that reads
   * back unambiguously with the record's countries as hints, international otherwise.
   */
  private String phone(World.Phone phone, String nationality, SplittableRandom rnd) {
    if (country.equals(phone.region())) {
      Boolean ok = localOk.computeIfAbsent(phone.e164() + nationality,
          k -> unambiguous(phone.national(), phone.e164(), List.of(country, nationality)));
      if (ok) return phone.national();
    }
    return rnd.nextDouble() < 0.7 ? phone.international() : "00" + phone.e164().substring(1);
  }

  /** Whether a national number reads back unambiguously, by number and nationality (bounded cache). */
  private final Map<String, Boolean> localOk = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > 50_000;
    }
  };

  static boolean unambiguous(String local, String e164, List<String> hints) {
    int valid = 0;
    for (String h : new LinkedHashSet<>(hints)) {
      String r = h.toUpperCase(Locale.ROOT);
      if (!PHONES.getSupportedRegions().contains(r)) continue;
      try {
        var n = PHONES.parse(local, r);
        if (PHONES.isValidNumber(n)) {
          if (!PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164).equals(e164)) return false;
          valid++;
        }
      } catch (NumberParseException e) {
        // not a reading in this region
      }
    }
    return valid > 0;
  }

  private String callNumber(World.Phone phone) {
    return switch (p.values()) {
      case "de" -> "00" + phone.e164().substring(1);
      case "fr" -> phone.international();
      default -> phone.e164();
    };
  }

  private String amount(long units, SplittableRandom rnd) {
    if (!p.decimalComma()) return units + ".00";
    if (units >= 1000 && rnd.nextBoolean()) return String.format(Locale.GERMANY, "%,d,00", units);
    return units + ",00";
  }

  /** An IBAN in groups of four, as printed. */
  static String grouped(String iban) {
    StringBuilder sb = new StringBuilder(iban.length() + iban.length() / 4);
    for (int i = 0; i < iban.length(); i++) {
      if (i > 0 && i % 4 == 0) sb.append(' ');
      sb.append(iban.charAt(i));
    }
    return sb.toString();
  }

  private static String wrongIban(String iban) {
    String compact = iban.replace(" ", "");
    char last = compact.charAt(compact.length() - 1);
    char wrong = Character.isDigit(last) ? (char) ('0' + (last - '0' + 1) % 10) : (last == 'A' ? 'B' : 'A');
    return compact.substring(0, compact.length() - 1) + wrong;
  }

  @Override
  public void close() throws IOException {
    for (PartedWriter w : writers.values()) w.close();
  }

  /** Each table's files with their rows (after {@link #close()}). */
  Map<String, List<PartedWriter.Part>> parts() {
    Map<String, List<PartedWriter.Part>> out = new LinkedHashMap<>();
    writers.forEach((t, w) -> out.put(t, w.parts()));
    return out;
  }
}
