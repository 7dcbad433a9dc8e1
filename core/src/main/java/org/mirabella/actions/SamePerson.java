package org.mirabella.actions;

/**
 * Port: which entity stands for the same real person (or thing) as another. Outcome arithmetic asks
 * it so that a man reported by Italy as {@code it-sco-0001} and by the UK as {@code uk-nca-5521}
 * counts once once the two are resolved as the same. The matching engine's resolver implements it;
 * {@link #ID} takes each entity id as its own person.
 */
@FunctionalInterface
public interface SamePerson {
  /** A key shared by all entity ids of the same person: the resolved cluster id, or the id itself. */
  String canonical(String entityId);

  SamePerson ID = id -> id;
}
