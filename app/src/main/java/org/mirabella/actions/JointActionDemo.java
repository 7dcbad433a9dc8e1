package org.mirabella.actions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mirabella.actions.Outcome.Kind;
import org.mirabella.model.Model;
import org.mirabella.routes.DemoRoutes;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * The joint-action part of the demo: route data for 2025-Q2/Q3 ({@link DemoRoutes}), two completed
 * joint action days in 2025-Q3 with tasks, a coordination log, field checks cross-checked in bulk
 * (with hits triaged) and outcomes, and one planned for 2025-Q4. Call after the sample data is
 * loaded (it names sample entities as targets and shares the UK's sample case with Italy as a joint
 * investigation team). Idempotent: an operation already there is left alone.
 */
public final class JointActionDemo {
  private JointActionDemo() {}

  /** What the demo added. */
  public record Summary(int operations, int tasks, int checks, int hits, int outcomes, long routeEntities) {}

  public static Summary load(Database db, EntityStore store, Model model) {
    long routeEntities = DemoRoutes.load(store, model).entitiesAdded();
    OperationStore ops = new OperationStore(db);
    FieldCheckStore checks = new FieldCheckStore(db, ops, new MatchingCrossCheck(db, model));
    Viewer op = Viewer.COORDINATION;
    int[] n = new int[5];
    if (store.find("uk-nca-5521").isPresent()) store.shareCase("UK", "UK-NCA-OIC-884", "IT");

    if (!exists(db, "jad-mare-nostrum-2025")) {
      Operation med = ops.save(new Operation("jad-mare-nostrum-2025", "JAD Mare Nostrum 2025", LocalDate.of(2025, 9, 16),
          LocalDate.of(2025, 9, 18), "IT", Set.of("FR", "DE", "UK", "LY", "TN", "EMSC", "FRONTEX"),
          List.of("Disrupt the Zuwara–Lampedusa boat network", "Identify and safeguard victims among arrivals",
              "Check arrivals' phones and documents against all units' data"),
          List.of("it-sco-0001", "ly-aiia-0042", "uk-nca-5521", "it-demo-fac-1", "it-demo-fac-2"), Operation.Status.COMPLETED), "demo", op);
      n[0]++;
      List<Task> tasks = List.of(
          task(med, "IT", Task.Kind.ARREST, "Execute warrants in Agrigento", "it-sco-0001", Task.Status.DONE),
          task(med, "IT", Task.Kind.SEARCH, "Search the Porto Empedocle safe flat", null, Task.Status.DONE),
          task(med, "LY", Task.Kind.INTERVIEW, "Interview intercepted boat pilot", "ly-aiia-0042", Task.Status.DONE),
          task(med, "UK", Task.Kind.FINANCIAL_INVESTIGATION, "Trace hawala payments to the Westminster account", "uk-nca-5522", Task.Status.IN_PROGRESS),
          task(med, "FR", Task.Kind.VICTIM_SAFEGUARDING, "Shelter places for identified victims in Nice", null, Task.Status.DONE),
          task(med, "TN", Task.Kind.SEARCH, "Check departures from Sfax", null, Task.Status.FAILED));
      for (Task t : tasks) ops.addTask(t, op);
      n[1] += tasks.size();
      ops.log(med.id(), "coordinator.it", "Coordination centre open in Rome (EMSC liaison present).", Viewer.of("IT"));
      ops.log(med.id(), "officer.ly", "Boat intercepted off Zuwara, 63 persons on board.", Viewer.of("LY"));
      ops.log(med.id(), "coordinator.it", "Hit on the Libyan phone confirmed with the UK (JIT case).", Viewer.of("IT"));
      ops.log(med.id(), "coordinator.it", "Action day closed; outcomes reported by all agencies.", Viewer.of("IT"));
      var result = checks.submit(med.id(), List.of(
          FieldCheck.of(med.id(), "IT", "Lampedusa hotspot", "it", CheckKind.PHONE, "+218 91 234 5678", "officer.it.17"),
          FieldCheck.of(med.id(), "IT", "Lampedusa hotspot", "it", CheckKind.NAME, "Mohamed ABDELRAHMAN", "officer.it.17"),
          FieldCheck.of(med.id(), "LY", "Ras Ajdir", "ly", CheckKind.PHONE, "091-2345678", "officer.ly.3"),
          FieldCheck.of(med.id(), "UK", "Dover", "gb", CheckKind.IBAN, "GB82 WEST 1234 5698 7654 32", "officer.uk.5"),
          FieldCheck.of(med.id(), "DE", "Brenner", "de", CheckKind.PLATE, "M-AB 1234", "officer.de.2"),
          FieldCheck.of(med.id(), "FR", "Menton", "fr", CheckKind.DOCUMENT, "19FV04211", "officer.fr.8")), op);
      n[2] += result.checks().size();
      n[3] += result.hits().size();
      for (CheckHit h : result.hits()) {
        FieldCheck c = result.checks().stream().filter(x -> x.id().equals(h.checkId())).findFirst().orElseThrow();
        if (!h.ownerAgency().equals(c.agency())) {
          checks.triage(med.id(), h.id(), CheckHit.Triage.CONFIRMED, "coordinator.it", "Same number as the UK's subject", op);
        } else if (c.kind() == CheckKind.NAME) {
          checks.triage(med.id(), h.id(), CheckHit.Triage.ESCALATED, "coordinator.it", "Name only: ask for documents", op);
        }
      }
      LocalDate d = LocalDate.of(2025, 9, 17);
      List<Outcome> outs = new ArrayList<>(List.of(
          Outcome.person(med.id(), "IT", Kind.ARREST, "it-sco-0001", false, "it", d),
          Outcome.person(med.id(), "EMSC", Kind.ARREST, "it-sco-0001", false, "it", d),
          Outcome.person(med.id(), "IT", Kind.ARREST, "it-demo-fac-1", false, "it", d),
          Outcome.person(med.id(), "IT", Kind.ARREST, "it-demo-fac-2", false, "it", d),
          Outcome.counted(med.id(), "IT", Kind.ARREST, 5, "it", d),
          Outcome.counted(med.id(), "LY", Kind.ARREST, 4, "ly", d),
          Outcome.counted(med.id(), "TN", Kind.ARREST, 3, "tn", d),
          Outcome.counted(med.id(), "FR", Kind.ARREST, 2, "fr", d),
          Outcome.person(med.id(), "UK", Kind.SUSPECT_IDENTIFIED, "uk-nca-5521", false, "gb", d),
          Outcome.person(med.id(), "LY", Kind.SUSPECT_IDENTIFIED, "ly-aiia-0042", false, "ly", d),
          Outcome.counted(med.id(), "DE", Kind.SUSPECT_IDENTIFIED, 6, "de", d),
          new Outcome(null, med.id(), "IT", Kind.VICTIM_IDENTIFIED, null, 9, false, null, null, "it", d, "adults among arrivals", null, null),
          new Outcome(null, med.id(), "IT", Kind.VICTIM_IDENTIFIED, null, 4, true, null, null, "it", d, "unaccompanied minors", null, null),
          Outcome.person(med.id(), "FR", Kind.VICTIM_IDENTIFIED, "fr-oltim-0310", false, "fr", d),
          new Outcome(null, med.id(), "FR", Kind.VICTIM_SAFEGUARDED, null, 8, false, null, null, "fr", d, "shelter in Nice", null, null),
          new Outcome(null, med.id(), "FR", Kind.VICTIM_SAFEGUARDED, null, 4, true, null, null, "fr", d, "child protection services", null, null),
          Outcome.counted(med.id(), "IT", Kind.DOCUMENT_SEIZED, 23, "it", d),
          Outcome.counted(med.id(), "LY", Kind.DOCUMENT_SEIZED, 11, "ly", d),
          Outcome.asset(med.id(), "IT", "it-sco-0002", new BigDecimal("180000"), "EUR", "it", d),
          Outcome.asset(med.id(), "EMSC", "it-sco-0002", new BigDecimal("180000"), "EUR", "it", d),
          Outcome.asset(med.id(), "UK", null, new BigDecimal("42500"), "GBP", "gb", d),
          Outcome.counted(med.id(), "IT", Kind.INVESTIGATION_OPENED, 3, "it", d),
          Outcome.counted(med.id(), "UK", Kind.INVESTIGATION_OPENED, 1, "gb", d)));
      for (Outcome o : outs) ops.addOutcome(o, op);
      n[4] += outs.size();
    }

    if (!exists(db, "jad-darien-2025")) {
      Operation dar = ops.save(new Operation("jad-darien-2025", "JAD Darién Gap 2025", LocalDate.of(2025, 8, 5), LocalDate.of(2025, 8, 7),
          "US", Set.of("CA", "CO", "PA", "MX", "INTERPOL"),
          List.of("Dismantle the Necoclí–Capurganá boat service", "Identify facilitators along the Darién trail"),
          List.of("us-demo-fac-1", "us-demo-fac-2", "us-demo-fac-3"), Operation.Status.COMPLETED), "demo", op);
      n[0]++;
      List<Task> tasks = List.of(
          task(dar, "CO", Task.Kind.ARREST, "Arrest boat operators in Necoclí", "us-demo-fac-1", Task.Status.DONE),
          task(dar, "PA", Task.Kind.SEARCH, "Search camps at Bajo Chiquito", null, Task.Status.DONE),
          task(dar, "MX", Task.Kind.INTERVIEW, "Interview migrants in Tapachula", null, Task.Status.DONE),
          task(dar, "US", Task.Kind.FINANCIAL_INVESTIGATION, "Money-transfer payments to Panama", null, Task.Status.DONE),
          task(dar, "CA", Task.Kind.VICTIM_SAFEGUARDING, "Referral of trafficked workers", null, Task.Status.CANCELLED));
      for (Task t : tasks) ops.addTask(t, op);
      n[1] += tasks.size();
      ops.log(dar.id(), "coordinator.us", "Coordination centre open in Panama City.", Viewer.of("US"));
      ops.log(dar.id(), "officer.co", "Two boats stopped before departure in Necoclí.", Viewer.of("CO"));
      LocalDate d = LocalDate.of(2025, 8, 6);
      List<Outcome> outs = List.of(
          Outcome.person(dar.id(), "CO", Kind.ARREST, "us-demo-fac-1", false, "co", d),
          Outcome.person(dar.id(), "US", Kind.ARREST, "us-demo-fac-1", false, "co", d),
          Outcome.counted(dar.id(), "CO", Kind.ARREST, 6, "co", d),
          Outcome.counted(dar.id(), "PA", Kind.ARREST, 4, "pa", d),
          Outcome.counted(dar.id(), "MX", Kind.ARREST, 7, "mx", d),
          new Outcome(null, dar.id(), "PA", Kind.VICTIM_IDENTIFIED, null, 12, false, null, null, "pa", d, null, null, null),
          new Outcome(null, dar.id(), "PA", Kind.VICTIM_IDENTIFIED, null, 3, true, null, null, "pa", d, null, null, null),
          Outcome.counted(dar.id(), "US", Kind.SUSPECT_IDENTIFIED, 9, "us", d),
          Outcome.counted(dar.id(), "MX", Kind.DOCUMENT_SEIZED, 17, "mx", d),
          Outcome.asset(dar.id(), "US", null, new BigDecimal("96000"), "USD", "us", d),
          Outcome.counted(dar.id(), "CO", Kind.INVESTIGATION_OPENED, 2, "co", d));
      for (Outcome o : outs) ops.addOutcome(o, op);
      n[4] += outs.size();
    }

    if (!exists(db, "jad-balkan-gate-2025")) {
      Operation bal = ops.save(new Operation("jad-balkan-gate-2025", "JAD Balkan Gate 2025", LocalDate.of(2025, 11, 18),
          LocalDate.of(2025, 11, 20), "DE", Set.of("AL", "TR", "IT", "FRONTEX", "EMSC"),
          List.of("Check lorries on the Belgrade–Vienna corridor", "Target the Vlorë–Brindisi speedboat service"),
          List.of("de-bka-7781", "de-demo-fac-1"), Operation.Status.PLANNED), "demo", op);
      n[0]++;
      List<Task> tasks = List.of(
          task(bal, "DE", Task.Kind.ARREST, "Arrest on European arrest warrant", "de-bka-7781", Task.Status.PLANNED),
          task(bal, "AL", Task.Kind.SEARCH, "Search the Vlorë boat yard", null, Task.Status.PLANNED),
          task(bal, "TR", Task.Kind.INTERVIEW, "Interview lorry drivers at Kapıkule", null, Task.Status.PLANNED),
          task(bal, "IT", Task.Kind.FINANCIAL_INVESTIGATION, "Trace payments for the Brindisi landings", null, Task.Status.PLANNED));
      for (Task t : tasks) ops.addTask(t, op);
      n[1] += tasks.size();
      ops.log(bal.id(), "coordinator.de", "Planning meeting held at Europol; target list agreed.", Viewer.of("DE"));
    }
    return new Summary(n[0], n[1], n[2], n[3], n[4], routeEntities);
  }

  private static Task task(Operation op, String agency, Task.Kind kind, String description, String target, Task.Status status) {
    return new Task(null, op.id(), agency, kind, description, target, status, "demo", null);
  }

  private static boolean exists(Database db, String id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM operation WHERE id = :id").bind("id", id).mapTo(Integer.class).one()) > 0;
  }
}
