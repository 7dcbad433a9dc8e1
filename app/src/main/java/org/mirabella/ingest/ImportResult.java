package org.mirabella.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an import, for the CLI summary, {@code --json} and the HTTP API. {@code committed}
 * is false when rows were rejected and rejects were not accepted: then nothing was written, and the
 * counts say what the import would have written.
 */
public record ImportResult(String run, String agency, String caseRef, String mapping, boolean committed,
    ImportSummary read, long entitiesAdded, long statementsAdded, long statementsUnchanged, long statementsRetracted,
    long millis, List<Reject> sampleRejects) {

  /** The audit record of a committed import by {@code user} (the API's session user, or the command line's operator). */
  public org.mirabella.audit.AuditEvent auditEvent(String user) {
    return new org.mirabella.audit.AuditEvent(user, agency, "import", run, agency, null,
        entitiesAdded + " entities, " + statementsAdded + " statements added to " + caseRef);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run);
    m.put("agency", agency);
    m.put("case", caseRef);
    m.put("mapping", mapping);
    m.put("committed", committed);
    m.put("files", read.rowsByFile());
    m.put("rowsRead", read.rowsRead());
    m.put("rowsRejected", read.rowsRejected());
    m.put("rejectedByReason", read.rejectedByReason());
    m.put("entitiesAdded", entitiesAdded);
    m.put("statementsAdded", statementsAdded);
    m.put("statementsUnchanged", statementsUnchanged);
    m.put("statementsRetracted", statementsRetracted);
    m.put("millis", millis);
    m.put("rejects", sampleRejects.stream().map(r -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("file", r.file());
      x.put("line", r.line());
      x.put("column", r.column());
      x.put("reason", r.reason());
      x.put("row", r.row());
      return x;
    }).toList());
    return m;
  }
}
