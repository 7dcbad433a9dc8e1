package org.mirabella.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mirabella.actions.CheckHit;
import org.mirabella.actions.FieldCheck;
import org.mirabella.actions.FieldCheckStore;
import org.mirabella.actions.Operation;
import org.mirabella.actions.OperationStore;
import org.mirabella.actions.Outcome;
import org.mirabella.actions.OutcomeTotals;
import org.mirabella.actions.SamePerson;
import org.mirabella.actions.Task;
import org.mirabella.actions.Viewer;
import org.mirabella.actions.VisibleEntities;
import org.mirabella.model.Entity;
import org.mirabella.agency.Agencies;
import org.mirabella.report.Report.Chart;
import org.mirabella.report.Table.Column;
import org.mirabella.routes.RouteEvent;
import org.mirabella.routes.RouteNetwork;
import org.mirabella.routes.RouteSource;
import org.mirabella.store.Database;

/**
 * Builds the periodic report for the G7 coordination from what the viewer may see: the joint
 * actions of the period and their outcomes (per operation, agency and country), field checks and
 * hits between units, the matching engine's hits where its table exists, and the routes (flows,
 * trends against the previous period, hotspots, events per month). The figures are raw here;
 * {@link Report#published} applies small-count suppression.
 */
public final class ReportBuilder {
  private final Database db;
  private final OperationStore operations;
  private final FieldCheckStore checks;
  private final RouteSource routes;
  private final SamePerson samePerson;
  private final VisibleEntities entities;

  public ReportBuilder(Database db, OperationStore operations, FieldCheckStore checks, RouteSource routes, SamePerson samePerson) {
    this.entities = new VisibleEntities(db, org.mirabella.model.Model.get());
    this.db = db;
    this.operations = operations;
    this.checks = checks;
    this.routes = routes;
    this.samePerson = samePerson;
  }

  public Report build(Period period, Viewer viewer) {
    List<Operation> ops = operations.list(viewer, period);
    List<Outcome> outcomes = operations.outcomes(ops.stream().map(Operation::id).toList());
    Map<String, List<FieldCheck>> checksByOp = new LinkedHashMap<>();
    Map<String, List<CheckHit>> hitsByOp = new LinkedHashMap<>();
    for (Operation op : ops) {
      checksByOp.put(op.id(), checks.checks(op.id(), viewer));
      hitsByOp.put(op.id(), checks.hits(op.id(), null, viewer));
    }
    RouteNetwork network = routes.network(viewer);
    String audience = viewer.seesEverything() ? "G7 coordination (all agencies)"
        : viewer.agency() + " — " + Agencies.get().require(viewer.agency()).name();

    List<Report.Section> sections = new ArrayList<>();
    sections.add(summary(period, viewer, ops, outcomes, checksByOp, hitsByOp, network));
    sections.add(jointActions(ops, outcomes));
    sections.add(outcomesSection(outcomes));
    sections.add(networksSection(outcomes, viewer));
    sections.add(checksSection(ops, checksByOp, hitsByOp));
    sections.add(routesSection(period, network));
    List<String> notes = new ArrayList<>();
    notes.add("Counts only what " + (viewer.seesEverything() ? "the coordination" : viewer.agency()) + " may see: statements of its own "
        + "agency and of cases shared with it; joint actions it takes part in.");
    notes.add("A person reported by several agencies counts once in a total and once for each reporting agency.");
    return new Report("Mirabella — G7 coordination report " + period.label(), period, audience, Instant.now(), sections, notes);
  }

