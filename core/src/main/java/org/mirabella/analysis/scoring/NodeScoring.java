package org.mirabella.analysis.scoring;

/**
 * A node-scoring algorithm (a centrality): one algorithm per class, configured in its constructor,
 * computing lazily on the first call and returning unmodifiable results (after JGraphT's {@code
 * VertexScoringAlgorithm}). Nodes are the int indices of the {@link
 * org.mirabella.analysis.graph.Network}.
 */
public interface NodeScoring {
  /** All scores, indexed by node; computed on first call. */
  NodeScores scores();

  /** The score of one node. */
  default double score(int node) {
    return scores().get(node);
  }
}
