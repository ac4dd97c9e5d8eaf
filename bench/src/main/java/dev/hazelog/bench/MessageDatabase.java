package dev.hazelog.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The table behind the map, when the system keeps its messages in a database: the map then holds only a working set,
 * so the log is counted and emptied here. Credentials come from {@code HAZELOG_STORE_USER} and
 * {@code HAZELOG_STORE_PASSWORD}, as the logging services take them.
 */
final class MessageDatabase {

    private final String url;

    MessageDatabase(String url) {
        this.url = url;
    }

    int count() {
        return (int) query("SELECT COUNT(*) FROM messages");
    }

    void empty() {
        query("TRUNCATE TABLE messages");
    }

    /** The statement's first number: a query's first column, or an update's count. */
    private long query(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        url,
                        System.getenv().getOrDefault("HAZELOG_STORE_USER", ""),
                        System.getenv().getOrDefault("HAZELOG_STORE_PASSWORD", ""));
                Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return statement.getUpdateCount();
            }
            try (ResultSet row = statement.getResultSet()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the message database (" + url + ") did not answer: " + e.getMessage(), e);
        }
    }
}
