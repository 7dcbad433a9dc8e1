package org.mirabella.access;

/**
 * The port through which an erasure reaches every copy outside the store (the search index,
 * caches): called once per erased entity, after the store has committed the erasure.
 */
@FunctionalInterface
public interface ErasureListener {
  void erased(String entityId);
}
