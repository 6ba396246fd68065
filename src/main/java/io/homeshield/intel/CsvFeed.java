package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads indicators from one column of a CSV feed (RFC 4180 quoting, one record a line). Lines
 * starting with {@code #} are comments, but a commented line naming the column counts as the
 * header: URLhaus' export writes {@code # id,dateadded,url,...} above its rows. Values may be
 * addresses, ranges, host names or URLs (whose host counts only if it is an address).
 */
final class CsvFeed implements FeedParser {

    private final CsvLayout layout;

    CsvFeed(CsvLayout layout) {
        this.layout = layout;
    }

    @Override
    public void read(BufferedReader lines, FeedIndicators.Builder into) throws IOException {
        int column = layout.index();
        boolean awaitingHeader = column < 0 || layout.header();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            boolean comment = line.startsWith("#");
            if (awaitingHeader) {
                if (column >= 0) {
                    awaitingHeader = comment;
                    continue;
                }
                column = headerIndex(comment ? line.substring(1).strip() : line);
                awaitingHeader = column < 0;
                if (awaitingHeader && !comment) {
                    throw new MalformedFeedException("no header line names the column '" + layout.column()
                            + "' before the first row (line " + number + ": '" + IndicatorText.abbreviate(line) + "')");
                }
                continue;
            }
            if (!comment) {
                readRecord(line, column, "line " + number, into);
            }
        }
        if (awaitingHeader && column < 0) {
            throw new MalformedFeedException("no header line names the column '" + layout.column() + "'");
        }
    }

    private int headerIndex(String line) {
        try {
            List<String> names = fields(line, layout.delimiter());
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).strip().equalsIgnoreCase(layout.column())) {
                    return i;
                }
            }
        } catch (IllegalArgumentException e) {
            // not a header line
        }
        return -1;
    }

    private void readRecord(String line, int column, String where, FeedIndicators.Builder into) {
        List<String> fields;
        try {
            fields = fields(line, layout.delimiter());
        } catch (IllegalArgumentException e) {
            into.unreadable(where, e.getMessage());
            return;
        }
        if (fields.size() <= column) {
            into.unreadable(where, "has " + fields.size() + " columns, the indicator is in column " + (column + 1));
        } else if (fields.get(column).isBlank()) {
            into.unreadable(where, "the indicator column is empty");
        } else {
            IndicatorText.add(fields.get(column), Validity.ALWAYS, into, where);
        }
    }

    /** Splits one CSV record; quoted fields may hold the delimiter and doubled quotes. */
    static List<String> fields(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw new IllegalArgumentException("text after a closing quote");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
