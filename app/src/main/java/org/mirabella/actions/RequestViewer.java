package org.mirabella.actions;

import io.javalin.http.Context;
import java.util.stream.Collectors;
import org.mirabella.access.Role;
import org.mirabella.access.Viewers;

/**
 * The viewer of an HTTP request: the authenticated user's agency and roles ({@link Viewers#requireReader}:
 * 401 without a session, 403 for a role that reads no case data).
 */
public final class RequestViewer {
  private RequestViewer() {}

  public static Viewer of(Context ctx) {
    org.mirabella.access.Viewer v = Viewers.requireReader(ctx);
    return new Viewer(v.agency(), v.roles().stream().map(Role::code).collect(Collectors.toSet()));
  }
}
