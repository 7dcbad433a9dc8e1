package org.mirabella.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mirabella.agency.Agencies;
import org.mirabella.agency.Tier;

/**
 * The tables an agency exports (persons, calls, payments, interceptions, journeys, crossings): their
 * logical fields in column order, and the import mapping for each in the format of
 * docs/import-mapping.md, written with the agency's own column names and formats.
 */
public final class Tables {
  public static final List<String> ALL = List.of("persons", "calls", "payments", "interceptions", "journeys", "crossings");

  private Tables() {}

  /** The logical fields of a table for an agency, in column order. */
  public static List<String> fields(String table, AgencyProfile p) {
    return switch (table) {
      case "persons" -> {
        List<String> f = new ArrayList<>(List.of("ref"));
        if (p.fullName()) f.add("fullname");
        else f.addAll(List.of("surname", "given"));
        f.addAll(List.of("birth", "nationality", "gender", "phone", "passport", "passport_country", "address", "category",
            "role", "operation", "exploitation", "arrest_date", "charges", "arrest_place", "arrest_country"));
        if (p.has("interceptions")) f.add("interception");
        yield List.copyOf(f);
      }
      case "calls" -> List.of("call_id", "caller", "callee", "start", "duration");
      case "payments" -> List.of("payment_id", "date", "amount", "currency", "method", "payer_ref", "payer_name", "payer_iban",
          "payer_wallet", "beneficiary_ref", "beneficiary_name", "beneficiary_iban", "beneficiary_wallet");
      case "interceptions" -> List.of("interception", "date", "place", "lat", "lon", "vessel_ref", "vessel_name", "vessel_type",
          "imo", "mmsi", "flag", "on_board", "authority");
      case "journeys" -> List.of("leg_id", "client_ref", "client_name", "facilitator_ref", "facilitator_name", "from",
          "from_country", "to", "to_country", "from_lat", "from_lon", "to_lat", "to_lon", "date", "mode", "price", "currency",
          "method", "plate");
      case "crossings" -> List.of("crossing_id", "person_ref", "surname", "given", "birth", "nationality", "passport",
          "passport_country", "mrz", "date", "point", "lat", "lon", "country_in", "country_out", "direction", "irregular", "plate");
      default -> throw new IllegalArgumentException("unknown table " + table);
    };
  }

  /** The column names of a table for an agency. */
  public static List<String> header(String table, AgencyProfile p) {
    Vocabulary v = Vocabulary.get();
    return fields(table, p).stream().map(f -> v.label(p.labels(), f)).toList();
  }

  /** File name of a table's export ({@code it-sco-persons.csv}). */
  public static String fileName(String table, AgencyProfile p) {
    return p.prefix() + "-" + table + "." + p.format().type();
  }

  /** The import mapping of a table, as a YAML-ready tree in the order of docs/import-mapping.md. */
  public static Map<String, Object> mapping(String table, AgencyProfile p) {
    Vocabulary voc = Vocabulary.get();
    String country = Agencies.get().require(p.code()).country();
    Tier tier = Agencies.get().require(p.code()).tier();
    L c = f -> voc.label(p.labels(), f);
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("format", p.format().type());
    if (p.format().type().equals("csv")) {
      source.put("delimiter", p.format().delimiter());
      source.put("quote", "\"");
      source.put("encoding", p.format().encoding());
    }
    if (p.format().type().equals("xlsx") && p.format().sheet() != null) source.put("sheet", sheet(table, p));
    source.put("dateFormats", List.of(p.dateFormat(), p.monthFormat(), "yyyy"));
    if (p.decimalComma()) source.put("decimalComma", true);
    m.put("source", source);
    Map<String, Object> prov = new LinkedHashMap<>();
    prov.put("category", table.equals("persons") ? props("column", c.l("category"), "map", voc.words(p.values(), "category"))
        : "suspect");
    prov.put("handling", tier == Tier.G7 ? "H2" : tier == Tier.PARTNER ? "H1" : "H0");
    prov.put("grade", tier == Tier.G7 ? "B2" : tier == Tier.PARTNER ? "C3" : "B3");
    m.put("provenance", prov);
    Map<String, Object> e = new LinkedHashMap<>();
    switch (table) {
      case "persons" -> persons(e, p, c, country);
      case "calls" -> e.put("call", entity("Call", List.of(c.l("call_id")), null, props(
          "callerNumber", col(c.l("caller")), "receiverNumber", col(c.l("callee")),
          "startDate", props("column", c.l("start"), "format", p.dateTimeFormat()), "duration", col(c.l("duration")))));
      case "payments" -> payments(e, c);
      case "interceptions" -> interceptions(e, p, c, country);
      case "journeys" -> journeys(e, c);
      case "crossings" -> crossings(e, p, c, country);
      default -> throw new IllegalArgumentException(table);
    }
    m.put("entities", e);
    return m;
  }

