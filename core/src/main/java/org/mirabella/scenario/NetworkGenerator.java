package org.mirabella.scenario;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mirabella.scenario.NameBank.Culture;
import org.mirabella.scenario.NameBank.Name;
import org.mirabella.scenario.Routes.Hop;
import org.mirabella.scenario.Routes.Path;
import org.mirabella.scenario.Routes.Route;
import org.mirabella.scenario.World.Account;
import org.mirabella.scenario.World.Address;
import org.mirabella.scenario.World.BoatTrip;
import org.mirabella.scenario.World.Call;
import org.mirabella.scenario.World.Crossing;
import org.mirabella.scenario.World.Kind;
import org.mirabella.scenario.World.Leg;
import org.mirabella.scenario.World.Network;
import org.mirabella.scenario.World.Passport;
import org.mirabella.scenario.World.Payment;
import org.mirabella.scenario.World.Person;
import org.mirabella.scenario.World.Phone;
import org.mirabella.scenario.World.Tie;
import org.mirabella.scenario.World.Vehicle;
import org.mirabella.scenario.World.Vessel;

/**
 * Makes the true world of one network from its own random stream: members with roles organised in
 * cells under lieutenants, clients and trafficking victims of the route's nationalities, their
 * phones (burners shared, SIM cards changed), passports (some forged), accounts, vehicles, boats, and
 * what happened: journeys leg by leg, boat crossings and interceptions, border crossings, payments and
 * calls, over the network's active years.
 */
final class NetworkGenerator {
  static final LocalDate EPOCH = LocalDate.of(2019, 1, 1);
  static final LocalDate LAST = LocalDate.of(2025, 10, 31);
  /** Destination countries whose border police record entries (the agencies' crossings tables). */
  private static final List<String> ENTRY_RECORDED = List.of("us", "ca", "jp", "gb", "it", "de", "fr");
  private static final List<String> IBAN_COUNTRIES = List.of("it", "de", "fr", "gb", "tr", "tn", "al", "gr", "at", "be");
  private static final String[] OPERATION = {"Scirocco", "Levante", "Maestrale", "Tramontana", "Ghibli", "Libeccio",
      "Grecale", "Ostro", "Bora", "Mistral", "Harmattan", "Khamsin", "Alize", "Zephyr", "Etesian", "Foehn", "Chinook",
      "Monsoon", "Kestrel", "Osprey", "Heron", "Albatross", "Cormorant", "Petrel", "Merlin", "Falcon"};
  private static final Map<String, String> STREETS = Map.ofEntries(Map.entry("it", "Via Garibaldi"),
      Map.entry("de", "Bahnhofstraße"), Map.entry("fr", "Rue de la République"), Map.entry("gb", "High Street"),
      Map.entry("ly", "Sharia Omar Mukhtar"), Map.entry("tn", "Avenue Habib Bourguiba"), Map.entry("tr", "Atatürk Caddesi"),
      Map.entry("be", "Rue Haute"), Map.entry("co", "Calle 50"), Map.entry("pa", "Avenida Central"),
      Map.entry("mx", "Calle Hidalgo"), Map.entry("vn", "Phố Huế"), Map.entry("cn", "Wuyi Road"), Map.entry("jp", "Chuo-dori"),
      Map.entry("ne", "Rue du Marché"), Map.entry("gr", "Odos Egnatia"), Map.entry("rs", "Knez Mihailova"));

  private final long seed;
  private final Identifiers ids;
  private final Routes routes = Routes.get();
  private final NameBank names = NameBank.get();

  NetworkGenerator(long seed, Identifiers ids) {
    this.seed = seed;
    this.ids = ids;
  }

