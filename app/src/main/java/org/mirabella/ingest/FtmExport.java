package org.mirabella.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.mirabella.model.Entity;
import org.mirabella.model.json.EntityJson;
import org.mirabella.store.EntityStore;

/**
 * Writes entities as FtM JSON lines ({@code id}, {@code schema}, {@code properties}, plus Mirabella's
 * provenance: agency, case, category, review date and every statement with its handling code,
 * grading, source and original value), page by page in id order so memory stays constant.
 * {@code mirabella import} with no mapping reads the file back to the same entities and statements.
 */
public final class FtmExport {
  static final int PAGE = 1_000;

  private FtmExport() {}

  /** Writes the entities of the agency and case (null = all); returns how many. */
  public static long write(EntityStore store, String agency, String caseRef, Writer out) {
    long n = 0;
    String last = "";
    while (true) {
      String after = last;
      List<String> ids = store.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity WHERE id > :after"
              + (agency == null ? "" : " AND agency = :agency") + (caseRef == null ? "" : " AND case_ref = :case")
              + " ORDER BY id LIMIT " + PAGE)
          .bind("after", after).bind("agency", agency).bind("case", caseRef).mapTo(String.class).list());
      if (ids.isEmpty()) return n;
      var entities = store.findAll(ids);
      try {
        for (String id : ids) {
          Entity e = entities.get(id);
          if (e == null) continue;
          out.write(EntityJson.toJson(e).toString());
          out.write('\n');
          n++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      last = ids.get(ids.size() - 1);
    }
  }
}
