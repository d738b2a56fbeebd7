package org.namcl.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The results database ({@code --db FILE}): an SQLite file with one row per {@link ScoreKey} and
 * every {@link ResultField}. Each row is written in a transaction of its own, so a process killed
 * at any moment leaves whole rows only, and the pairs in flight simply missing: a re-run finds
 * the rows it has and scores the rest.
 */
public final class ResultsDatabase implements AutoCloseable {
    private static final String TABLE = "results";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KEY = {"model_sha256", "input_sha256", "target_sha256", "settings"};

    private final Path file;
    private final Connection connection;

    private ResultsDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating when absent) the database at {@code file}.
     *
     * @throws SQLException when it cannot be opened or is not a namcl results database
     */
    public static ResultsDatabase open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            // one transaction per row: committed rows survive a kill, and nothing half-written does
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (" + String.join(" TEXT NOT NULL, ", KEY)
                    + " TEXT NOT NULL, " + Arrays.stream(ResultField.values())
                    .map(f -> f.key() + (f.text ? " TEXT" : " REAL")).collect(Collectors.joining(", "))
                    + ", charts TEXT, scored_at TEXT NOT NULL, PRIMARY KEY (" + String.join(", ", KEY) + "))");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new ResultsDatabase(file, c);
    }

    public Path file() {
        return file;
    }

    /** The stored result under {@code key}, if any. */
    public synchronized Optional<EvalResult> find(ScoreKey key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM " + TABLE + " WHERE "
                + Arrays.stream(KEY).map(k -> k + " = ?").collect(Collectors.joining(" AND ")))) {
            bindKey(s, key, 1);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The keys of every stored result.
     *
     * @return the keys
     * @throws SQLException when the database cannot be read
     */
    public synchronized Set<ScoreKey> keys() throws SQLException {
        Set<ScoreKey> keys = new HashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", KEY) + " FROM " + TABLE)) {
            while (rs.next()) {
                keys.add(new ScoreKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return keys;
    }

    /** Stores {@code result} under {@code key} (replacing an earlier row), in one transaction. */
    public synchronized void save(ScoreKey key, EvalResult result) throws SQLException {
        ResultField[] fields = ResultField.values();
        String columns = String.join(", ", KEY) + ", " + Arrays.stream(fields).map(ResultField::key)
                .collect(Collectors.joining(", ")) + ", charts, scored_at";
        String marks = String.join(", ", Collections.nCopies(KEY.length + fields.length + 2, "?"));
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR REPLACE INTO " + TABLE + " (" + columns + ") VALUES (" + marks + ")")) {
            bindKey(s, key, 1);
            for (int i = 0; i < fields.length; i++) {
                s.setObject(KEY.length + 1 + i, fields[i].of(result));
            }
            s.setString(KEY.length + fields.length + 1, charts(result.charts()));
            s.setString(KEY.length + fields.length + 2, OffsetDateTime.now().toString());
            s.executeUpdate();
        }
    }

    /** Every stored result, in the order they were scored. */
    public synchronized List<EvalResult> all() throws SQLException {
        List<EvalResult> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + TABLE + " ORDER BY rowid")) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    private static void bindKey(PreparedStatement s, ScoreKey key, int at) throws SQLException {
        s.setString(at, key.modelSha256());
        s.setString(at + 1, key.inputSha256());
        s.setString(at + 2, key.targetSha256());
        s.setString(at + 3, key.settings());
    }

    private static EvalResult read(ResultSet rs) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        for (ResultField f : ResultField.values()) {
            row.put(f.key(), rs.getObject(f.key()));
        }
        String charts = rs.getString("charts");
        return ResultField.read(row::get).withCharts(charts == null ? null : fromJson(charts));
    }

    private static String charts(ChartData c) throws SQLException {
        if (c == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode the charts: " + e.getOriginalMessage(), e);
        }
    }

    private static ChartData fromJson(String text) throws SQLException {
        try {
            return JSON.readValue(text, ChartData.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("a row's charts cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
