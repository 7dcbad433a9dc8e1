package org.mirabella.spark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.mirabella.matching.engine.StoredModel;
import org.mirabella.model.InvalidData;

/**
 * The latest fitted model version of a store, read on the driver with plain JDBC from the tables
 * the application writes ({@code match_model*}, migration V31). This module depends on core only
 * (the application's Jdbi and Jackson stay out of Spark's class path), so the few queries are here;
 * turning the rows into a matcher is the core's {@link StoredModel}, as in the application.
 */
final class StoreModels {
  private StoreModels() {}

  static Optional<StoredModel> latest(String url, Properties connection) {
    try (Connection c = DriverManager.getConnection(url, connection)) {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT version, algorithm, lambda, records, pairs, em_pairs, fitted_at, fitted_by FROM match_model "
              + "WHERE version = (SELECT MAX(version) FROM match_model)");
           ResultSet rs = s.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        int version = rs.getInt(1);
        String algorithm = rs.getString(2);
        double lambda = rs.getDouble(3);
        long records = rs.getLong(4);
        long pairs = rs.getLong(5);
        long emPairs = rs.getLong(6);
        Instant fittedAt = rs.getObject(7, java.time.OffsetDateTime.class).toInstant();
        String fittedBy = rs.getString(8);
        List<StoredModel.Level> levels = new ArrayList<>();
        query(c, "SELECT feature, level_no, label, m, u FROM match_model_level WHERE version = ? ORDER BY feature, level_no", version,
            r -> levels.add(new StoredModel.Level(r.getString(1), r.getInt(2), r.getString(3), r.getDouble(4), r.getDouble(5))));
        List<StoredModel.Frequency> freq = new ArrayList<>();
        query(c, "SELECT feature, val, frequency FROM match_model_frequency WHERE version = ? ORDER BY feature, val", version,
            r -> freq.add(new StoredModel.Frequency(r.getString(1), r.getString(2), r.getDouble(3))));
        Map<String, Long> stop = new LinkedHashMap<>();
        query(c, "SELECT mkey, holders FROM match_model_stop_key WHERE version = ? ORDER BY mkey", version,
            r -> stop.put(r.getString(1), r.getLong(2)));
        return Optional.of(new StoredModel(version, algorithm, lambda, records, pairs, emPairs, fittedAt, fittedBy, levels, freq, stop));
      }
    } catch (SQLException e) {
      throw new InvalidData("Cannot read the match model", Map.of("db", SparkXref.redact(url) + ": " + e.getMessage()));
    }
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, int version, RowReader reader) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setInt(1, version);
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) reader.read(rs);
      }
    }
  }
}