  private Report.Section summary(Period period, Viewer viewer, List<Operation> ops, List<Outcome> outcomes, Map<String, List<FieldCheck>> checksByOp,
      Map<String, List<CheckHit>> hitsByOp, RouteNetwork network) {
    OutcomeTotals.Totals t = OutcomeTotals.of(outcomes, samePerson);
    long checksN = checksByOp.values().stream().mapToLong(List::size).sum();
    Map<String, String> checkAgency = new LinkedHashMap<>();
    checksByOp.values().forEach(l -> l.forEach(c -> checkAgency.put(c.id(), c.agency())));
    List<CheckHit> hits = hitsByOp.values().stream().flatMap(List::stream).toList();
    long between = hits.stream().filter(h -> !h.ownerAgency().equals(checkAgency.get(h.checkId()))).count();
    MatchingHits mh = matchingHits(period, viewer);
    Table activity = Table.builder("activity", "Activity").columns(Column.text("Figure"), Column.number("Number"))
        .row("Joint action days", (long) ops.size())
        .row("Agencies taking part", ops.stream().flatMap(o -> o.participants().stream()).distinct().count())
        .row("Field checks", checksN)
        .build();
    Table.Builder b = Table.builder("summary", "Results of the period").columns(Column.text("Figure"), Column.count("Count"))
        .row("Field-check hits", (long) hits.size())
        .row("Field-check hits between units", between)
        .row("Matching hits between units", mh.count())
        .row("Arrests", t.arrests())
        .row("Victims identified", t.victimsIdentified())
        .row("of whom children", t.childVictimsIdentified())
        .row("Victims safeguarded", t.victimsSafeguarded())
        .row("Suspects identified", t.suspectsIdentified())
        .row("Documents seized", t.documentsSeized())
        .row("Investigations opened", t.investigationsOpened())
        .row("Route events in the period", (long) network.in(period).size());
    if (mh.note() != null) b.note(mh.note());
    long coarse = network.undatable(period);
    if (coarse > 0) b.note(coarse + " route events dated less precisely than the period (e.g. only a year) are not counted in it.");
    return new Report.Section("Summary", "Period " + period.label() + " (" + period.start() + " to " + period.end() + ").",
        List.of(activity, b.build()), List.of());
  }

  private Report.Section jointActions(List<Operation> ops, List<Outcome> outcomes) {
    Map<String, List<Outcome>> byOp = outcomes.stream().collect(Collectors.groupingBy(Outcome::operationId, LinkedHashMap::new, Collectors.toList()));
    Table.Builder b = Table.builder("joint-actions", "Joint action days and their outcomes").columns(
        Column.text("Operation"), Column.text("Dates"), Column.text("Lead"), Column.number("Agencies"), Column.text("Status"),
        Column.text("Tasks done"), Column.count("Arrests"), Column.count("Victims"), Column.count("Child victims"),
        Column.count("Suspects"), Column.count("Documents"), Column.text("Assets seized"));
    for (Operation op : ops) {
      OutcomeTotals.Totals t = OutcomeTotals.of(byOp.getOrDefault(op.id(), List.of()), samePerson);
      List<Task> tasks = operations.tasks(op.id());
      long done = tasks.stream().filter(x -> x.status() == Task.Status.DONE).count();
      b.row(op.name(), dates(op.start(), op.end()), op.leadAgency(), (long) op.participants().size(), op.status().name().toLowerCase(Locale.ROOT),
          done + " of " + tasks.size(), t.arrests(), t.victimsIdentified(), t.childVictimsIdentified(), t.suspectsIdentified(),
          t.documentsSeized(), money(t.seized()));
    }
    OutcomeTotals.Totals all = OutcomeTotals.of(outcomes, samePerson);
    b.totals("Total (each person once)", "", "", ops.stream().flatMap(o -> o.participants().stream()).distinct().count(), "", "",
        all.arrests(), all.victimsIdentified(), all.childVictimsIdentified(), all.suspectsIdentified(), all.documentsSeized(), money(all.seized()));
    if (all.duplicatesRemoved() > 0) b.note(all.duplicatesRemoved() + " reports of a person or asset already reported by another agency are counted once.");
    Chart chart = new Chart("outcomes-by-operation", "Outcomes by joint action", Chart.Type.BAR, "joint-actions", "Operation",
        List.of("Arrests", "Victims", "Suspects"), 10, "persons");
    return new Report.Section("Joint actions", "Joint action days overlapping the period, with the outcomes reported by the agencies.",
        List.of(b.build()), List.of(chart));
  }

