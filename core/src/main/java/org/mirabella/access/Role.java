package org.mirabella.access;

import java.util.Map;
import org.mirabella.model.InvalidData;

/** What a user does in their agency. Roles widen nothing across agencies except {@link #VICTIM_PROTECTION}. */
public enum Role {
  ANALYST("analyst"),
  INVESTIGATOR("investigator"),
  COORDINATOR("coordinator"),
  /** Data-protection officer: reads the audit trail, decides on victim exports. */
  DPO("dpo"),
  /** Administrator: manages accounts; reads no case data by this role alone. */
  ADMIN("admin"),
  /** Victim-protection officer: may see other agencies' victim records disclosed to the agency. */
  VICTIM_PROTECTION("victimProtection");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Roles that read case data (everything but a bare administrator). */
  public boolean readsCaseData() {
    return this != ADMIN;
  }

  public static Role parse(String raw) {
    if (raw != null) {
      String v = raw.strip();
      for (Role r : values()) if (r.code.equalsIgnoreCase(v) || r.name().equalsIgnoreCase(v)) return r;
    }
    throw new InvalidData("Unknown role", Map.of("role", "'" + raw + "' is not one of analyst, investigator, "
        + "coordinator, dpo, admin, victimProtection"));
  }
}
