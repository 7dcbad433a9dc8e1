package org.mirabella.search;

import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Which indexed entities a reader may find: those of the reader's own agency, and those of cases
 * shared with it; victims only for the owner or a victim-protection user. Built by the access
 * rules and applied inside the query, so results, totals and facet counts never reveal more.
 */
public record Visibility(String agency, Set<String> sharedCases, Set<String> releasedEntities, boolean victimsOfOtherAgencies) {
  public Visibility {
    sharedCases = sharedCases == null ? Set.of() : Set.copyOf(sharedCases);
    releasedEntities = releasedEntities == null ? Set.of() : Set.copyOf(releasedEntities);
  }

  public Visibility(String agency, Set<String> sharedCases, boolean victimsOfOtherAgencies) {
    this(agency, sharedCases, Set.of(), victimsOfOtherAgencies);
  }

  /** Key of a case in the index: {@code AGENCY/REF}. */
  public static String caseKey(String agency, String caseRef) {
    return agency + "/" + caseRef;
  }

  Query filter() {
    BooleanQuery.Builder who = new BooleanQuery.Builder();
    who.add(new TermQuery(new Term(SearchIndex.AGENCY, agency)), Occur.SHOULD);
    if (!sharedCases.isEmpty()) {
      who.add(new TermInSetQuery(SearchIndex.CASE, sharedCases.stream().map(BytesRef::new).toList()), Occur.SHOULD);
    }
    if (!releasedEntities.isEmpty()) {
      who.add(new TermInSetQuery(SearchIndex.ID, releasedEntities.stream().map(BytesRef::new).toList()), Occur.SHOULD);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(who.build(), Occur.FILTER);
    if (!victimsOfOtherAgencies) {
      // A victim record of another agency stays hidden even in a shared case.
      BooleanQuery otherVictim = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(SearchIndex.CATEGORY, "victim")), Occur.FILTER)
          .add(new TermQuery(new Term(SearchIndex.AGENCY, agency)), Occur.MUST_NOT)
          .build();
      b.add(otherVictim, Occur.MUST_NOT);
    }
    return b.build();
  }
}
