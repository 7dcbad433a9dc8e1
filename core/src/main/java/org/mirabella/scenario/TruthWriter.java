package org.mirabella.scenario;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mirabella.scenario.World.Network;
import org.mirabella.scenario.World.Person;

/**
 * Writes the ground truth beside the agency files, streaming, in {@code truth/}:
 * <ul>
 *   <li>{@code persons.csv}: every true person: cluster id, network, role, kind, true attributes;</li>
 *   <li>{@code networks.csv}: each network, its route and its key players with the largest component
 *       left after each removal; {@code ties.csv}: the true member-to-member ties;</li>
 *   <li>{@code identifiers.csv}: every true phone, passport, account, vessel and vehicle and who holds it;</li>
 *   <li>{@code records.csv}: for every identifying cell of every agency file (file, data row, column),
 *       the kind and true cluster it belongs to, with how the agency recorded it (category, noise);</li>
 *   <li>{@code bad-values.csv}: the values made invalid on purpose, with the reason.</li>
 * </ul>
 */
final class TruthWriter implements Closeable {
  private static final AgencyProfile.Format CSV = new AgencyProfile.Format("csv", ",", "UTF-8", false, null);
  private final TableWriter persons;
  private final TableWriter networks;
  private final TableWriter ties;
  private final TableWriter identifiers;
  private final TableWriter records;
  private final TableWriter bad;

  TruthWriter(Path dir) throws IOException {
    Files.createDirectories(dir);
    persons = new TableWriters.Csv(dir.resolve("persons.csv"), CSV, List.of("cluster", "network", "route", "kind", "role",
        "forced_role", "exploitation", "nationality", "gender", "birth_date", "given_name", "family_name", "phones",
        "passport", "key_player_rank"));
    networks = new TableWriters.Csv(dir.resolve("networks.csv"), CSV, List.of("network", "route", "name", "start", "end",
        "members", "clients", "victims", "ties", "key_players", "largest_component_after"));
    ties = new TableWriters.Csv(dir.resolve("ties.csv"), CSV, List.of("network", "person", "other"));
    identifiers = new TableWriters.Csv(dir.resolve("identifiers.csv"), CSV, List.of("cluster", "kind", "value", "holders", "note"));
    records = new TableWriters.Csv(dir.resolve("records.csv"), CSV, List.of("file", "row", "column", "kind", "cluster", "note"));
    bad = new TableWriters.Csv(dir.resolve("bad-values.csv"), CSV, List.of("file", "row", "column", "value", "reason"));
  }

  void network(Network n) throws IOException {
    Map<String, Integer> rank = new LinkedHashMap<>();
    for (int i = 0; i < n.keyPlayers().size(); i++) rank.put(n.keyPlayers().get(i).person(), i + 1);
    Map<String, List<String>> phoneHolders = new LinkedHashMap<>();
    Map<String, String> phoneValues = new LinkedHashMap<>();
    List<Person> all = new ArrayList<>(n.members());
    all.addAll(n.clients());
    for (Person p : all) {
      persons.row(List.of(p.id(), n.id(), n.route().id(), p.kind().name().toLowerCase(), nz(p.role()), nz(p.forcedRole()),
          nz(p.exploitation()), p.nationality(), p.gender(), p.birth().toString(), p.given().canonical(), p.family().canonical(),
          p.phones().stream().map(World.Phone::e164).collect(Collectors.joining(";")),
          p.passport() == null ? "" : p.passport().number(), rank.containsKey(p.id()) ? String.valueOf(rank.get(p.id())) : ""));
      for (World.Phone ph : p.phones()) {
        phoneHolders.computeIfAbsent(ph.id(), k -> new ArrayList<>()).add(p.id());
        phoneValues.put(ph.id(), ph.e164());
      }
      if (p.passport() != null) {
        identifiers.row(List.of(p.passport().id(), "passport", p.passport().number(), p.id(),
            (p.passport().forged() ? "forged" : "genuine") + " " + p.passport().country() + " mrz=" + p.passport().mrz()));
      }
      for (World.Account a : p.accounts()) identifiers.row(List.of(a.id(), a.kind(), a.value(), p.id(), ""));
      if (p.vehicle() != null) identifiers.row(List.of(p.vehicle().id(), "vehicle", p.vehicle().plate(), p.id(), p.vehicle().country()));
    }
    for (var e : phoneHolders.entrySet()) {
      identifiers.row(List.of(e.getKey(), "phone", phoneValues.get(e.getKey()), String.join(";", e.getValue()),
          e.getValue().size() > 1 ? "shared" : ""));
    }
    for (World.Vessel v : n.vessels()) {
      identifiers.row(List.of(v.id(), "vessel", v.imo() == null ? v.name() : v.imo(), "",
          v.type() + (v.mmsi() == null ? " unregistered" : " mmsi=" + v.mmsi() + " flag=" + v.flag())));
    }
    for (World.Tie t : n.ties()) ties.row(List.of(n.id(), t.a().id(), t.b().id()));
    long victims = n.clients().stream().filter(c -> c.kind() == World.Kind.VICTIM).count();
    networks.row(List.of(n.id(), n.route().id(), n.name(), n.start().toString(), n.end().toString(),
        String.valueOf(n.members().size()), String.valueOf(n.clients().size() - victims), String.valueOf(victims),
        String.valueOf(n.ties().size()),
        n.keyPlayers().stream().map(KeyPlayers.Removal::person).collect(Collectors.joining(";")),
        n.keyPlayers().stream().map(r -> String.valueOf(r.largestComponent())).collect(Collectors.joining(";"))));
  }

  void record(String file, long row, String column, String kind, String cluster, String note) throws IOException {
    records.row(List.of(file, String.valueOf(row), column, kind, cluster, note));
  }

  void bad(String file, long row, String column, String value, String reason) throws IOException {
    bad.row(List.of(file, String.valueOf(row), column, value, reason));
  }

  long records() {
    return persons.rows() + networks.rows() + ties.rows() + identifiers.rows() + records.rows() + bad.rows();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  @Override
  public void close() throws IOException {
    for (TableWriter w : List.of(persons, networks, ties, identifiers, records, bad)) w.close();
  }
}
