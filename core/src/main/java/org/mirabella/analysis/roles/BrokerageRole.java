package org.mirabella.analysis.roles;

/**
 * The five brokerage roles of Gould &amp; Fernandez (1989), for a broker b between a sender a and a
 * receiver c (a–b–c with no a–c tie), by who belongs to which group.
 */
public enum BrokerageRole {
  /** a, b and c in one group: brokering inside the group. */
  COORDINATOR,
  /** a and c in one group, b outside it (also "consultant"). */
  ITINERANT,
  /** b and c in one group, a outside: b controls what enters the group. */
  GATEKEEPER,
  /** a and b in one group, c outside: b speaks for the group. */
  REPRESENTATIVE,
  /** three different groups. */
  LIAISON;

  /** The role of b between a and c, given their groups (non-null). */
  static BrokerageRole of(String a, String b, String c) {
    boolean ab = a.equals(b);
    boolean bc = b.equals(c);
    boolean ac = a.equals(c);
    if (ab && bc) return COORDINATOR;
    if (ac) return ITINERANT;
    if (bc) return GATEKEEPER;
    if (ab) return REPRESENTATIVE;
    return LIAISON;
  }
}
