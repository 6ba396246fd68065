package io.homeshield.intel;

/**
 * Where a CSV feed keeps its indicator: {@code column} is a header name ({@code url}) or a column
 * number counted from 1; {@code header} says the first line names the columns (always so when the
 * column is given by name).
 */
public record CsvLayout(String column, boolean header, char delimiter) {

    public static final CsvLayout FIRST_COLUMN = new CsvLayout("1", false, ',');

    public CsvLayout {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("the CSV column of the indicator must be named or numbered");
        }
        column = column.strip();
        if (column.chars().allMatch(Character::isDigit) && Integer.parseInt(column) < 1) {
            throw new IllegalArgumentException("CSV columns are numbered from 1");
        }
        if (delimiter == '"' || delimiter == '\n') {
            throw new IllegalArgumentException("the CSV delimiter cannot be a quote or a line break");
        }
    }

    /** The column's index from 0, or -1 when it is given by name. */
    int index() {
        return column.chars().allMatch(Character::isDigit) ? Integer.parseInt(column) - 1 : -1;
    }
}
