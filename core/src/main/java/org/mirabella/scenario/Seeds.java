package org.mirabella.scenario;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the scenario seed: one per network and purpose, one per
 * network and agency. Each stream depends only on the seed and its key, never on what other streams
 * drew, so one agency's choices cannot shift another's and output is byte-identical run after run.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom stream(long seed, String purpose, long index) {
    long h = mix(seed);
    h = mix(h ^ purpose.hashCode());
    h = mix(h ^ index);
    return new SplittableRandom(h);
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser (as SplittableRandom uses). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
