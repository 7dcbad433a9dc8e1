package org.mirabella.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mirabella.model.Entity;
import org.mirabella.model.Statement;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.SubjectCategory;

/**
 * Who may read which statement, as two lists of named rules (in the manner of ddd-by-examples'
 * {@code PlacingOnHoldPolicy}):
 * <ul>
 *   <li><b>grants</b> — how a statement reaches a reader; one must allow: {@code ownerAgency},
 *       {@code caseSharedWithViewer}, {@code releasedToViewer};</li>
 *   <li><b>restrictions</b> — what no grant overrides; all must allow: {@code readerRole},
 *       {@code victimShield}, {@code partnerTierNoForeignVictims}, {@code h2NotPassedOn},
 *       {@code retractionsOwnerOnly}.</li>
 * </ul>
 * An entity is visible when the reader's agency owns it, or when it passes the restrictions and at
 * least one of its statements is visible. {@code AccessControl} in the app module applies this at
 * the one place every read path goes through, and mirrors it in SQL for lists and counts (a test
 * proves the two agree).
 */
public final class ReadPolicy {
  /** One statement of one entity, asked for by one viewer whose agency has these disclosures. */
  public record Read(Viewer viewer, Entity entity, Statement statement, Disclosures disclosures) {
    String owner() {
      return statement.provenance().agency();
    }

    boolean byOwner() {
      return viewer.agency().equals(owner());
    }
  }

  public static final Rule<Read> OWNER_AGENCY = Rule.of("ownerAgency", Read::byOwner,
      r -> "statement belongs to " + r.owner());

  public static final Rule<Read> CASE_SHARED_WITH_VIEWER = Rule.of("caseSharedWithViewer",
      r -> r.disclosures().caseShared(r.owner(), r.statement().provenance().caseRef()),
      r -> "case is not shared with " + r.viewer().agency());

  public static final Rule<Read> RELEASED_TO_VIEWER = Rule.of("releasedToViewer",
      r -> !r.disclosures().releasedBy(r.statement().id()).isEmpty(),
      r -> "not released to " + r.viewer().agency());

  public static final Rule<Read> READER_ROLE = Rule.of("readerRole", r -> r.viewer().readsCaseData(),
      r -> "user " + r.viewer().user() + " has no role that reads case data");

  public static final Rule<Read> VICTIM_SHIELD = Rule.of("victimShield",
      r -> r.entity().category() != SubjectCategory.VICTIM || r.viewer().agency().equals(r.entity().agency())
          || r.viewer().has(Role.VICTIM_PROTECTION),
      r -> "victim record of " + r.entity().agency() + ": only its owner and victim-protection officers see it");

  public static final Rule<Read> PARTNER_TIER_NO_FOREIGN_VICTIMS = Rule.of("partnerTierNoForeignVictims",
      r -> r.entity().category() != SubjectCategory.VICTIM || r.viewer().agency().equals(r.entity().agency())
          || r.viewer().seesForeignVictims(),
      r -> "victim records of other agencies are never shown to partner-tier agencies");

  /**
   * H2: no onward dissemination. A recipient may hold an H2 statement (from the owner, by a shared
   * case or a release) but a copy passed on by anyone else than the owner is not readable.
   */
  public static final Rule<Read> H2_NOT_PASSED_ON = Rule.of("h2NotPassedOn",
      r -> r.statement().provenance().handling() != HandlingCode.H2 || r.byOwner()
          || r.disclosures().caseShared(r.owner(), r.statement().provenance().caseRef())
          || r.disclosures().releasedBy(r.statement().id()).contains(r.owner()),
      r -> "H2 statement of " + r.owner() + " passed on by another agency");

  public static final Rule<Read> RETRACTIONS_OWNER_ONLY = Rule.of("retractionsOwnerOnly",
      r -> !r.statement().retracted() || r.byOwner(), r -> "retracted statement");

  private final List<Rule<Read>> grants;
  private final List<Rule<Read>> restrictions;

  public ReadPolicy(List<Rule<Read>> grants, List<Rule<Read>> restrictions) {
    if (grants.isEmpty()) throw new IllegalArgumentException("a read policy needs at least one grant");
    this.grants = List.copyOf(grants);
    this.restrictions = List.copyOf(restrictions);
  }

  /** Mirabella's read policy. */
  public static ReadPolicy standard() {
    return new ReadPolicy(List.of(OWNER_AGENCY, CASE_SHARED_WITH_VIEWER, RELEASED_TO_VIEWER),
        List.of(READER_ROLE, VICTIM_SHIELD, PARTNER_TIER_NO_FOREIGN_VICTIMS, H2_NOT_PASSED_ON, RETRACTIONS_OWNER_ONLY));
  }

  public List<Rule<Read>> grants() {
    return grants;
  }

  public List<Rule<Read>> restrictions() {
    return restrictions;
  }

  /** Allow when a grant allows and no restriction denies; otherwise the first restriction's denial or all grants' reasons. */
  public Decision decide(Read r) {
    for (Rule<Read> rule : restrictions) {
      Decision d = rule.apply(r);
      if (!d.allowed()) return d;
    }
    List<String> reasons = new ArrayList<>();
    for (Rule<Read> rule : grants) {
      Decision d = rule.apply(r);
      if (d.allowed()) return d;
      reasons.add(d.toString());
    }
    return Decision.deny("noGrant", String.join("; ", reasons));
  }

  /** The statements of {@code e} the viewer may read, in order. */
  public List<Statement> visibleStatements(Viewer v, Entity e, Disclosures d) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : e.statements()) if (decide(new Read(v, e, s, d)).allowed()) out.add(s);
    return out;
  }

  /**
   * The entity as the viewer may see it (same header, only the visible statements), or empty when
   * the viewer may not know it exists.
   */
  public Optional<Entity> visible(Viewer v, Entity e, Disclosures d) {
    List<Statement> shown = visibleStatements(v, e, d);
    boolean owner = v.agency().equals(e.agency()) && v.readsCaseData();
    if (!owner && shown.isEmpty()) return Optional.empty();
    Entity copy = new Entity(e.id(), e.schema(), e.agency(), e.caseRef(), e.category(), e.reviewDate());
    shown.forEach(copy::addStatement);
    return Optional.of(copy);
  }
}
