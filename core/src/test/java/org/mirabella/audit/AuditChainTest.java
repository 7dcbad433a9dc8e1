package org.mirabella.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  static List<AuditRecord> chain(int n) {
    List<AuditRecord> out = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditEvent e = AuditEvent.of("u" + i, "IT", "entity.read", "it-" + i).withJustification("case IT-1");
      Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
      String h = AuditChain.hash(prev, i, at, e);
      out.add(new AuditRecord(i, at, e, prev, h));
      prev = h;
    }
    return out;
  }

  static AuditChain.Verification verify(List<AuditRecord> rs, List<AuditRecord> original) {
    AuditRecord head = original.get(original.size() - 1);
    return AuditChain.verify(rs.iterator(), head.seq(), head.hash());
  }

  @Test
  void emptyAndIntactTrailsVerify() {
    assertThat(AuditChain.verify(List.<AuditRecord>of().iterator(), 0, AuditChain.GENESIS).intact()).isTrue();
    var c = chain(5);
    assertThat(verify(c, c).intact()).isTrue();
  }

  @Test
  void changeIsNamed() {
    var c = chain(5);
    var t = new ArrayList<>(c);
    AuditRecord r = t.get(2);
    t.set(2, new AuditRecord(r.seq(), r.at(), r.event().withJustification("something else"), r.prevHash(), r.hash()));
    var v = verify(t, c);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBad()).isEqualTo(3);
    assertThat(v.problem()).contains("changed");
  }

  @Test
  void deletionInTheMiddleAndAtTheEndAreNamed() {
    var c = chain(5);
    var t = new ArrayList<>(c);
    t.remove(1);
    assertThat(verify(t, c).firstBad()).isEqualTo(2);
    var tail = new ArrayList<>(c.subList(0, 4));
    var v = verify(tail, c);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBad()).isEqualTo(5);
  }

  @Test
  void reorderingIsNamedEvenWhenSequenceNumbersAreRewritten() {
    var c = chain(5);
    var t = new ArrayList<>(c);
    // Swap records 2 and 3, and renumber them so the sequence looks right.
    AuditRecord a = t.get(1);
    AuditRecord b = t.get(2);
    t.set(1, new AuditRecord(2, b.at(), b.event(), b.prevHash(), b.hash()));
    t.set(2, new AuditRecord(3, a.at(), a.event(), a.prevHash(), a.hash()));
    var v = verify(t, c);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBad()).isEqualTo(2);
  }
}