  Network generate(int index, int persons) {
    SplittableRandom rnd = Seeds.stream(seed, "network", index);
    List<Route> all = routes.all();
    Route route = index < all.size() ? all.get(index) : routes.weighted().pick(rnd);
    String id = String.format("N%06d", index);
    LocalDate start = EPOCH.plusDays(rnd.nextInt(365 * 5));
    LocalDate end = start.plusDays(240 + rnd.nextInt(900));
    if (end.isAfter(LAST)) end = LAST;
    String name = OPERATION[rnd.nextInt(OPERATION.length)] + " " + (index + 1);
    boolean sea = route.paths().items().stream().anyMatch(p -> p.hops().stream().anyMatch(Hop::bySea));
    int memberCount = (int) Math.max(8, Math.min(40, Math.round(persons * 0.08)));
    memberCount = Math.min(memberCount, persons - 2);
    int clientCount = persons - memberCount;
    int[] counter = {0};
    String baseCountry = route.base().get(0).country();

    List<String> roles = memberRoles(rnd, memberCount, route, sea);
    List<Phone> burners = new ArrayList<>();
    for (int b = 0; b < 1 + rnd.nextInt(2); b++) burners.add(phone(id, counter, baseCountry));
    List<Person> members = new ArrayList<>();
    for (String role : roles) members.add(member(rnd, id, counter, route, role, burners));
    List<Person> keepers = members.stream().filter(m -> m.role().equals("safeHouseKeeper")).toList();

    List<Tie> ties = ties(rnd, members);
    List<Person> clients = new ArrayList<>();
    for (int c = 0; c < clientCount; c++) clients.add(client(rnd, id, counter, route, sea, keepers, members));

    Events ev = new Events(id);
    List<Vessel> vessels = new ArrayList<>();
    journeys(rnd, ev, route, start, end, members, clients, vessels);
    calls(rnd, ev, start, end, members, clients, ties);
    memberPayments(rnd, ev, route, start, end, members);

    List<Person[]> edges = ties.stream().map(t -> new Person[] {t.a(), t.b()}).toList();
    var keyPlayers = KeyPlayers.find(members, edges, 3, Person::id);
    return new Network(id, index, route, name, start, end, List.copyOf(members), List.copyOf(clients), List.copyOf(ties),
        ev.calls, ev.payments, ev.legs, ev.trips, ev.crossings, List.copyOf(vessels), keyPlayers);
  }

  /** Event lists and their id counters. */
  private static final class Events {
    final String network;
    final List<Call> calls = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Leg> legs = new ArrayList<>();
    final List<BoatTrip> trips = new ArrayList<>();
    final List<Crossing> crossings = new ArrayList<>();

    Events(String network) {
      this.network = network;
    }

    String id(String kind, int n) {
      return network + "-" + kind + n;
    }
  }

  private static List<String> memberRoles(SplittableRandom rnd, int n, Route route, boolean sea) {
    List<String> roles = new ArrayList<>();
    roles.add("organiser");
    if (n >= 20) roles.add("organiser");
    roles.add("moneyHandler");
    if (n >= 14) roles.add("moneyHandler");
    roles.add("recruiter");
    roles.add("transporter");
    if (route.id().equals("japan")) {
      roles.add("documentForger");
      roles.add("documentForger");
      roles.add("broker");
    } else if (rnd.nextDouble() < 0.6) {
      roles.add("documentForger");
    }
    if (sea) roles.add("boatPilot");
    if (route.victimShare() > 0.08) roles.add("exploiter");
    roles.add("safeHouseKeeper");
    Weighted<String> rest = Weighted.of(new java.util.TreeMap<>(sea
        ? Map.of("recruiter", 25, "transporter", 25, "boatPilot", 15, "safeHouseKeeper", 12, "lookout", 15, "broker", 8)
        : Map.of("recruiter", 28, "transporter", 32, "safeHouseKeeper", 14, "lookout", 16, "broker", 10)));
    while (roles.size() < n) roles.add(rest.pick(rnd));
    while (roles.size() > n) roles.remove(roles.size() - 1);
    return roles;
  }

  private Phone phone(String network, int[] counter, String country) {
    return ids.phone(network + "-T" + (counter[0]++), country);
  }