  /** The XLSX sheet of a table: the profile's sheet name for persons, the table name otherwise. */
  public static String sheet(String table, AgencyProfile p) {
    return table.equals("persons") && p.format().sheet() != null ? p.format().sheet() : table;
  }

  @FunctionalInterface
  private interface L {
    String l(String field);
  }

  private static void persons(Map<String, Object> e, AgencyProfile p, L c, String country) {
    Map<String, Object> person = props();
    if (p.fullName()) person.put("name", col(c.l("fullname")));
    else {
      person.put("name", Map.of("template", "{" + c.l("given") + "} {" + c.l("surname") + "}"));
      person.put("firstName", col(c.l("given")));
      person.put("lastName", col(c.l("surname")));
    }
    person.put("birthDate", col(c.l("birth")));
    person.put("nationality", col(c.l("nationality")));
    person.put("gender", col(c.l("gender")));
    person.put("phone", col(c.l("phone")));
    person.put("passportNumber", col(c.l("passport")));
    person.put("address", col(c.l("address")));
    person.put("country", Map.of("literal", country));
    if (p.roleAsText()) person.put("position", col(c.l("role")));
    e.put("person", entity("Person", List.of(c.l("ref")), null, person));
    e.put("phone", entity("UserAccount", List.of(c.l("phone")), null, props("number", col(c.l("phone")),
        "username", col(c.l("phone")), "country", Map.of("literal", country), "owner", ref("person"))));
    e.put("passport", entity("Passport", List.of(c.l("passport")), null, props("number", col(c.l("passport")),
        "passportNumber", col(c.l("passport")), "country", col(c.l("passport_country")), "holder", ref("person"))));
    e.put("network", entity("Organization", List.of(c.l("operation")), null, props("name", col(c.l("operation")))));
    if (!p.roleAsText()) {
      e.put("role", entity("NetworkRole", List.of(c.l("ref"), c.l("role")), List.of(c.l("role")), props(
          "person", ref("person"), "network", ref("network"), "role", col(c.l("role")))));
    }
    Map<String, Object> victim = entity("VictimReport", List.of(c.l("ref"), c.l("exploitation")), List.of(c.l("exploitation")),
        props("victim", ref("person"), "exploitationType", col(c.l("exploitation"))));
    victim.put("category", "victim");
    e.put("victimReport", victim);
    e.put("arrest", entity("Arrest", List.of(c.l("ref"), c.l("arrest_date")), List.of(c.l("arrest_date")), props(
        "name", Map.of("template", "Arrest {" + c.l("ref") + "}"), "person", ref("person"), "date", col(c.l("arrest_date")),
        "charges", col(c.l("charges")), "agency", Map.of("literal", p.code()), "location", col(c.l("arrest_place")),
        "country", col(c.l("arrest_country")))));
    if (p.has("interceptions")) {
      e.put("interception", entity("Interception", List.of(c.l("interception")), List.of(c.l("interception")), props(
          "name", Map.of("template", "{" + c.l("interception") + "}"), "onBoard", ref("person"))));
    }
  }

  private static void payments(Map<String, Object> e, L c) {
    e.put("payment", entity("Payment", List.of(c.l("payment_id")), null, props("payer", ref("payer"),
        "beneficiary", ref("beneficiary"), "payerAccount", ref("payerAccount"), "beneficiaryAccount", ref("beneficiaryAccount"),
        "amount", col(c.l("amount")), "currency", col(c.l("currency")), "date", col(c.l("date")), "purpose", col(c.l("method")))));
    for (String side : List.of("payer", "beneficiary")) {
      e.put(side, entity("Person", List.of(c.l(side + "_ref")), null, props("name", col(c.l(side + "_name")))));
      e.put(side + "Account", entity("BankAccount", List.of(c.l(side + "_iban")), null, props("name", col(c.l(side + "_iban")),
          "iban", col(c.l(side + "_iban")))));
      e.put(side + "Wallet", entity("CryptoWallet", List.of(c.l(side + "_wallet")), null, props("name", col(c.l(side + "_wallet")),
          "publicKey", col(c.l(side + "_wallet")), "holder", ref(side))));
    }
  }

