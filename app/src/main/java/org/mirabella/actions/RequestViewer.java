package org.mirabella.actions;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;

/**
 * The viewer of an HTTP request, until authentication lands: the agency from header
 * {@value #AGENCY} and the roles from {@value #ROLES} (comma-separated). Missing or unknown agency is a
 * 400 naming the header. The access engine's session replaces this class.
 */
public final class RequestViewer {
  public static final String AGENCY = "X-Mirabella-Agency";
  public static final String ROLES = "X-Mirabella-Roles";

  private RequestViewer() {}

  public static Viewer of(Context ctx) {
    String agency = ctx.header(AGENCY);
    if (agency == null || agency.isBlank()) throw new InvalidData("Who is asking?", Map.of(AGENCY, "required: the reader's agency code"));
    if (Agencies.get().find(agency.strip()) == null) throw new InvalidData("Who is asking?", Map.of(AGENCY, "'" + agency + "' is not a known agency"));
    String roles = ctx.header(ROLES);
    Set<String> rs = roles == null ? Set.of()
        : Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    return new Viewer(Agencies.get().require(agency.strip()).code(), rs);
  }
}
