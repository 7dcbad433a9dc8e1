package org.mirabella.matching;

/**
 * What to do with a scored pair. A wrong merge of two people is worse than a miss in police work,
 * so only {@link #AUTO_MATCH} may merge without an analyst; {@link #REVIEW} goes to a queue.
 */
public enum Band {
  AUTO_MATCH, REVIEW, NO_MATCH
}