  private Report.Section outcomesSection(List<Outcome> outcomes) {
    Table byAgency = outcomeTable("outcomes-by-agency", "Outcomes by reporting agency", "Agency",
        OutcomeTotals.by(outcomes, Outcome::agency, samePerson), OutcomeTotals.of(outcomes, samePerson));
    Table byCountry = outcomeTable("outcomes-by-country", "Outcomes by country", "Country",
        OutcomeTotals.by(outcomes, o -> o.country() == null ? "(unknown)" : o.country().toUpperCase(Locale.ROOT), samePerson),
        OutcomeTotals.of(outcomes, samePerson));
    Table.Builder assets = Table.builder("seized-assets", "Assets seized by currency").columns(Column.text("Currency"), Column.amount("Amount"));
    OutcomeTotals.of(outcomes, samePerson).seized().forEach((cur, amount) -> assets.row(cur, amount));
    Chart chart = new Chart("outcomes-by-agency", "Outcomes by reporting agency", Chart.Type.STACKED_BAR, "outcomes-by-agency", "Agency",
        List.of("Arrests", "Victims identified", "Suspects identified"), 20, "persons");
    return new Report.Section("Outcomes", "Results as reported by each agency; a total counts each person once, so it may be "
        + "less than the sum of the rows.", List.of(byAgency, byCountry, assets.build()), List.of(chart));
  }

  private static Table outcomeTable(String id, String title, String key, Map<String, OutcomeTotals.Totals> groups, OutcomeTotals.Totals all) {
    Table.Builder b = Table.builder(id, title).columns(Column.text(key), Column.count("Arrests"), Column.count("Victims identified"),
        Column.count("Child victims"), Column.count("Victims safeguarded"), Column.count("Suspects identified"),
        Column.count("Documents seized"), Column.count("Assets seized"), Column.count("Investigations opened"));
    groups.forEach((k, t) -> b.row(k, t.arrests(), t.victimsIdentified(), t.childVictimsIdentified(), t.victimsSafeguarded(),
        t.suspectsIdentified(), t.documentsSeized(), t.assetsSeized(), t.investigationsOpened()));
    b.totals("Total (each person once)", all.arrests(), all.victimsIdentified(), all.childVictimsIdentified(), all.victimsSafeguarded(),
        all.suspectsIdentified(), all.documentsSeized(), all.assetsSeized(), all.investigationsOpened());
    return b.build();
  }

  /**
   * Networks disrupted: networks (organisations with members' roles the viewer may see) with at
   * least one member arrested in the period's joint actions.
   */
  private Report.Section networksSection(List<Outcome> outcomes, Viewer viewer) {
    java.util.Set<String> arrested = new java.util.HashSet<>();
    for (Outcome o : outcomes) if (o.kind() == Outcome.Kind.ARREST && o.subject() != null) arrested.add(samePerson.canonical(o.subject()));
    Map<String, Map<String, String>> members = new TreeMap<>();
    for (Entity r : entities.ofSchemata(viewer, List.of("NetworkRole"))) {
      String net = r.first("network");
      String person = r.first("person");
      if (net == null || person == null) continue;
      members.computeIfAbsent(net, k -> new TreeMap<>()).merge(samePerson.canonical(person), String.valueOf(r.first("role")), (a, b) -> a + ", " + b);
    }
    Map<String, Entity> nets = entities.byIds(viewer, members.keySet());
    Table.Builder b = Table.builder("networks-disrupted", "Networks with members arrested").columns(Column.text("Network"),
        Column.count("Members known"), Column.count("Members arrested"), Column.derived("Roles of those arrested", "Members arrested"));
    long disrupted = 0;
    for (var e : members.entrySet()) {
      List<String> roles = e.getValue().entrySet().stream().filter(m -> arrested.contains(m.getKey())).map(Map.Entry::getValue).sorted().toList();
      if (roles.isEmpty()) continue;
      disrupted++;
      Entity net = nets.get(e.getKey());
      b.row(net == null ? e.getKey() : net.caption(), (long) e.getValue().size(), (long) roles.size(), String.join("; ", roles));
    }
    b.note(disrupted + " network(s) with at least one member arrested in the period's joint actions.");
    return new Report.Section("Networks disrupted", "Networks whose members' roles the reader may see, with members arrested "
        + "during the joint actions.", List.of(b.build()), List.of());
  }