  private Person member(SplittableRandom rnd, String network, int[] counter, Route route, String role, List<Phone> burners) {
    String nat = route.memberNationalities().pick(rnd);
    String gender = rnd.nextDouble() < 0.9 ? "male" : "female";
    String pid = network + "-P" + (counter[0]++);
    LocalDate birth = EPOCH.minusYears(25 + rnd.nextInt(30)).minusDays(rnd.nextInt(365));
    String operating = rnd.nextDouble() < 0.7 ? nat : route.base().get(rnd.nextInt(route.base().size())).country();
    List<Phone> phones = new ArrayList<>();
    int own = 1 + rnd.nextInt(3);
    for (int i = 0; i < own; i++) phones.add(phone(network, counter, operating));
    if (rnd.nextDouble() < 0.35) phones.add(1, burners.get(rnd.nextInt(burners.size())));
    Passport passport = rnd.nextDouble() < 0.7 ? passport(rnd, network, counter, nat, birth, gender, false) : null;
    Address address = address(rnd, network, counter, route);
    List<Account> accounts = new ArrayList<>();
    int ibans = switch (role) {
      case "moneyHandler" -> 2;
      case "organiser" -> 1;
      default -> rnd.nextDouble() < 0.2 ? 1 : 0;
    };
    for (int i = 0; i < ibans; i++) accounts.add(iban(rnd, network, counter, i == 0 ? operating : null));
    if (role.equals("organiser") || role.equals("moneyHandler") && rnd.nextBoolean()) {
      accounts.add(new Account(network + "-W" + (counter[0]++), "wallet", ids.wallet(rnd)));
    }
    Vehicle vehicle = role.equals("transporter") ? vehicle(network, counter, vehicleCountry(rnd, route)) : null;
    Culture culture = names.culture(routes.culture(nat));
    return new Person(pid, Kind.MEMBER, role, null, null, nat, gender, birth, given(rnd, culture, gender),
        culture.family().get(rnd.nextInt(culture.family().size())), List.copyOf(phones), passport, address,
        List.copyOf(accounts), vehicle);
  }

  private Person client(SplittableRandom rnd, String network, int[] counter, Route route, boolean sea,
      List<Person> keepers, List<Person> members) {
    boolean victim = rnd.nextDouble() < route.victimShare();
    String exploitation = victim ? route.exploitation().pick(rnd) : null;
    String forced = "forcedCriminality".equals(exploitation) ? (sea ? "boatPilot" : "transporter") : null;
    String nat = route.clientNationalities().pick(rnd);
    String gender = "sexual".equals(exploitation) ? (rnd.nextDouble() < 0.95 ? "female" : "male")
        : rnd.nextDouble() < 0.72 ? "male" : "female";
    String pid = network + "-P" + (counter[0]++);
    int age = rnd.nextDouble() < 0.06 ? 14 + rnd.nextInt(4) : 18 + rnd.nextInt(28);
    LocalDate birth = EPOCH.plusYears(2).minusYears(age).minusDays(rnd.nextInt(365));
    String phoneCountry = rnd.nextDouble() < 0.7 ? nat : route.base().get(0).country();
    List<Phone> phones = List.of(phone(network, counter, phoneCountry));
    boolean japan = route.id().equals("japan");
    Passport passport = null;
    if (japan || rnd.nextDouble() < 0.6) {
      boolean forged = japan ? rnd.nextDouble() < 0.45 : rnd.nextDouble() < 0.08;
      passport = passport(rnd, network, counter, nat, birth, gender, forged);
    }
    Address address = !keepers.isEmpty() && rnd.nextDouble() < 0.6 ? keepers.get(rnd.nextInt(keepers.size())).address() : null;
    List<Account> accounts = new ArrayList<>();
    if (rnd.nextDouble() < 0.12) accounts.add(iban(rnd, network, counter, IBAN_COUNTRIES.get(rnd.nextInt(IBAN_COUNTRIES.size()))));
    if (rnd.nextDouble() < 0.08) accounts.add(new Account(network + "-W" + (counter[0]++), "wallet", ids.wallet(rnd)));
    Culture culture = names.culture(routes.culture(nat));
    return new Person(pid, victim ? Kind.VICTIM : Kind.CLIENT, null, forced, exploitation, nat, gender, birth,
        given(rnd, culture, gender), culture.family().get(rnd.nextInt(culture.family().size())), phones, passport, address,
        List.copyOf(accounts), null);
  }

  private static Name given(SplittableRandom rnd, Culture c, String gender) {
    List<Name> pool = gender.equals("female") && !c.female().isEmpty() ? c.female() : c.male();
    return pool.get(rnd.nextInt(pool.size()));
  }

  private Passport passport(SplittableRandom rnd, String network, int[] counter, String country, LocalDate birth,
      String gender, boolean forged) {
    String number = ids.passport(country);
    LocalDate expiry = EPOCH.plusYears(1 + rnd.nextInt(8)).plusDays(rnd.nextInt(365));
    return new Passport(network + "-D" + (counter[0]++), number, country, expiry, forged,
        Identifiers.mrz(number, country, birth, gender, expiry, forged));
  }

