package org.mirabella.routes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.actions.Viewer;
import org.mirabella.actions.VisibleEntities;
import org.mirabella.model.Entity;

/**
 * The route network as a viewer sees it: the journeys, crossings, interceptions, arrests and
 * safe-house stays whose statements the viewer may see, with the safe houses' addresses looked up
 * under the same rule. Origin and transit partners so see the part of the picture the rules give them.
 */
public final class RouteSource {
  public static final List<String> SCHEMATA = List.of("SmugglingService", "BorderCrossing", "Interception", "Arrest", "SafeHouseUse");
  private final VisibleEntities entities;

  public RouteSource(VisibleEntities entities) {
    this.entities = entities;
  }

  public RouteNetwork network(Viewer viewer) {
    List<Entity> found = entities.ofSchemata(viewer, SCHEMATA);
    Set<String> houses = new LinkedHashSet<>();
    for (Entity e : found) if (e.schema().name().equals("SafeHouseUse")) houses.addAll(e.values("safeHouse"));
    Map<String, Entity> places = entities.byIds(viewer, houses);
    return new RouteNetwork(RouteEvents.of(found, places::get));
  }
}
