package org.mirabella.matching.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of one name, computed once per record (at ingest), never inside the pair loop: its
 * words transliterated to Latin, their consonant skeletons, variant groups and kinds. Compound
 * Arabic names are joined into one word (Abdel Rahman, Abd al-Rahman, Abderrahmane, عبد الرحمن →
 * {@code abdrahman}); articles and kinship particles (al-, el-, bin, ben, ould) and titles are kept
 * but not scored; patronymics and initials weigh less.
 *
 * <p>{@link #blockingKeys()} gives short strings a store can index to find candidates.
 */
public final class NameKey {
  static final Pattern SPLIT = Pattern.compile("[\\s,;:()\\[\\]{}\"“”„«»·・/|_+*]+");
  private static final Pattern ABD = Pattern.compile("abd([aeiou]{1,2})([^aeiou0-9][a-z]{2,})");
  private static final Pattern PATRONYMIC = Pattern.compile(
      "[a-z]{3,}((ov|ev|ow|ew|av|iv|wf|of|ob)[iy]?(ch|tch|tsch|tsj|tj|tx|ts|tsh|cs|c|ci|cz)[iu]?|ovna|evna|ivna|oglu|ogly|kyzy|qizi)");
  private static final Pattern HYPHENS = Pattern.compile("[-‐‑–—]+");
  private static final Pattern ACRONYM = Pattern.compile("(\\p{L}\\.){2,}\\p{L}?");
  /** A slash between words of two letters or more separates alternative names (not A/S, c/o). */
  private static final Pattern ALTERNATIVES = Pattern.compile("\\p{L}{2,}\\s*/\\s*\\p{L}{2,}");
  private static final Pattern ARTICLE = Pattern.compile("[aeiou]?l");
  private static final Set<String> ABD_WORDS = Set.of("abd", "abdel", "abdul", "abdal", "abdol", "abdoul", "abdu", "abdil", "abdoel", "abdur", "abder");

  private final String original;
  private final List<NameToken> tokens;
  private final NameToken[] scored;
  private final String latinKey;
  private final String compactKey;
  /** Names given as alternatives with a slash (Al-Qa'ida/Islamic Army), each on its own; empty for most names. */
  private final List<NameKey> alternatives;

  private NameKey(String original, List<NameToken> tokens, List<NameKey> alternatives) {
    this.original = original;
    this.alternatives = List.copyOf(alternatives);
    this.tokens = List.copyOf(tokens);
    List<NameToken> s = new ArrayList<>();
    for (NameToken t : tokens) if (t.scored()) s.add(t);
    if (s.isEmpty()) {
      // a name of particles or titles only ("Al", "President"): score what there is
      for (NameToken t : tokens) {
        if (!t.latin().isEmpty()) s.add(new NameToken(t.original(), t.latin(), t.skeleton(), t.loose(), t.groups(),
            NameToken.Kind.GIVEN_OR_FAMILY, 1f, t.script()));
      }
    }
    this.scored = s.toArray(NameToken[]::new);
    StringBuilder b = new StringBuilder();
    for (NameToken t : scored) b.append(b.isEmpty() ? "" : " ").append(t.latin());
    this.latinKey = b.toString();
    StringBuilder c = new StringBuilder();
    for (NameToken t : tokens) if (t.kind() != NameToken.Kind.HONORIFIC) c.append(t.latin());
    this.compactKey = c.toString();
  }

  /** All words but titles, particles included, run together: Van der Bilt and Vanderbilt share it. */
  public String compactKey() {
    return compactKey;
  }

  /** The scored words in Latin letters, joined by spaces: equal keys mean the same name as written. */
  public String latinKey() {
    return latinKey;
  }

  /**
   * Keys of names seen recently: the same given and family names recur across millions of records
   * (and a store reads the same candidates again and again), and transliteration is the costly
   * part. Keys are immutable, so sharing them is safe. Bounded by clearing when full: simpler than
   * an LRU and as good for a working set that fits.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, NameKey> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int CACHE_SIZE = 500_000;

  /** Computes the keys of a name (or returns those already computed). Never fails; an empty or unreadable name has no tokens. */
  public static NameKey of(String name) {
    if (name == null || name.length() > 200) return compute(name);
    NameKey k = CACHE.get(name);
    if (k != null) return k;
    k = compute(name);
    if (CACHE.size() >= CACHE_SIZE) CACHE.clear();
    CACHE.put(name, k);
    return k;
  }

  private static NameKey compute(String name) {
    NameKey whole = parse(name);
    if (name != null && name.indexOf('/') >= 0 && ALTERNATIVES.matcher(name).find()) {
      List<NameKey> alts = new ArrayList<>();
      for (String part : name.split("/")) if (!part.isBlank()) alts.add(parse(part));
      if (alts.size() > 1) return new NameKey(whole.original, whole.tokens, alts);
    }
    return whole;
  }

  /** The alternatives of a slash-separated name; empty when there are none. */
  public List<NameKey> alternatives() {
    return alternatives;
  }

  private static NameKey parse(String name) {
    String folded = Transliteration.fold(name == null ? "" : name).replace("&", " and ");
    NameData data = NameData.INSTANCE;
    // 1. words, hyphen parts, transliteration
    List<String> latin = new ArrayList<>();
    List<String> orig = new ArrayList<>();
    List<Boolean> hyphenated = new ArrayList<>();
    List<Transliteration.Script> scripts = new ArrayList<>();
    for (String word : words(folded)) {
      if (word.isEmpty()) continue;
      for (Piece piece : piecesOf(word)) {
        latin.add(piece.latin());
        orig.add(piece.original());
        hyphenated.add(piece.hyphenated());
        scripts.add(piece.script());
      }
    }
    // 2. legal-form phrases (joint stock company → jsc)
    for (int i = 0; i < latin.size(); i++) {
      List<String[]> phrases = data.legalPhrases.get(latin.get(i));
      if (phrases == null) continue;
      for (String[] ph : phrases) {
        if (i + ph.length > latin.size()) continue;
        boolean ok = true;
        for (int k = 0; k < ph.length && ok; k++) ok = latin.get(i + k).equals(ph[k]);
        if (!ok) continue;
        StringBuilder o = new StringBuilder();
        for (int k = 0; k < ph.length; k++) o.append(k == 0 ? "" : " ").append(orig.get(i + k));
        latin.set(i, String.join("", ph));
        orig.set(i, o.toString());
        for (int k = 1; k < ph.length; k++) {
          latin.remove(i + 1);
          orig.remove(i + 1);
          hyphenated.remove(i + 1);
          scripts.remove(i + 1);
        }
        break;
      }
    }
    // 3. Arabic compounds: abd + following word
    for (int i = 0; i < latin.size(); i++) {
      String w = latin.get(i);
      if (ABD_WORDS.contains(w) && i + 1 < latin.size()) {
        int j = i + 1;
        String o = orig.get(i) + " " + orig.get(j);
        if ((latin.get(j).equals("al") || latin.get(j).equals("el")) && j + 1 < latin.size()) {
          // an Arabic article split off its word (ال) is shown with the word, not twice
          o = orig.get(j).equals("ال") ? orig.get(i) + " " + orig.get(j + 1) : o + " " + orig.get(j + 1);
          j++;
        }
        String rest = latin.get(j);
        if (!data.particles.contains(rest)) {
          latin.set(i, "abd" + stripArticle(rest));
          orig.set(i, o);
          for (int k = i + 1; k <= j; k++) {
            latin.remove(i + 1);
            orig.remove(i + 1);
            hyphenated.remove(i + 1);
            scripts.remove(i + 1);
          }
        }
      } else {
        Matcher m = w.startsWith("abd") ? ABD.matcher(w) : null; // the pattern starts with "abd": no regex for other words
        if (m != null && m.matches()) latin.set(i, "abd" + stripArticle(m.group(2)));
      }
    }
    // 4. kinds and keys
    List<NameToken> tokens = new ArrayList<>(latin.size());
    for (int i = 0; i < latin.size(); i++) {
      Word w = wordOf(latin.get(i), hyphenated.get(i));
      tokens.add(new NameToken(orig.get(i), w.latin(), w.skeleton(), w.loose(), w.groups(), w.kind(), w.kind().weight, scripts.get(i)));
    }
    return new NameKey(name == null ? "" : name, tokens, List.of());
  }

  /**
   * The words of a folded name: what {@code SPLIT.split} gives, less its empty strings, by a loop
   * over the characters instead of the regular expression (which showed in the profile of remaking candidates' keys).
   */
  static List<String> words(String folded) {
    List<String> out = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i < folded.length(); i++) {
      if (isSeparator(folded.charAt(i))) {
        if (start >= 0) out.add(folded.substring(start, i));
        start = -1;
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) out.add(folded.substring(start));
    return out;
  }

  /** The characters of {@link #SPLIT}: {@code \s} (ASCII white space, as in {@link Pattern}) and the punctuation listed there. */
  private static boolean isSeparator(char c) {
    return switch (c) {
      case ' ', '\t', '\n', '\u000B', '\f', '\r', ',', ';', ':', '(', ')', '[', ']', '{', '}', '"', '“', '”', '„', '«', '»', '·', '・', '/', '|', '_',
          '+', '*' -> true;
      default -> false;
    };
  }

  /** One written piece of a word: as written, in Latin letters, whether a hyphen follows it, its script. */
  private record Piece(String original, String latin, boolean hyphenated, Transliteration.Script script) {}

  private static final Piece[] NO_PIECES = new Piece[0];

  /**
   * Pieces of words seen recently. Step 1 of {@link #parse} looks at one word at a time (acronym
   * dots, hyphen parts, script, transliteration, an Arabic article split off), so its result is a
   * function of the word alone; whole names mostly differ while their words recur, so caching words
   * spares a store's candidates the regular expressions and ICU (most of the time of remaking their
   * keys at a million entities). Pieces are immutable; cleared when full, like {@link #CACHE}.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, Piece[]> PIECES = new java.util.concurrent.ConcurrentHashMap<>();

  private static Piece[] piecesOf(String word) {
    Piece[] cached = PIECES.get(word);
    if (cached != null) return cached;
    Piece[] out = splitWord(word);
    if (word.length() <= 64) {
      if (PIECES.size() >= CACHE_SIZE) PIECES.clear();
      PIECES.put(word, out);
    }
    return out;
  }

  /** Step 1 of {@link #parse} for one folded word: its pieces, hyphen parts, transliteration. */
  private static Piece[] splitWord(String word) {
    List<Piece> out = new ArrayList<>(2);
    if (ACRONYM.matcher(word).matches()) word = word.replace(".", ""); // A.B.C., L.L.C.: one word
    String[] parts = HYPHENS.split(word);
    for (int p = 0; p < parts.length; p++) {
      String part = parts[p].replace(".", " ").strip();
      for (String piece : part.split(" ")) {
        if (piece.isEmpty()) continue;
        Transliteration.Script script = Transliteration.scriptOf(piece);
        String ascii = Transliteration.toAscii(piece, script);
        if (script == Transliteration.Script.ARABIC && piece.startsWith("ال") && piece.length() > 3) {
          out.add(new Piece("ال", "al", true, script));
          ascii = ascii.startsWith("al") ? ascii.substring(2) : ascii;
        }
        if (ascii.isEmpty()) continue;
        out.add(new Piece(piece, ascii, parts.length > 1 && p < parts.length - 1, script));
      }
    }
    return out.isEmpty() ? NO_PIECES : out.toArray(Piece[]::new);
  }

  /** A word's part of a token: its Latin spelling (a legal form's short one), kind, skeleton, loose key, variant groups. */
  private record Word(String latin, NameToken.Kind kind, String skeleton, String loose, int[] groups) {}

  /** Words seen recently (step 4 of {@link #parse} is a function of the word and of whether a hyphen follows it). */
  private static final java.util.concurrent.ConcurrentHashMap<String, Word> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

  private static Word wordOf(String latin, boolean hyphenated) {
    String key = hyphenated ? "-" + latin : latin; // a Latin spelling has letters and digits only
    Word cached = WORDS.get(key);
    if (cached != null) return cached;
    Word w = word(latin, hyphenated);
    if (latin.length() <= 64) {
      if (WORDS.size() >= CACHE_SIZE) WORDS.clear();
      WORDS.put(key, w);
    }
    return w;
  }

  private static Word word(String l, boolean hyphenated) {
    NameData data = NameData.INSTANCE;
    NameToken.Kind kind;
    if (data.honorifics.contains(l)) kind = NameToken.Kind.HONORIFIC;
    else if (data.particles.contains(l) || (hyphenated && data.hyphenParticles.contains(l))) kind = NameToken.Kind.PARTICLE;
    else if (data.legalForms.containsKey(l)) {
      kind = NameToken.Kind.LEGAL_FORM;
      l = data.legalForms.get(l);
    } else if (Character.isDigit(l.charAt(0))) kind = NameToken.Kind.NUMBER;
    else if (l.length() == 1) kind = NameToken.Kind.INITIAL;
    else if (PATRONYMIC.matcher(l).matches()) kind = NameToken.Kind.PATRONYMIC;
    else kind = NameToken.Kind.GIVEN_OR_FAMILY;
    String skeleton = Skeleton.of(l);
    if (kind == NameToken.Kind.PATRONYMIC) {
      // compare patronymics by the father's name they are made of: Wladimirowitsch ~ Vladimirovich
      Matcher pm = PATRONYMIC.matcher(l);
      if (pm.matches()) skeleton = Skeleton.of(l.substring(0, pm.start(1))) + "+";
    }
    return new Word(l, kind, skeleton, Skeleton.loose(skeleton), data.variantGroups.getOrDefault(l, new int[0]));
  }

  /** The word after "abd": without its article (al-, el-, ul-, l-) and a doubled sun letter (ar-rahman). */
  private static String stripArticle(String rest) {
    Matcher m = ARTICLE.matcher(rest);
    if (m.lookingAt() && rest.length() - m.end() >= 2) rest = rest.substring(m.end());
    if (rest.length() > 3 && rest.charAt(0) == rest.charAt(1) && "aeiou".indexOf(rest.charAt(0)) < 0) rest = rest.substring(1);
    return rest;
  }

  public String original() {
    return original;
  }

  /** All tokens, unscored ones (particles, titles) included, in the order written. */
  public List<NameToken> tokens() {
    return tokens;
  }

  /** The tokens that count for scoring. */
  NameToken[] scored() {
    return scored;
  }

  public boolean isEmpty() {
    return scored.length == 0;
  }

  /** Whether any token was written in a non-Latin script. */
  public boolean nonLatin() {
    for (NameToken t : tokens) if (t.script() != Transliteration.Script.LATIN && t.script() != Transliteration.Script.NONE) return true;
    return false;
  }

  /**
   * Short strings to index for candidate search: the skeleton of each scored word (prefixed
   * {@code s:}), its variant groups ({@code v:}) and, for cross-script recall, the loose key
   * ({@code l:}). Initials and legal forms give no keys.
   */
  public Set<String> blockingKeys() {
    Set<String> out = new LinkedHashSet<>();
    for (NameToken t : scored) {
      if (t.kind() == NameToken.Kind.INITIAL || t.kind() == NameToken.Kind.LEGAL_FORM) continue;
      if (t.skeleton().length() >= 2) out.add("s:" + t.skeleton());
      else out.add("w:" + t.latin());
      for (int g : t.groups()) out.add("v:" + g);
      if (t.loose().length() >= 3) out.add("l:" + t.loose());
    }
    return out;
  }

  @Override
  public String toString() {
    return original + " " + tokens;
  }
}