  private Report.Section checksSection(List<Operation> ops, Map<String, List<FieldCheck>> checksByOp, Map<String, List<CheckHit>> hitsByOp) {
    Map<String, long[]> byAgency = new TreeMap<>();
    for (Operation op : ops) {
      Map<String, FieldCheck> byId = new LinkedHashMap<>();
      for (FieldCheck c : checksByOp.get(op.id())) {
        byId.put(c.id(), c);
        byAgency.computeIfAbsent(c.agency(), k -> new long[4])[0]++;
      }
      for (CheckHit h : hitsByOp.get(op.id())) {
        FieldCheck c = byId.get(h.checkId());
        if (c == null) continue;
        long[] n = byAgency.computeIfAbsent(c.agency(), k -> new long[4]);
        n[1]++;
        if (!h.ownerAgency().equals(c.agency())) n[2]++;
        if (h.triage() == CheckHit.Triage.CONFIRMED) n[3]++;
      }
    }
    Table.Builder b = Table.builder("field-checks", "Field checks and hits by checking agency").columns(Column.text("Agency"),
        Column.count("Checks"), Column.count("Hits"), Column.count("Hits on other units' data"), Column.count("Confirmed"));
    long[] total = new long[4];
    byAgency.forEach((a, n) -> {
      b.row(a, n[0], n[1], n[2], n[3]);
      for (int i = 0; i < 4; i++) total[i] += n[i];
    });
    b.totals("Total", total[0], total[1], total[2], total[3]);
    return new Report.Section("Field checks and hits", "Names, documents, phones, plates and accounts checked in the field during the "
        + "joint actions, cross-checked in bulk against everything the checking unit may see.", List.of(b.build()), List.of());
  }

