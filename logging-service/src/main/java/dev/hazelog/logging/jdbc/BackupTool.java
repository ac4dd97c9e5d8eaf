package dev.hazelog.logging.jdbc;

import dev.hazelog.logging.domain.StoredMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.flywaydb.core.Flyway;

/**
 * {@code ./hazelog backup FILE} and {@code restore FILE}: the table {@code messages} written to a {@link BackupFile}
 * from one snapshot, or replaced by one's rows in one transaction (all or nothing). The database comes from
 * {@code HAZELOG_STORE_URL}, {@code HAZELOG_STORE_USER} and {@code HAZELOG_STORE_PASSWORD}.
 */
public final class BackupTool {

    private static final int ROWS_PER_BATCH = 1000;

    private BackupTool() {}

    public static void main(String[] arguments) throws SQLException, IOException {
        if (arguments.length != 2 || !(arguments[0].equals("backup") || arguments[0].equals("restore"))) {
            System.err.println("usage: BackupTool backup|restore FILE");
            System.exit(2);
        }
        Path file = Path.of(arguments[1]);
        String url = System.getenv("HAZELOG_STORE_URL");
        String user = System.getenv().getOrDefault("HAZELOG_STORE_USER", "");
        String password = System.getenv().getOrDefault("HAZELOG_STORE_PASSWORD", "");
        try (Connection database = DriverManager.getConnection(url, user, password)) {
            if (arguments[0].equals("backup")) {
                System.out.printf("%d messages written%n", backup(database, file));
            } else {
                Flyway.configure().dataSource(url, user, password).load().migrate();
                System.out.printf("%d messages restored%n", restore(database, file));
            }
        }
    }

    /** Writes every message, read from one snapshot, to a file beside the target, then puts it in its place. */
    static long backup(Connection database, Path file) throws SQLException, IOException {
        database.setAutoCommit(false); // a cursor, and not the whole table in memory
        database.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".hazelog-backup-", ".sql");
        try (Statement statement = database.createStatement()) {
            statement.setFetchSize(ROWS_PER_BATCH);
            try (ResultSet rows = statement.executeQuery(
                            "SELECT " + MessageDatabase.COLUMNS + " FROM messages ORDER BY accepted_at_micros, id");
                    Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                Rows messages = new Rows(rows);
                BackupFile.write(() -> messages, out);
                database.commit();
                out.close();
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return messages.count;
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Empties the table and fills it with the file's rows, committed together or not at all. */
    static long restore(Connection database, Path file) throws SQLException, IOException {
        database.setAutoCommit(false);
        long[] count = {0};
        try (Statement empty = database.createStatement();
                PreparedStatement insert = database.prepareStatement(
                        "INSERT INTO messages (" + MessageDatabase.COLUMNS + ") VALUES (?, ?, ?, ?)");
                BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            empty.execute("TRUNCATE TABLE messages");
            BackupFile.read(in, message -> {
                try {
                    insert.setString(1, message.id());
                    insert.setString(2, message.text());
                    insert.setLong(3, MessageDatabase.micros(message.acceptedAt()));
                    insert.setString(4, message.storedBy());
                    insert.addBatch();
                    if (++count[0] % ROWS_PER_BATCH == 0) {
                        insert.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            insert.executeBatch();
            database.commit();
            return count[0];
        } catch (RuntimeException | SQLException | IOException e) {
            database.rollback();
            throw e;
        }
    }

    /** A result set's rows as messages, counted as they go by. */
    private static final class Rows implements Iterator<StoredMessage> {
        private final ResultSet rows;
        private boolean ahead;
        private long count;

        Rows(ResultSet rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            try {
                ahead = ahead || rows.next();
                return ahead;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public StoredMessage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = false;
            count++;
            try {
                return MessageDatabase.ROW.mapRow(rows, (int) count);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
