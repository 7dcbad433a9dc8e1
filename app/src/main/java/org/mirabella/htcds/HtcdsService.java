package org.mirabella.htcds;

import java.io.BufferedReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mirabella.actions.Viewer;
import org.mirabella.actions.VisibleEntities;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * Referral of trafficking-victim case records to victim-support organisations in the Human
 * Trafficking Case Data Standard, and import of HTCDS records. An export needs the data-protection
 * officer's approval (who, reference, purpose, recipient, date), which is recorded with the list of
 * victims exported, and written to the audit trail with the purpose as justification; an agency
 * exports only victims it owns (a recipient of a shared case does not
 * pass another agency's victims on). Imported victims are held under handling code H2.
 */
public final class HtcdsService {
  private final Database db;
  private final Model model;
  private final VisibleEntities entities;
  private final AuditLog audit;

  public HtcdsService(Database db, Model model, AuditLog audit) {
    this.db = db;
    this.model = model;
    this.entities = new VisibleEntities(db, model);
    this.audit = audit;
  }

  /** The service writing to the store's audit trail. */
  public HtcdsService(Database db, Model model) {
    this(db, model, new JdbcAuditLog(db));
  }

  /** The DPO's approval of one export. */
  public record Approval(String dpo, String reference, String purpose, String recipient, LocalDate approvedOn) {
    public Approval {
      Map<String, String> errors = new LinkedHashMap<>();
      if (dpo == null || dpo.isBlank()) errors.put("dpo", "required: the data-protection officer who approved the export");
      if (reference == null || reference.isBlank()) errors.put("approvalRef", "required: the reference of the DPO's approval");
      if (purpose == null || purpose.isBlank()) errors.put("purpose", "required: why the records are referred");
      if (recipient == null || recipient.isBlank()) errors.put("recipient", "required: the organisation receiving the records");
      if (approvedOn != null && approvedOn.isAfter(LocalDate.now())) errors.put("approvedOn", "in the future");
      if (!errors.isEmpty()) throw new InvalidData("DPO approval missing", errors);
      approvedOn = approvedOn == null ? LocalDate.now() : approvedOn;
    }
  }

  /** An export: its id (as recorded), the victims exported and the CSV. */
  public record Export(String id, int records, List<String> subjects, String csv) {}

  /** What an import added. */
  public record ImportSummary(int records, long entitiesAdded, long statementsAdded) {}

  /** Exports the viewer's agency's victims (of one case, if given) with the DPO's approval, and records it. */
  public Export export(Viewer viewer, String caseRef, Approval approval, String exportedBy) {
    if (viewer.seesEverything()) throw new InvalidData("Whose victims?", Map.of("agency", "an export is made by the agency that owns the victims"));
    List<Entity> victims = new ArrayList<>(entities.owned(viewer, "Person", SubjectCategory.VICTIM));
    if (caseRef != null) victims.removeIf(v -> !v.caseRef().equals(caseRef));
    List<Entity> reports = entities.ofSchemata(viewer, List.of("VictimReport")).stream()
        .filter(r -> r.agency().equals(viewer.agency())).toList();
    HtcdsMapping.Referral referral = new HtcdsMapping.Referral(Agencies.get().require(viewer.agency()).name(), approval.recipient(), LocalDate.now());
    List<HtcdsRecord> records = new ArrayList<>();
    List<String> subjects = new ArrayList<>();
    for (Entity v : victims) {
      List<Entity> own = reports.stream().filter(r -> r.values("victim").contains(v.id())).sorted(java.util.Comparator.comparing(Entity::id)).toList();
      records.add(HtcdsMapping.toRecord(v, own, referral));
      subjects.add(v.id());
    }
    String id = "htcds-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    db.jdbi().useTransaction(h -> {
      h.createUpdate("INSERT INTO htcds_export(id, agency, dpo, approval_ref, purpose, recipient, approved_on, exported_by, exported_at, "
              + "record_count) VALUES (:id, :agency, :dpo, :ref, :purpose, :recipient, :on, :by, :at, :n)")
          .bind("id", id).bind("agency", viewer.agency()).bind("dpo", approval.dpo()).bind("ref", approval.reference())
          .bind("purpose", approval.purpose()).bind("recipient", approval.recipient()).bind("on", approval.approvedOn())
          .bind("by", exportedBy).bind("at", Timestamp.from(Instant.now())).bind("n", records.size()).execute();
      for (String s : subjects) {
        h.createUpdate("INSERT INTO htcds_export_subject(export_id, entity_id) VALUES (:id, :e)").bind("id", id).bind("e", s).execute();
      }
    });
    audit.record(AuditEvent.of(exportedBy == null ? "unknown" : exportedBy, viewer.agency(), "htcds.export", id)
        .withJustification(approval.purpose())
        .withDetail(records.size() + " victim records to " + approval.recipient() + "; DPO " + approval.dpo() + ", approval "
            + approval.reference() + " of " + approval.approvedOn()));
    return new Export(id, records.size(), List.copyOf(subjects), HtcdsCsv.write(records));
  }

  /** Recorded exports of an agency, newest first (for the DPO). */
  public List<Map<String, Object>> exports(Viewer viewer) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM htcds_export WHERE agency = :a ORDER BY exported_at DESC")
        .bind("a", viewer.agency()).mapToMap().list());
  }

  /** Imports HTCDS records into a case of the viewer's agency (created if absent). */
  public ImportSummary importCsv(BufferedReader in, String source, Viewer viewer, String caseRef, String recordedBy) {
    if (viewer.seesEverything()) throw new InvalidData("Whose records?", Map.of("agency", "records are imported into an agency's case"));
    if (caseRef == null || caseRef.isBlank()) throw new InvalidData("Which case?", Map.of("case", "required"));
    List<HtcdsRecord> records = HtcdsCsv.read(in, source);
    Provenance p = new Provenance(viewer.agency(), caseRef, HandlingCode.H2, null, Grading.UNASSESSED, "htcds:" + source, recordedBy, null);
    List<Entity> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        out.addAll(HtcdsMapping.fromRecord(records.get(i), model, p));
      } catch (InvalidData e) {
        Map<String, String> errs = new LinkedHashMap<>();
        int n = i + 1;
        e.errors().forEach((k, v) -> errs.put(source + " record " + n + " " + k, v));
        throw new InvalidData(e.title(), errs);
      }
    }
    EntityStore store = new EntityStore(db, model);
    EntityStore.WriteSummary w = store.transaction(tx -> {
      tx.ensureCase(viewer.agency(), caseRef, "HTCDS referrals " + caseRef, LocalDate.now());
      tx.write(out);
    });
    audit.record(AuditEvent.of(recordedBy == null ? "unknown" : recordedBy, viewer.agency(), "htcds.import", viewer.agency() + "/" + caseRef)
        .withDetail(records.size() + " records from " + source));
    return new ImportSummary(records.size(), w.entitiesAdded(), w.statementsAdded());
  }
}