  private Report.Section routesSection(Period period, RouteNetwork network) {
    Table.Builder flows = Table.builder("route-legs", "Journey legs: flows and prices").columns(Column.text("Leg"), Column.count("Events"),
        Column.count("Persons"), Column.derived("Prices paid (median, range, n)", "Events"));
    for (RouteNetwork.Flow f : network.flows(period)) {
      flows.row(f.leg().label(), f.events(), f.persons(), f.prices().stream()
          .map(p -> p.currency() + " " + plain(p.median()) + " (" + plain(p.min()) + "–" + plain(p.max()) + ", n=" + p.paid() + ")")
          .collect(Collectors.joining("; ")));
    }
    Table.Builder trends = Table.builder("routes-trending", "Routes between countries against " + period.previous().label())
        .columns(Column.text("Route"), Column.count("Persons"), Column.count("Persons before"), Column.derived("Change", "Persons", "Persons before"),
            Column.count("Events"), Column.count("Events before"));
    for (RouteNetwork.Trend t : network.trends(period)) {
      Double pct = t.changePercent();
      trends.row(t.leg().label(), t.persons(), t.previousPersons(),
          pct == null ? "new" : String.format(Locale.ROOT, "%+.0f%%", pct), t.events(), t.previousEvents());
    }
    Table.Builder hotspots = Table.builder("hotspots", "Hotspots").columns(Column.text("Kind"), Column.text("Place"), Column.text("Country"),
        Column.count("Events"), Column.count("Persons"));
    for (RouteNetwork.Hotspot h : network.hotspots(period)) {
      hotspots.row(h.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), h.place(),
          h.country() == null ? "" : h.country().toUpperCase(Locale.ROOT), h.events(), h.persons());
    }
    Table.Builder monthly = Table.builder("events-by-month", "Route events by month").columns(Column.text("Month"),
        Column.count("Journeys"), Column.count("Crossings"), Column.count("Interceptions"), Column.count("Arrests"), Column.count("Safe-house stays"));
    for (Map.Entry<YearMonth, Map<RouteEvent.Kind, Long>> m : network.monthly(period).entrySet()) {
      Map<RouteEvent.Kind, Long> n = m.getValue();
      monthly.row(m.getKey().toString(), n.getOrDefault(RouteEvent.Kind.JOURNEY, 0L), n.getOrDefault(RouteEvent.Kind.CROSSING, 0L),
          n.getOrDefault(RouteEvent.Kind.INTERCEPTION, 0L), n.getOrDefault(RouteEvent.Kind.ARREST, 0L), n.getOrDefault(RouteEvent.Kind.SAFE_HOUSE, 0L));
    }
    Table trendTable = trends.build();
    List<Chart> charts = List.of(
        new Chart("routes-trending", "Persons per route: " + period.label() + " against " + period.previous().label(), Chart.Type.BAR,
            "routes-trending", "Route", List.of("Persons", "Persons before"), 8, "persons"),
        new Chart("events-by-month", "Route events by month", Chart.Type.STACKED_BAR, "events-by-month", "Month",
            List.of("Journeys", "Crossings", "Interceptions", "Arrests", "Safe-house stays"), 12, "events"));
    return new Report.Section("Routes and flows", "Journeys, crossings, interceptions, arrests and safe-house stays the reader may see, "
        + "as a network of places and countries.", List.of(flows.build(), trendTable, hotspots.build(), monthly.build()), charts);
  }

  /** Hits between units from the matching engine's table, if this store has one. */
  record MatchingHits(long count, String note) {}

  MatchingHits matchingHits(Period period, Viewer viewer) {
    try (Connection c = db.dataSource().getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      String table = null;
      List<String> columns = new ArrayList<>();
      for (String candidate : List.of("hit", "HIT")) {
        try (ResultSet rs = md.getTables(null, null, candidate, new String[] {"TABLE"})) {
          if (rs.next()) {
            table = rs.getString("TABLE_NAME");
            try (ResultSet cols = md.getColumns(null, rs.getString("TABLE_SCHEM"), table, null)) {
              while (cols.next()) columns.add(cols.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            break;
          }
        }
      }
      if (table == null) return new MatchingHits(0, "Matching hits: 0 — this store has no hit table yet (the matching engine records hits there).");
      String dated = columns.contains("created_at") ? "created_at" : columns.contains("found_at") ? "found_at" : null;
      List<String> agencyColumns = columns.stream().filter(x -> x.contains("agency")).toList();
      if (!viewer.seesEverything() && agencyColumns.isEmpty()) {
        return new MatchingHits(0, "Matching hits: 0 — the hit table does not say which agencies a hit concerns, so none is counted for "
            + viewer.agency() + ".");
      }
      List<String> where = new ArrayList<>();
      if (columns.contains("left_agency") && columns.contains("right_agency")) where.add("left_agency <> right_agency");
      if (dated != null) where.add(dated + " >= ? AND " + dated + " < ?");
      if (!viewer.seesEverything()) where.add("(" + agencyColumns.stream().map(x -> x + " = ?").collect(Collectors.joining(" OR ")) + ")");
      String sql = "SELECT COUNT(*) FROM " + table + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
      try (var ps = c.prepareStatement(sql)) {
        int i = 1;
        if (dated != null) {
          ps.setObject(i++, period.start().atStartOfDay());
          ps.setObject(i++, period.end().plusDays(1).atStartOfDay());
        }
        if (!viewer.seesEverything()) for (String ignored : agencyColumns) ps.setString(i++, viewer.agency());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new MatchingHits(rs.getLong(1), dated == null ? "Matching hits are counted over all periods (the hit table has no date)." : null);
        }
      }
    } catch (SQLException e) {
      return new MatchingHits(0, "Matching hits: 0 — the hit table could not be read (" + e.getMessage() + ").");
    }
  }

  private static String money(Map<String, BigDecimal> seized) {
    if (seized.isEmpty()) return "";
    return seized.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,.0f", e.getValue())).collect(Collectors.joining("; "));
  }

  /** "16–18 Sep 2025", "30 Sep – 2 Oct 2025". */
  static String dates(java.time.LocalDate a, java.time.LocalDate b) {
    var dm = java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    var dmy = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    if (a.equals(b)) return dmy.format(a);
    if (a.getYear() == b.getYear() && a.getMonth() == b.getMonth()) return a.getDayOfMonth() + "–" + dmy.format(b);
    return (a.getYear() == b.getYear() ? dm.format(a) : dmy.format(a)) + " – " + dmy.format(b);
  }

  private static String plain(BigDecimal b) {
    return b.stripTrailingZeros().toPlainString();
  }
}