  private Account iban(SplittableRandom rnd, String network, int[] counter, String country) {
    String c = country != null && IBAN_COUNTRIES.contains(country) ? country : IBAN_COUNTRIES.get(rnd.nextInt(5));
    return new Account(network + "-A" + (counter[0]++), "iban", ids.iban(c, rnd));
  }

  private Vehicle vehicle(String network, int[] counter, String country) {
    return new Vehicle(network + "-V" + (counter[0]++), ids.plate(country), country);
  }

  private static String vehicleCountry(SplittableRandom rnd, Route route) {
    List<String> c = switch (route.id()) {
      case "balkan" -> List.of("tr", "rs", "gr", "de");
      case "channel" -> List.of("fr", "gb", "be");
      case "darien" -> List.of("mx", "us", "pa");
      case "japan" -> List.of("jp");
      default -> List.of("it", "fr", "de");
    };
    return c.get(rnd.nextInt(c.size()));
  }

  private Address address(SplittableRandom rnd, String network, int[] counter, Route route) {
    Routes.Place city = route.base().get(rnd.nextInt(route.base().size()));
    String street = STREETS.getOrDefault(city.country(), "Main Street");
    return new Address(network + "-H" + (counter[0]++), street + " " + (1 + rnd.nextInt(180)) + ", " + city.name(), city.country());
  }

  /** Cells under lieutenants, tied to the organisers; money handlers and brokers bridge cells. */
  private static List<Tie> ties(SplittableRandom rnd, List<Person> members) {
    List<Tie> ties = new ArrayList<>();
    List<Person> organisers = members.stream().filter(m -> m.role().equals("organiser")).toList();
    List<Person> lieutenants = new ArrayList<>();
    for (Person m : members) {
      if ((m.role().equals("recruiter") || m.role().equals("transporter")) && lieutenants.size() < 2 + members.size() / 12) {
        lieutenants.add(m);
      }
    }
    Person boss = organisers.get(0);
    for (int i = 1; i < organisers.size(); i++) ties.add(new Tie(boss, organisers.get(i)));
    for (Person l : lieutenants) ties.add(new Tie(organisers.get(rnd.nextInt(organisers.size())), l));
    Map<Person, List<Person>> cells = new LinkedHashMap<>();
    lieutenants.forEach(l -> cells.put(l, new ArrayList<>()));
    for (Person m : members) {
      if (organisers.contains(m) || lieutenants.contains(m)) continue;
      switch (m.role()) {
        case "moneyHandler", "documentForger" -> {
          ties.add(new Tie(boss, m));
          if (!lieutenants.isEmpty()) ties.add(new Tie(m, lieutenants.get(rnd.nextInt(lieutenants.size()))));
        }
        case "broker", "exploiter" -> {
          ties.add(new Tie(organisers.get(organisers.size() - 1), m));
          if (lieutenants.size() > 1) ties.add(new Tie(m, lieutenants.get(lieutenants.size() - 1)));
        }
        default -> {
          Person l = lieutenants.isEmpty() ? boss : lieutenants.get(rnd.nextInt(lieutenants.size()));
          List<Person> cell = cells.computeIfAbsent(l, k -> new ArrayList<>());
          ties.add(new Tie(l, m));
          if (!cell.isEmpty() && rnd.nextDouble() < 0.4) ties.add(new Tie(m, cell.get(rnd.nextInt(cell.size()))));
          cell.add(m);
        }
      }
    }
    return ties;
  }

