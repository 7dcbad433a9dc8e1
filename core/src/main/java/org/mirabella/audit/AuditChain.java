package org.mirabella.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The hash chain of the audit trail. Each record's hash is SHA-256 over the previous record's hash
 * and the record's own fields (length-prefixed, so no two different records serialise alike). A
 * changed record no longer matches its hash; a deleted or reordered record breaks the sequence and
 * the link to its predecessor; a cut tail no longer reaches the head kept beside the trail.
 */
public final class AuditChain {
  /** The "previous hash" of the first record. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  public static String hash(String prevHash, long seq, Instant at, AuditEvent e) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {prevHash, Long.toString(seq), at.toString(), e.user(), e.agency(), e.action(),
          e.object(), e.objectAgency(), e.justification(), e.detail()}) {
        if (part == null) {
          d.update((byte) 0xff);
        } else {
          byte[] b = part.getBytes(StandardCharsets.UTF_8);
          d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
          d.update((byte) ':');
          d.update(b);
        }
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** The outcome of a verification: intact (with the count and last hash), or the first bad record and why. */
  public record Verification(boolean intact, long records, long firstBad, String problem, String headHash) {
    static Verification ok(long n, String head) {
      return new Verification(true, n, 0, null, head);
    }

    static Verification bad(long n, long seq, String problem) {
      return new Verification(false, n, seq, problem, null);
    }
  }

  /**
   * Verifies records read in storage order against the head (the last sequence number and hash
   * kept beside the trail). Names the first bad record.
   */
  public static Verification verify(Iterator<AuditRecord> records, long headSeq, String headHash) {
    String prev = GENESIS;
    long expected = 1;
    long n = 0;
    while (records.hasNext()) {
      AuditRecord r = records.next();
      n++;
      if (r.seq() != expected) {
        return r.seq() > expected
            ? Verification.bad(n, expected, "record " + expected + " is missing (deleted), next is " + r.seq())
            : Verification.bad(n, r.seq(), "record " + r.seq() + " is out of order after " + (expected - 1));
      }
      if (!prev.equals(r.prevHash())) {
        return Verification.bad(n, r.seq(), "record " + r.seq() + " does not link to record " + (r.seq() - 1)
            + " (reordered, or its predecessor was changed)");
      }
      if (!hash(r.prevHash(), r.seq(), r.at(), r.event()).equals(r.hash())) {
        return Verification.bad(n, r.seq(), "record " + r.seq() + " does not match its hash (changed)");
      }
      prev = r.hash();
      expected++;
    }
    long last = expected - 1;
    if (last != headSeq) {
      return last < headSeq
          ? Verification.bad(n, last + 1, "records " + (last + 1) + " to " + headSeq + " are missing (deleted)")
          : Verification.bad(n, headSeq + 1, "record " + (headSeq + 1) + " was added outside the audit log");
    }
    if (!prev.equals(headHash)) return Verification.bad(n, last, "record " + last + " does not match the trail's head");
    return Verification.ok(n, prev);
  }
}
