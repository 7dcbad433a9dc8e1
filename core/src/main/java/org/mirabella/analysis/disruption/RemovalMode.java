package org.mirabella.analysis.disruption;

import java.util.Locale;

/** How removals are scheduled. */
public enum RemovalMode {
  /** Recompute the scores after every single removal (an investigation arresting one by one). */
  SEQUENTIAL,
  /** Compute once, remove the top block together, repeat (a coordinated police raid). */
  BLOCK;

  public static RemovalMode parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown mode '" + name + "' (expected sequential or block)");
    }
  }
}
