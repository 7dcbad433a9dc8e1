package org.mirabella.analysis.scoring;

/**
 * Dense {@code A x = b} by LU decomposition with partial pivoting (LAPACK {@code dgetf2} order:
 * first largest pivot, multipliers scaled by the reciprocal pivot, rank-one trailing update).
 * O(n³) time. {@code A} is overwritten.
 */
final class LinearSolver {
  private LinearSolver() {}

  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    int[] perm = new int[n];
    for (int j = 0; j < n; j++) {
      int p = j;
      double max = Math.abs(a[j][j]);
      for (int i = j + 1; i < n; i++) {
        double v = Math.abs(a[i][j]);
        if (v > max) {
          max = v;
          p = i;
        }
      }
      perm[j] = p;
      if (a[p][j] == 0) throw new ArithmeticException("singular matrix at column " + j);
      if (p != j) {
        double[] t = a[p];
        a[p] = a[j];
        a[j] = t;
        double tb = b[p];
        b[p] = b[j];
        b[j] = tb;
      }
      double[] rj = a[j];
      double r = 1.0 / rj[j];
      for (int i = j + 1; i < n; i++) {
        double[] ri = a[i];
        if (ri[j] == 0) continue;
        ri[j] *= r;
        double l = ri[j];
        for (int k = j + 1; k < n; k++) ri[k] -= l * rj[k];
      }
    }
    // forward substitution (unit lower), then backward (upper)
    for (int i = 0; i < n; i++) {
      double s = b[i];
      double[] ri = a[i];
      for (int k = 0; k < i; k++) s -= ri[k] * b[k];
      b[i] = s;
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      double[] ri = a[i];
      for (int k = i + 1; k < n; k++) s -= ri[k] * b[k];
      b[i] = s / ri[i];
    }
    return b;
  }
}
