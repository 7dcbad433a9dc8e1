package org.mirabella.routes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.types.Cleaned;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.report.Period;
import org.mirabella.store.EntityStore;

/**
 * Demo route data for 2025-Q2 and 2025-Q3: journey legs on the Central Mediterranean, Balkan,
 * Channel and Americas routes, with border crossings, interceptions, arrests and safe-house stays,
 * and two networks with their members' roles, each owned by the agency that would hold it. Deterministic (fixed seed, stable ids), so loading
 * twice adds nothing. Additional data beside the synthetic case file, which now supplies the routes
 * themselves (every agency's journey legs, crossings, interceptions and arrests with places): these
 * records are kept because the demo's joint action days name their facilitators as targets. Their
 * places have no coordinates; the map finds them in the {@link Gazetteer}.
 */
public final class DemoRoutes {
  private DemoRoutes() {}

  private record LegSpec(String agency, String caseRef, String from, String fromCountry, String to, String toCountry, String mode,
      int price, String currency, int q2, int q3) {}

  private static final List<LegSpec> LEGS = List.of(
      new LegSpec("IT", "IT-SCO-2025-MED", "Agadez", "ne", "Sabha", "ly", "lorry", 700, "USD", 10, 14),
      new LegSpec("IT", "IT-SCO-2025-MED", "Sabha", "ly", "Zuwara", "ly", "car", 500, "USD", 8, 12),
      new LegSpec("IT", "IT-SCO-2025-MED", "Zuwara", "ly", "Lampedusa", "it", "boat", 3500, "EUR", 12, 19),
      new LegSpec("IT", "IT-SCO-2025-MED", "Sfax", "tn", "Lampedusa", "it", "boat", 2000, "EUR", 15, 9),
      new LegSpec("LY", "LY-AIIA-2025-EAST", "Tobruk", "ly", "Crete", "gr", "boat", 4000, "USD", 3, 7),
      new LegSpec("DE", "DE-BKA-2025-BALKAN", "Vlorë", "al", "Brindisi", "it", "boat", 2500, "EUR", 4, 6),
      new LegSpec("DE", "DE-BKA-2025-BALKAN", "Belgrade", "rs", "Vienna", "at", "lorry", 1500, "EUR", 9, 11),
      new LegSpec("FR", "FR-OLTIM-2025-MANCHE", "Dunkirk", "fr", "Dover", "gb", "boat", 1500, "EUR", 14, 21),
      new LegSpec("UK", "UK-NCA-2025-CHANNEL", "Calais", "fr", "Folkestone", "gb", "boat", 1800, "GBP", 7, 8),
      new LegSpec("US", "US-HSI-2025-DARIEN", "Necoclí", "co", "Capurganá", "co", "boat", 400, "USD", 10, 16),
      new LegSpec("US", "US-HSI-2025-DARIEN", "Capurganá", "co", "Bajo Chiquito", "pa", "foot", 300, "USD", 9, 15),
      new LegSpec("US", "US-HSI-2025-DARIEN", "Tapachula", "mx", "Ciudad Juárez", "mx", "bus", 2500, "USD", 6, 10),
      new LegSpec("US", "US-HSI-2025-DARIEN", "Ciudad Juárez", "mx", "El Paso", "us", "foot", 6000, "USD", 5, 8));

  /** Crossing point, from, into, owner, case, per quarter. */
  private static final List<String[]> CROSSINGS = List.of(
      new String[] {"Kapitan Andreevo", "tr", "bg", "DE", "DE-BKA-2025-BALKAN", "6", "9"},
      new String[] {"Ras Ajdir", "tn", "ly", "LY", "LY-AIIA-2025-EAST", "7", "5"},
      new String[] {"Tecún Umán", "gt", "mx", "US", "US-HSI-2025-DARIEN", "8", "12"});

  /** Safe-house town, country, owner, case, stays per quarter. */
  private static final List<String[]> SAFE_HOUSES = List.of(
      new String[] {"Sabratha", "ly", "IT", "IT-SCO-2025-MED", "5", "8"},
      new String[] {"Tapachula", "mx", "US", "US-HSI-2025-DARIEN", "6", "7"},
      new String[] {"Calais", "fr", "FR", "FR-OLTIM-2025-MANCHE", "5", "6"});