  private void journeys(SplittableRandom rnd, Events ev, Route route, LocalDate start, LocalDate end,
      List<Person> members, List<Person> clients, List<Vessel> vessels) {
    long span = Math.max(1, end.toEpochDay() - start.toEpochDay() - 30);
    Map<Hop, BoatBuilder> open = new LinkedHashMap<>();
    List<Person> pilots = byRole(members, "boatPilot", "transporter");
    List<Person> drivers = byRole(members, "transporter", "recruiter");
    List<Person> airBrokers = byRole(members, "broker", "recruiter");
    List<Person> handlers = byRole(members, "moneyHandler", "organiser");
    List<Person> organisers = byRole(members, "organiser", "organiser");
    List<BoatBuilder> built = new ArrayList<>();
    for (Person client : clients) {
      Path path = pathsFor(route, client.nationality()).pick(rnd);
      List<Hop> hops = path.hops();
      int seaAt = -1;
      for (int h = 0; h < hops.size(); h++) if (hops.get(h).bySea()) seaAt = h;
      LocalDate anchor = start.plusDays(rnd.nextInt((int) span));
      BoatBuilder boat = null;
      if (seaAt >= 0) {
        Hop sea = hops.get(seaAt);
        boat = open.get(sea);
        if (boat == null || boat.onBoard.size() >= boat.capacity) {
          boat = newBoat(rnd, ev, route, sea, anchor, pilots, vessels);
          open.put(sea, boat);
          built.add(boat);
        }
        boat.onBoard.add(client);
        if (client.forcedRole() != null && "boatPilot".equals(client.forcedRole()) && boat.pilot.member()) boat.pilot = client;
        anchor = boat.date;
      }
      int from = 0;
      int to = hops.size();
      if (boat != null && boat.stopsJourney) to = seaAt + 1;
      int pivot = Math.max(0, seaAt);
      for (int h = from; h < to; h++) {
        Hop hop = hops.get(h);
        LocalDate date = anchor.plusDays((long) (h - pivot) * (2 + rnd.nextInt(9)));
        if (hop.mode().equals("ferry")) continue;
        Person facilitator = switch (hop.mode()) {
          case "boat" -> pilots.get(rnd.nextInt(pilots.size()));
          case "air" -> airBrokers.get(rnd.nextInt(airBrokers.size()));
          default -> drivers.get(rnd.nextInt(drivers.size()));
        };
        Vehicle vehicle = (hop.mode().equals("car") || hop.mode().equals("lorry")) ? facilitator.vehicle() : null;
        long price = price(rnd, route, hop);
        String currency = currency(route, hop);
        String method = method(rnd, route);
        Leg leg = new Leg(ev.id("L", ev.legs.size()), client, facilitator, hop, date, price, currency, method, vehicle);
        ev.legs.add(leg);
        if (!method.equals("cash")) payment(rnd, ev, leg, handlers, organisers);
        // Entries into a destination country are recorded: by land at the crossing point, by sea when
        // the boat landed (disembarkation is registered at the landing place).
        boolean landed = !hop.bySea() || (boat != null && !boat.stopsJourney);
        if (hop.crossesBorder() && ENTRY_RECORDED.contains(hop.to().country()) && landed) {
          boolean irregular = !hop.mode().equals("air") || client.passport() == null || client.passport().forged();
          ev.crossings.add(new World.Crossing(ev.id("X", ev.crossings.size()), client, hop, date, vehicle, irregular));
        }
      }
    }
    for (BoatBuilder b : built) {
      ev.trips.add(new BoatTrip(b.id, b.hop, b.date, b.vessel, b.pilot, List.copyOf(b.onBoard), b.interceptedBy, b.geo, b.frontex));
    }
  }

  private final Map<String, Weighted<Path>> pathsByNationality = new java.util.HashMap<>();

  /** The route's paths that clients of a nationality take (all paths when none is meant for them). */
  private Weighted<Path> pathsFor(Route route, String nationality) {
    return pathsByNationality.computeIfAbsent(route.id() + ":" + nationality, k -> {
      Map<Path, Double> w = new LinkedHashMap<>();
      for (Path p : route.paths().items()) if (p.takes(nationality)) w.put(p, p.weight());
      return w.isEmpty() ? route.paths() : Weighted.of(w);
    });
  }

  private static List<Person> byRole(List<Person> members, String role, String fallback) {
    List<Person> l = members.stream().filter(m -> m.role().equals(role)).toList();
    if (l.isEmpty()) l = members.stream().filter(m -> m.role().equals(fallback)).toList();
    return l.isEmpty() ? members : l;
  }

  private static final class BoatBuilder {
    String id;
    Hop hop;
    LocalDate date;
    Vessel vessel;
    Person pilot;
    int capacity;
    String interceptedBy;
    String geo;
    boolean frontex;
    boolean stopsJourney;
    final List<Person> onBoard = new ArrayList<>();
  }

