package dev.hazelog.logging.jdbc;

import dev.hazelog.logging.domain.StoredMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A backup as SQL that {@code psql} could load into any PostgreSQL: the messages as {@code INSERT} statements of a
 * thousand rows, one row a line, texts as Unicode-escaped literals so that no row spans two lines. Restoring does not
 * run the file: it reads the rows of the statements into the table {@code messages} and nothing else, which also
 * reads the backups of the H2 version ({@code SCRIPT TO}, the same row shape), whose other tables it passes over.
 */
final class BackupFile {

    static final String HEADER =
            "-- Hazelog backup: every message, in acceptance order. Restore: ./hazelog restore FILE";
    private static final int ROWS_PER_INSERT = 1000;
    private static final Pattern INSERT_INTO_MESSAGES =
            Pattern.compile("(?i)INSERT INTO (\"PUBLIC\"\\.)?\"?messages\"?\\s.*");

    private BackupFile() {}

    /** Writes the messages, in the order given, as the backup's statements. */
    static void write(Iterable<StoredMessage> messages, Writer out) throws IOException {
        out.write(HEADER + "\n");
        int inStatement = 0;
        for (StoredMessage message : messages) {
            if (inStatement == ROWS_PER_INSERT) {
                out.write(";\n");
                inStatement = 0;
            }
            out.write(inStatement == 0 ? "INSERT INTO messages (" + MessageDatabase.COLUMNS + ") VALUES\n" : ",\n");
            out.write("(" + literal(message.id()) + ", " + literal(message.text()) + ", "
                    + MessageDatabase.micros(message.acceptedAt()) + ", " + literal(message.storedBy()) + ")");
            inStatement++;
        }
        if (inStatement > 0) {
            out.write(";\n");
        }
    }

    /** Each row of the statements that fill the table messages, in the file's order. */
    static void read(BufferedReader in, Consumer<StoredMessage> row) throws IOException {
        boolean intoMessages = false;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.startsWith("INSERT INTO")) {
                intoMessages = INSERT_INTO_MESSAGES.matcher(line).matches();
            } else if (intoMessages && line.startsWith("(")) {
                row.accept(new Row(line, number).message());
            }
        }
    }

    /** A string literal on one line: quotes doubled, and, when there is a control character or a backslash, U&. */
    static String literal(String text) {
        boolean plain = text.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
        StringBuilder out = new StringBuilder(text.length() + 8).append(plain ? "'" : "U&'");
        text.chars().forEach(c -> {
            if (c == '\'') {
                out.append("''");
            } else if (!plain && c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f) {
                out.append("\\%04x".formatted(c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('\'').toString();
    }

    /** One row, {@code ('id', 'text', micros, 'stored by')} with a comma or semicolon after it, read left to right. */
    private static final class Row {
        private final String line;
        private final int number;
        private int at;

        Row(String line, int number) {
            this.line = line;
            this.number = number;
        }

        StoredMessage message() {
            expect('(');
            String id = string();
            expect(',');
            String text = string();
            expect(',');
            long micros = number();
            expect(',');
            String storedBy = string();
            expect(')');
            skipSpaces();
            if (at < line.length() && (line.charAt(at) == ',' || line.charAt(at) == ';')) {
                at++;
            }
            skipSpaces();
            if (at != line.length()) {
                throw malformed("the row's end");
            }
            return new StoredMessage(id, text, Instant.EPOCH.plus(micros, ChronoUnit.MICROS), storedBy);
        }

        private String string() {
            skipSpaces();
            boolean unicode = line.startsWith("U&'", at);
            at += unicode ? 2 : 0;
            expect('\'');
            StringBuilder text = new StringBuilder();
            while (true) {
                if (at >= line.length()) {
                    throw malformed("the end of a string");
                }
                char c = line.charAt(at++);
                if (c == '\'' && at < line.length() && line.charAt(at) == '\'') {
                    text.append('\'');
                    at++;
                } else if (c == '\'') {
                    return text.toString();
                } else if (unicode && c == '\\') {
                    text.append(escaped());
                } else {
                    text.append(c);
                }
            }
        }

        /** After a backslash in U&'...': another backslash, four hex digits, or + and six. */
        private String escaped() {
            if (at < line.length() && line.charAt(at) == '\\') {
                at++;
                return "\\";
            }
            int digits = at < line.length() && line.charAt(at) == '+' ? 6 : 4;
            int from = at + (digits == 6 ? 1 : 0);
            if (from + digits > line.length()) {
                throw malformed("a Unicode escape");
            }
            try {
                int codePoint = Integer.parseInt(line.substring(from, from + digits), 16);
                at = from + digits;
                return Character.toString(codePoint);
            } catch (IllegalArgumentException e) {
                throw malformed("a Unicode escape");
            }
        }

        private long number() {
            skipSpaces();
            int from = at;
            while (at < line.length() && (Character.isDigit(line.charAt(at)) || line.charAt(at) == '-')) {
                at++;
            }
            try {
                return Long.parseLong(line.substring(from, at));
            } catch (NumberFormatException e) {
                throw malformed("a number");
            }
        }

        private void expect(char expected) {
            skipSpaces();
            if (at >= line.length() || line.charAt(at) != expected) {
                throw malformed("'" + expected + "'");
            }
            at++;
        }

        private void skipSpaces() {
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
        }

        private IllegalArgumentException malformed(String expected) {
            return new IllegalArgumentException(
                    "line %d, column %d: expected %s in a row of messages".formatted(number, at + 1, expected));
        }
    }
}
