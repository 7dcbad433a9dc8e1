/**
 * Network analysis: who holds a network together, how it connects, which removals break it.
 *
 * <p>Sub-packages by feature: {@code graph} (compact int-indexed network), {@code io} (edge-list
 * readers), {@code scoring} (one centrality per class behind {@link
 * org.mirabella.analysis.scoring.NodeScoring}), {@code structure} (components, density,
 * centralisation), {@code community} (Louvain), {@code paths} (shortest and k-shortest paths, ego
 * networks) and {@code disruption} (removal simulations, Cavallaro et al. 2020).
 *
 * <p>Pure core: no HTTP, no JDBC, no I/O beyond reading an edge-list file.
 */
package org.mirabella.analysis;