  private BoatBuilder newBoat(SplittableRandom rnd, Events ev, Route route, Hop sea, LocalDate date, List<Person> pilots,
      List<Vessel> vessels) {
    BoatBuilder b = new BoatBuilder();
    b.id = ev.id("B", vessels.size());
    b.hop = sea;
    b.date = date;
    b.pilot = pilots.get(rnd.nextInt(pilots.size()));
    boolean registered = route.id().equals("cmed") && rnd.nextDouble() < 0.2;
    String evId = ev.network + "-S" + vessels.size();
    Vessel v;
    if (registered) {
      String flag = List.of("ly", "eg", "tg", "sl", "tn").get(rnd.nextInt(5));
      v = new Vessel(evId, List.of("Al Ameen", "Nour", "Salam", "Al Baraka", "Mabrouka", "Al Hadi", "Sidi Bilal").get(rnd.nextInt(7))
          + " " + (1 + rnd.nextInt(30)), "fishing", ids.imo(), ids.mmsi(flag), flag);
      b.capacity = 150 + rnd.nextInt(300);
    } else {
      String type = route.id().equals("channel") || route.id().equals("balkan") || rnd.nextBoolean() ? "dinghy" : "fibreglass";
      v = new Vessel(evId, (type.equals("dinghy") ? "Rubber dinghy " : "Fibreglass boat ") + (7 + rnd.nextInt(8)) + " m", type,
          null, null, null);
      b.capacity = route.id().equals("darien") ? 12 + rnd.nextInt(15) : 30 + rnd.nextInt(40);
    }
    vessels.add(v);
    b.vessel = v;
    double p = switch (route.id()) {
      case "cmed" -> 0.55;
      case "channel" -> 0.5;
      case "balkan" -> 0.45;
      default -> 0.0;
    };
    if (rnd.nextDouble() < p) {
      boolean departureSide = rnd.nextDouble() < (route.id().equals("cmed") ? 0.4 : 0.35);
      b.interceptedBy = departureSide ? sea.from().country() : sea.to().country();
      b.stopsJourney = departureSide;
      double f = departureSide ? 0.05 + rnd.nextDouble() * 0.25 : 0.7 + rnd.nextDouble() * 0.28;
      double lat = sea.from().lat() + (sea.to().lat() - sea.from().lat()) * f + (rnd.nextDouble() - 0.5) * 0.05;
      double lon = sea.from().lon() + (sea.to().lon() - sea.from().lon()) * f + (rnd.nextDouble() - 0.5) * 0.05;
      b.geo = String.format(java.util.Locale.ROOT, "%.5f,%.5f", lat, lon);
    }
    b.frontex = (route.id().equals("cmed") || route.id().equals("balkan")) && rnd.nextDouble() < 0.35;
    if (b.frontex && b.geo == null) {
      double lat = (sea.from().lat() + sea.to().lat()) / 2 + (rnd.nextDouble() - 0.5) * 0.1;
      double lon = (sea.from().lon() + sea.to().lon()) / 2 + (rnd.nextDouble() - 0.5) * 0.1;
      b.geo = String.format(java.util.Locale.ROOT, "%.5f,%.5f", lat, lon);
    }
    return b;
  }

  private static long price(SplittableRandom rnd, Route route, Hop hop) {
    int[] range = switch (hop.mode()) {
      case "boat" -> route.id().equals("darien") ? new int[] {100, 300} : new int[] {1500, 5000};
      case "lorry" -> new int[] {1500, 6000};
      case "air" -> new int[] {4000, 12000};
      case "car" -> new int[] {300, 1500};
      case "foot" -> new int[] {100, 600};
      default -> new int[] {50, 400};
    };
    long p = range[0] + rnd.nextInt(range[1] - range[0]);
    return p / 50 * 50;
  }

  private static String currency(Route route, Hop hop) {
    return switch (route.id()) {
      case "cmed" -> List.of("ly", "ne", "tn").contains(hop.from().country()) ? "USD" : "EUR";
      case "channel" -> hop.to().country().equals("gb") ? "GBP" : "EUR";
      case "darien", "japan" -> "USD";
      default -> "EUR";
    };
  }

  private static String method(SplittableRandom rnd, Route route) {
    Map<String, Integer> w = switch (route.id()) {
      case "cmed" -> Map.of("hawala", 50, "mto", 25, "cash", 20, "bank", 5);
      case "balkan" -> Map.of("hawala", 60, "mto", 15, "cash", 20, "crypto", 5);
      case "channel" -> Map.of("hawala", 40, "bank", 20, "crypto", 10, "cash", 30);
      case "darien" -> Map.of("mto", 50, "cash", 30, "crypto", 20);
      default -> Map.of("bank", 60, "crypto", 20, "mto", 20);
    };
    return Weighted.of(new java.util.TreeMap<>(w)).pick(rnd);
  }

