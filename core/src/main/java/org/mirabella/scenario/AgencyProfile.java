package org.mirabella.scenario;

import static org.mirabella.scenario.Resources.list;
import static org.mirabella.scenario.Resources.map;
import static org.mirabella.scenario.Resources.number;
import static org.mirabella.scenario.Resources.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one agency sees the scenario and writes it down, from {@code scenario/agency-profiles.yaml}:
 * which routes and what share of their people it holds, its export format, language, romanisation
 * and noise. See that file for the meaning of each field.
 */
public record AgencyProfile(String code, String caseRef, String prefix, String refFormat, Format format,
    String dateFormat, String monthFormat, String dateTimeFormat, boolean decimalComma, String labels, String values,
    String style, String upper, boolean fullName, Map<String, Double> scripts, boolean roleAsText, List<String> routes,
    Share share, boolean organisersOnly, boolean transit, Noise noise, List<String> tables, List<String> seaCountries,
    List<String> entryCountries, String authority, String charges, String currency) {

  /** File format: csv (delimiter, encoding, BOM), jsonl or xlsx (sheet name). */
  public record Format(String type, String delimiter, String encoding, boolean bom, String sheet) {}

  /** The chance that the agency holds a member, a client, a victim of a network on its routes. */
  public record Share(double members, double clients, double victims) {}

  /** Rates of each kind of noise, per record. */
  public record Noise(double variant, double typo, double swap, double dobMissing, double dobPartial, double bad) {}

  private static volatile List<AgencyProfile> all;

  /** All profiles, in file order. */
  public static List<AgencyProfile> all() {
    if (all == null) {
      synchronized (AgencyProfile.class) {
        if (all == null) all = load();
      }
    }
    return all;
  }

  public static AgencyProfile of(String code) {
    return all().stream().filter(p -> p.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no profile for agency " + code));
  }

  public boolean has(String table) {
    return tables.contains(table);
  }

  private static List<AgencyProfile> load() {
    List<AgencyProfile> out = new ArrayList<>();
    Resources.yaml("agency-profiles.yaml").forEach((code, v) -> {
      Map<String, Object> p = map(v);
      Map<String, Object> f = map(p.get("format"));
      Map<String, Object> s = map(p.get("share"));
      Map<String, Object> n = map(p.get("noise"));
      Map<String, Double> scripts = new LinkedHashMap<>();
      map(p.get("scripts")).forEach((k, x) -> scripts.put(k, ((Number) x).doubleValue()));
      out.add(new AgencyProfile(code, string(p.get("case"), code), string(p.get("prefix"), code.toLowerCase()),
          string(p.get("ref"), code + "-%06d"),
          new Format(string(f.get("type"), "csv"), string(f.get("delimiter"), ","), string(f.get("encoding"), "UTF-8"),
              Boolean.TRUE.equals(f.get("bom")), string(f.get("sheet"), null)),
          string(p.get("dateFormat"), "yyyy-MM-dd"), string(p.get("monthFormat"), "yyyy-MM"),
          string(p.get("dateTimeFormat"), "yyyy-MM-dd HH:mm:ss"), Boolean.TRUE.equals(p.get("decimalComma")),
          string(p.get("labels"), "en"), string(p.get("values"), "en"), string(p.get("style"), "en"),
          string(p.get("upper"), "none"), Boolean.TRUE.equals(p.get("fullName")), java.util.Collections.unmodifiableMap(scripts),
          Boolean.TRUE.equals(p.get("roleAsText")), strings(p.get("routes")),
          new Share(number(s.get("members"), 0), number(s.get("clients"), 0), number(s.get("victims"), 0)),
          Boolean.TRUE.equals(p.get("organisersOnly")), Boolean.TRUE.equals(p.get("transit")),
          new Noise(number(n.get("variant"), 0), number(n.get("typo"), 0), number(n.get("swap"), 0),
              number(n.get("dobMissing"), 0), number(n.get("dobPartial"), 0), number(n.get("bad"), 0)),
          strings(p.get("tables")), strings(p.get("seaCountries")), strings(p.get("entryCountries")),
          string(p.get("authority"), code), string(p.get("charges"), "migrant smuggling"), string(p.get("currency"), "EUR")));
    });
    return List.copyOf(out);
  }

  private static List<String> strings(Object o) {
    return list(o).stream().map(String::valueOf).toList();
  }
}