  private static void interceptions(Map<String, Object> e, AgencyProfile p, L c, String country) {
    e.put("interception", entity("Interception", List.of(c.l("interception")), null, props(
        "name", Map.of("template", "{" + c.l("interception") + "}"), "date", col(c.l("date")), "location", col(c.l("place")),
        "geo", Map.of("template", "{" + c.l("lat") + "},{" + c.l("lon") + "}"), "vessel", ref("vessel"),
        "personsOnBoard", col(c.l("on_board")), "authority", col(c.l("authority")))));
    e.put("vessel", entity("Vessel", List.of(c.l("vessel_ref")), null, props("name", col(c.l("vessel_name")),
        "type", col(c.l("vessel_type")), "imoNumber", col(c.l("imo")), "mmsi", col(c.l("mmsi")), "flag", col(c.l("flag")))));
  }

  private static void journeys(Map<String, Object> e, L c) {
    e.put("service", entity("SmugglingService", List.of(c.l("leg_id")), null, props("client", ref("client"),
        "facilitator", ref("facilitator"), "fromPlace", col(c.l("from")), "fromCountry", col(c.l("from_country")),
        "toPlace", col(c.l("to")), "toCountry", col(c.l("to_country")),
        "fromGeo", Map.of("template", "{" + c.l("from_lat") + "},{" + c.l("from_lon") + "}"),
        "toGeo", Map.of("template", "{" + c.l("to_lat") + "},{" + c.l("to_lon") + "}"), "date", col(c.l("date")), "mode", col(c.l("mode")),
        "price", col(c.l("price")), "currency", col(c.l("currency")), "paymentMethod", col(c.l("method")),
        "vehicle", ref("vehicle"))));
    Map<String, Object> client = entity("Person", List.of(c.l("client_ref")), null, props("name", col(c.l("client_name"))));
    client.put("category", "witness");
    e.put("client", client);
    e.put("facilitator", entity("Person", List.of(c.l("facilitator_ref")), null, props("name", col(c.l("facilitator_name")))));
    e.put("vehicle", entity("Vehicle", List.of(c.l("plate")), null, props("name", col(c.l("plate")),
        "registrationNumber", col(c.l("plate")))));
  }

  private static void crossings(Map<String, Object> e, AgencyProfile p, L c, String country) {
    e.put("crossing", entity("BorderCrossing", List.of(c.l("crossing_id")), null, props(
        "name", Map.of("template", "{" + c.l("crossing_id") + "}"), "person", ref("person"), "date", col(c.l("date")),
        "crossingPoint", col(c.l("point")), "geo", Map.of("template", "{" + c.l("lat") + "},{" + c.l("lon") + "}"),
        "crossingPointCountry", col(c.l("country_in")),
        "fromCountry", col(c.l("country_out")), "direction", col(c.l("direction")), "irregular", col(c.l("irregular")),
        "document", ref("passport"), "vehicle", ref("vehicle"))));
    Map<String, Object> person = entity("Person", List.of(c.l("person_ref")), null, props(
        "name", Map.of("template", "{" + c.l("given") + "} {" + c.l("surname") + "}"), "firstName", col(c.l("given")),
        "lastName", col(c.l("surname")), "birthDate", col(c.l("birth")), "nationality", col(c.l("nationality")),
        "passportNumber", col(c.l("passport"))));
    person.put("category", "contact");
    e.put("person", person);
    e.put("passport", entity("Passport", List.of(c.l("passport")), null, props("number", col(c.l("passport")),
        "passportNumber", col(c.l("passport")), "country", col(c.l("passport_country")), "summary", col(c.l("mrz")),
        "holder", ref("person"))));
    e.put("vehicle", entity("Vehicle", List.of(c.l("plate")), null, props("name", col(c.l("plate")),
        "registrationNumber", col(c.l("plate")))));
  }

  private static Map<String, Object> entity(String schema, List<String> keys, List<String> required, Map<String, Object> props) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", schema);
    m.put("keys", keys);
    if (required != null) m.put("required", required);
    m.put("properties", props);
    return m;
  }

  private static Map<String, Object> props(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  private static Map<String, Object> col(String column) {
    return Map.of("column", column);
  }

  private static Map<String, Object> ref(String entity) {
    return Map.of("entity", entity);
  }
}
