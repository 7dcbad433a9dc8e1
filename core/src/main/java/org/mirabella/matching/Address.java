package org.mirabella.matching;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.mirabella.matching.names.Transliteration;

/**
 * The words of an address, transliterated to ASCII lower case, computed once: as text, and as word
 * ids sorted for a merge in the pair loop (ids come from one process-wide dictionary).
 */
public final class Address {
  static final Address NONE = new Address("", new String[0], new int[0]);
  private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_ID = new java.util.concurrent.atomic.AtomicInteger();

  public final String text;
  private final String[] words;
  private final int[] ids;
  private final long[] signatures;

  private Address(String text, String[] words, int[] ids) {
    this.text = text;
    this.words = words;
    this.ids = ids;
    this.signatures = new long[words.length];
    for (int i = 0; i < words.length; i++) signatures[i] = signature(words[i]);
  }

  /**
   * Letters a word uses, one bit each (digits and short words: 0, they never match fuzzily). One
   * typo changes at most two bits, so a popcount of the XOR above 2 rules a pair out cheaply.
   */
  private static long signature(String w) {
    if (w.length() < 4 || Character.isDigit(w.charAt(0))) return 0L;
    long s = 0L;
    for (int i = 0; i < w.length(); i++) s |= 1L << (w.charAt(i) & 63);
    return s;
  }

  /** Letter signatures of {@link #words()}; 0 for words that only match exactly. */
  public long[] signatures() {
    return signatures;
  }

  public static Address of(String text) {
    if (text == null || text.isBlank()) return NONE;
    String[] raw = Transliteration.fold(text).split("[^\\p{L}\\p{N}]+");
    String[] out = new String[raw.length];
    int n = 0;
    for (String w : raw) {
      if (w.isEmpty()) continue;
      String a = Transliteration.toAscii(w, Transliteration.scriptOf(w));
      if (!a.isEmpty()) out[n++] = a;
    }
    String[] words = Arrays.copyOf(out, n);
    Integer[] order = new Integer[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = IDS.computeIfAbsent(words[i], k -> NEXT_ID.getAndIncrement());
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Integer.compare(ids[x], ids[y]));
    String[] sortedWords = new String[n];
    int[] sortedIds = new int[n];
    for (int i = 0; i < n; i++) {
      sortedWords[i] = words[order[i]];
      sortedIds[i] = ids[order[i]];
    }
    return new Address(text, sortedWords, sortedIds);
  }

  public boolean isEmpty() {
    return words.length == 0;
  }

  /** Words in the order of {@link #ids()}. */
  public String[] words() {
    return words;
  }

  /** Word ids, ascending. */
  public int[] ids() {
    return ids;
  }
}
