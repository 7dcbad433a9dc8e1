package org.mirabella.access;

/** The outcome of one access rule: allow, or deny with the rule's name and a reason a DPO can read. */
public sealed interface Decision {
  Allow ALLOW = new Allow();

  static Decision allow() {
    return ALLOW;
  }

  static Decision deny(String rule, String reason) {
    return new Deny(rule, reason);
  }

  default boolean allowed() {
    return this instanceof Allow;
  }

  record Allow() implements Decision {}

  record Deny(String rule, String reason) implements Decision {
    @Override
    public String toString() {
      return rule + ": " + reason;
    }
  }
}