  /** The demo cases, with their owner agency. */
  public static Map<String, String> cases() {
    Map<String, String> out = new LinkedHashMap<>();
    LEGS.forEach(l -> out.put(l.caseRef(), l.agency()));
    return out;
  }

  public static List<Entity> entities(Model model) {
    Random rnd = new Random(9);
    List<Entity> out = new ArrayList<>();
    Map<String, List<String>> facilitators = new LinkedHashMap<>();
    for (var c : cases().entrySet()) {
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        Entity f = entity(model, "Person", c.getValue(), c.getKey(), "fac-" + i, SubjectCategory.SUSPECT);
        add(f, "name", "Facilitator " + (char) ('A' + i - 1) + " (" + c.getKey() + ")", c.getValue(), c.getKey());
        out.add(f);
        ids.add(f.id());
      }
      facilitators.put(c.getKey(), ids);
    }
    String[][] networks = {
        {"IT", "IT-SCO-2025-MED", "net-zuwara", "Zuwara boat network", "it-sco-0001:organiser", "it-demo-fac-1:boatPilot",
            "it-demo-fac-2:moneyHandler", "it-demo-fac-3:recruiter"},
        {"US", "US-HSI-2025-DARIEN", "net-necocli", "Necoclí boat service", "us-demo-fac-1:organiser", "us-demo-fac-2:boatPilot",
            "us-demo-fac-3:transporter"}};
    for (String[] net : networks) {
      Entity org = entity(model, "Organization", net[0], net[1], net[2], SubjectCategory.SUSPECT);
      add(org, "name", net[3], net[0], net[1]);
      out.add(org);
      for (int i = 4; i < net.length; i++) {
        String[] member = net[i].split(":");
        Entity role = entity(model, "NetworkRole", net[0], net[1], net[2] + "-role-" + (i - 3), SubjectCategory.SUSPECT);
        add(role, "person", member[0], net[0], net[1]);
        add(role, "network", org.id(), net[0], net[1]);
        add(role, "role", member[1], net[0], net[1]);
        out.add(role);
      }
    }
    int n = 0;
    for (Period q : List.of(Period.parse("2025-Q2"), Period.parse("2025-Q3"))) {
      boolean third = q.label().endsWith("Q3");
      for (LegSpec l : LEGS) {
        for (int i = 0; i < (third ? l.q3() : l.q2()); i++) {
          n++;
          Entity client = entity(model, "Person", l.agency(), l.caseRef(), "client-" + n, SubjectCategory.OTHER);
          add(client, "name", "Migrant " + n, l.agency(), l.caseRef());
          Entity leg = entity(model, "SmugglingService", l.agency(), l.caseRef(), "leg-" + n, SubjectCategory.OTHER);
          add(leg, "client", client.id(), l.agency(), l.caseRef());
          add(leg, "facilitator", facilitators.get(l.caseRef()).get(rnd.nextInt(3)), l.agency(), l.caseRef());
          add(leg, "fromPlace", l.from(), l.agency(), l.caseRef());
          add(leg, "fromCountry", l.fromCountry(), l.agency(), l.caseRef());
          add(leg, "toPlace", l.to(), l.agency(), l.caseRef());
          add(leg, "toCountry", l.toCountry(), l.agency(), l.caseRef());
          add(leg, "mode", l.mode(), l.agency(), l.caseRef());
          add(leg, "date", day(q, rnd).toString(), l.agency(), l.caseRef());
          int price = Math.round(l.price() * (0.8f + 0.4f * rnd.nextFloat()) / 50f) * 50;
          add(leg, "price", BigDecimal.valueOf(price).toPlainString(), l.agency(), l.caseRef());
          add(leg, "currency", l.currency(), l.agency(), l.caseRef());
          add(leg, "paymentMethod", rnd.nextInt(3) == 0 ? "cash" : "hawala", l.agency(), l.caseRef());
          out.add(client);
          out.add(leg);
        }
      }
      for (String[] c : CROSSINGS) {
        for (int i = 0; i < Integer.parseInt(third ? c[6] : c[5]); i++) {
          n++;
          Entity x = entity(model, "BorderCrossing", c[3], c[4], "crossing-" + n, SubjectCategory.OTHER);
          add(x, "crossingPoint", c[0], c[3], c[4]);
          add(x, "fromCountry", c[1], c[3], c[4]);
          add(x, "crossingPointCountry", c[2], c[3], c[4]);
          add(x, "direction", "entry", c[3], c[4]);
          add(x, "irregular", "true", c[3], c[4]);
          add(x, "date", day(q, rnd).toString(), c[3], c[4]);
          out.add(x);
        }
      }
      for (String[] s : SAFE_HOUSES) {
        Entity house = entity(model, "Address", s[2], s[3], "safehouse-" + s[0].toLowerCase(java.util.Locale.ROOT), SubjectCategory.OTHER);
        if (!third) {
          add(house, "full", "Safe house, " + s[0], s[2], s[3]);
          add(house, "city", s[0], s[2], s[3]);
          add(house, "country", s[1], s[2], s[3]);
          out.add(house);
        }
        for (int i = 0; i < Integer.parseInt(third ? s[5] : s[4]); i++) {
          n++;
          Entity stay = entity(model, "SafeHouseUse", s[2], s[3], "stay-" + n, SubjectCategory.OTHER);
          Entity guest = entity(model, "Person", s[2], s[3], "guest-" + n, SubjectCategory.OTHER);
          add(guest, "name", "Guest " + n, s[2], s[3]);
          add(stay, "person", guest.id(), s[2], s[3]);
          add(stay, "safeHouse", house.id(), s[2], s[3]);
          add(stay, "role", "guest", s[2], s[3]);
          add(stay, "startDate", day(q, rnd).toString(), s[2], s[3]);
          out.add(guest);
          out.add(stay);
        }
      }
      String[][] interceptions = {{"IT", "IT-SCO-2025-MED", "off Lampedusa", "it"}, {"FR", "FR-OLTIM-2025-MANCHE", "off Gravelines", "fr"}};
      for (String[] ic : interceptions) {
        for (int i = 0; i < (third ? 7 : 5); i++) {
          n++;
          Entity x = entity(model, "Interception", ic[0], ic[1], "interception-" + n, SubjectCategory.OTHER);
          add(x, "location", ic[2], ic[0], ic[1]);
          add(x, "country", ic[3], ic[0], ic[1]);
          add(x, "personsOnBoard", String.valueOf(20 + rnd.nextInt(60)), ic[0], ic[1]);
          add(x, "date", day(q, rnd).toString(), ic[0], ic[1]);
          out.add(x);
        }
      }
      String[][] arrests = {{"IT", "IT-SCO-2025-MED", "Agrigento", "it"}, {"US", "US-HSI-2025-DARIEN", "El Paso", "us"}};
      for (String[] a : arrests) {
        for (int i = 0; i < (third ? 6 : 4); i++) {
          n++;
          Entity x = entity(model, "Arrest", a[0], a[1], "arrest-" + n, SubjectCategory.OTHER);
          add(x, "person", facilitators.get(a[1]).get(i % 3), a[0], a[1]);
          add(x, "location", a[2], a[0], a[1]);
          add(x, "country", a[3], a[0], a[1]);
          add(x, "charges", "facilitation of irregular entry", a[0], a[1]);
          add(x, "date", day(q, rnd).toString(), a[0], a[1]);
          out.add(x);
        }
      }
    }
    return out;
  }

  /** Loads the demo routes (idempotent). */
  public static EntityStore.WriteSummary load(EntityStore store, Model model) {
    List<Entity> entities = entities(model);
    return store.transaction(w -> {
      for (var c : cases().entrySet()) w.ensureCase(c.getValue(), c.getKey(), "Demo route case " + c.getKey(), LocalDate.of(2025, 1, 10));
      w.write(entities);
    });
  }

  private static Entity entity(Model model, String schema, String agency, String caseRef, String local, SubjectCategory cat) {
    return new Entity(agency.toLowerCase(java.util.Locale.ROOT) + "-demo-" + local, model.require(schema), agency, caseRef, cat,
        LocalDate.of(2026, 12, 31));
  }

  private static void add(Entity e, String prop, String value, String agency, String caseRef) {
    Provenance p = new Provenance(agency, caseRef, HandlingCode.H0, null, new Grading('B', 2), "demo/routes", "demo", null);
    if (e.add(prop, value, p) instanceof Cleaned.Invalid bad) throw new InvalidData("Bad demo data", Map.of(e.id() + " " + prop, bad.reason()));
  }

  private static LocalDate day(Period q, Random rnd) {
    return q.start().plusDays(rnd.nextInt((int) (q.end().toEpochDay() - q.start().toEpochDay() + 1)));
  }
}
