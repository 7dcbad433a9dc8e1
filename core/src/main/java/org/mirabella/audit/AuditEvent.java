package org.mirabella.audit;

import java.util.Objects;

/**
 * One thing a user did, as the audit trail keeps it: who (user, agency), what (action), on what
 * (object, and the agency that owns it, so each agency's DPO sees what concerns it), why (the
 * justification the user gave) and a short detail. Never personal data of a data subject: objects
 * are named by id, details by counts and codes.
 */
public record AuditEvent(String user, String agency, String action, String object, String objectAgency,
    String justification, String detail) {
  public AuditEvent {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(action, "action");
  }

  public static AuditEvent of(String user, String agency, String action, String object) {
    return new AuditEvent(user, agency, action, object, null, null, null);
  }

  public AuditEvent withJustification(String j) {
    return new AuditEvent(user, agency, action, object, objectAgency, j, detail);
  }

  public AuditEvent withDetail(String d) {
    return new AuditEvent(user, agency, action, object, objectAgency, justification, d);
  }

  public AuditEvent concerning(String owner) {
    return new AuditEvent(user, agency, action, object, owner, justification, detail);
  }
}
