package org.mirabella.analysis.graph;

import java.util.Arrays;

/**
 * Open-addressing map from {@code long} keys to non-negative {@code int} values, for building
 * networks of millions of edges without boxing. Linear probing, load factor at most 1/2.
 */
final class LongIntMap {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    values = new int[cap];
    mask = cap - 1;
  }

  /** The value for {@code key}, or -1. */
  int get(long key) {
    int i = slot(key);
    while (keys[i] != EMPTY) {
      if (keys[i] == key) return values[i];
      i = (i + 1) & mask;
    }
    return -1;
  }

  void put(long key, int value) {
    if (key == EMPTY) throw new IllegalArgumentException("reserved key");
    if (2 * (size + 1) > keys.length) grow();
    int i = slot(key);
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) put(oldKeys[i], oldValues[i]);
    }
  }
}