  private void payment(SplittableRandom rnd, Events ev, Leg leg, List<Person> handlers, List<Person> organisers) {
    Person payer = leg.client();
    Person beneficiary;
    World.Account from = null;
    World.Account to = null;
    switch (leg.method()) {
      case "bank" -> {
        beneficiary = withAccount(handlers, organisers, "iban", rnd);
        from = payer.accounts().stream().filter(a -> a.kind().equals("iban")).findFirst().orElse(null);
        to = beneficiary.accounts().stream().filter(a -> a.kind().equals("iban")).findFirst().orElse(null);
      }
      case "crypto" -> {
        beneficiary = withAccount(handlers, organisers, "wallet", rnd);
        from = payer.accounts().stream().filter(a -> a.kind().equals("wallet")).findFirst().orElse(null);
        to = beneficiary.accounts().stream().filter(a -> a.kind().equals("wallet")).findFirst().orElse(null);
      }
      default -> beneficiary = handlers.get(rnd.nextInt(handlers.size()));
    }
    ev.payments.add(new Payment(ev.id("M", ev.payments.size()), payer, beneficiary, leg.date().minusDays(1 + rnd.nextInt(5)),
        leg.price(), leg.currency(), leg.method(), from, to));
  }

  private static Person withAccount(List<Person> handlers, List<Person> organisers, String kind, SplittableRandom rnd) {
    List<Person> pool = new ArrayList<>(handlers);
    pool.addAll(organisers);
    List<Person> with = pool.stream().filter(p -> p.accounts().stream().anyMatch(a -> a.kind().equals(kind))).toList();
    return with.isEmpty() ? pool.get(rnd.nextInt(pool.size())) : with.get(rnd.nextInt(with.size()));
  }

  private void memberPayments(SplittableRandom rnd, Events ev, Route route, LocalDate start, LocalDate end, List<Person> members) {
    List<Person> payers = byRole(members, "moneyHandler", "organiser");
    long span = Math.max(1, end.toEpochDay() - start.toEpochDay());
    for (Person m : members) {
      if (m.role().equals("organiser") || m.role().equals("moneyHandler")) continue;
      int n = rnd.nextInt(4);
      for (int i = 0; i < n; i++) {
        Person payer = payers.get(rnd.nextInt(payers.size()));
        boolean bank = rnd.nextDouble() < 0.3;
        World.Account from = bank ? payer.accounts().stream().filter(a -> a.kind().equals("iban")).findFirst().orElse(null) : null;
        World.Account to = bank ? m.accounts().stream().filter(a -> a.kind().equals("iban")).findFirst().orElse(null) : null;
        String currency = route.id().equals("darien") || route.id().equals("japan") ? "USD" : "EUR";
        ev.payments.add(new Payment(ev.id("M", ev.payments.size()), payer, m, start.plusDays(rnd.nextLong(span)),
            (200 + rnd.nextInt(40) * 50L), currency, bank && from != null && to != null ? "bank" : "hawala", from, to));
      }
    }
  }

  private void calls(SplittableRandom rnd, Events ev, LocalDate start, LocalDate end, List<Person> members,
      List<Person> clients, List<Tie> ties) {
    long span = Math.max(1, end.toEpochDay() - start.toEpochDay());
    for (Tie t : ties) {
      int n = 2 + rnd.nextInt(9);
      for (int i = 0; i < n; i++) {
        boolean forward = rnd.nextBoolean();
        Person a = forward ? t.a() : t.b();
        Person b = forward ? t.b() : t.a();
        call(rnd, ev, a, b, start.plusDays(rnd.nextLong(span)), start, end);
      }
    }
    List<Person> recruiters = byRole(members, "recruiter", "organiser");
    for (Person c : clients) {
      if (rnd.nextDouble() < 0.5) call(rnd, ev, c, recruiters.get(rnd.nextInt(recruiters.size())), start.plusDays(rnd.nextLong(span)), start, end);
    }
  }

  private static void call(SplittableRandom rnd, Events ev, Person a, Person b, LocalDate day, LocalDate start, LocalDate end) {
    LocalDateTime at = day.atTime(rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60));
    Phone pa = a.phoneOn(day, start, end);
    Phone pb = b.phoneOn(day, start, end);
    if (pa.equals(pb)) return;
    ev.calls.add(new Call(ev.id("C", ev.calls.size()), a, pa, b, pb, at, 5 + rnd.nextInt(rnd.nextDouble() < 0.8 ? 180 : 1800)));
  }
}
