package org.mirabella.matching.names;

/**
 * One word of a name, with its keys computed once: {@code original} as written, {@code latin} its
 * ASCII transliteration, {@code skeleton} and {@code loose} its consonant keys (see {@link Skeleton}),
 * {@code groups} the variant groups it belongs to, {@code kind} and {@code weight} how much it
 * identifies, {@code script} where it came from.
 */
public record NameToken(String original, String latin, String skeleton, String loose, int[] groups,
    Kind kind, float weight, Transliteration.Script script) {

  /** What a word is in a name. Particles and honorifics are kept for display but not scored. */
  public enum Kind {
    GIVEN_OR_FAMILY(1.0f), PATRONYMIC(0.3f), INITIAL(0.3f), LEGAL_FORM(0.3f), NUMBER(1.0f), PARTICLE(0f), HONORIFIC(0f);

    final float weight;

    Kind(float weight) {
      this.weight = weight;
    }
  }

  /** What a word costs when the other name has a different word in its place. */
  public float conflictCost() {
    return Math.max(weight, 0.6f);
  }

  public boolean scored() {
    return weight > 0;
  }

  /** Whether the word shares a variant group with another. */
  public boolean sameVariant(NameToken o) {
    int[] a = groups;
    int[] b = o.groups;
    if (a.length == 0 || b.length == 0) return false;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) return true;
      if (a[i] < b[j]) i++;
      else j++;
    }
    return false;
  }

  @Override
  public String toString() {
    return latin;
  }
}
