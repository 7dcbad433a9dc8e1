package org.mirabella.agency;

/** An agency's place in the cooperation: a G7 unit, a partner in a country of origin or transit, or an international body. */
public enum Tier {
  G7,
  PARTNER,
  INTERNATIONAL
}
