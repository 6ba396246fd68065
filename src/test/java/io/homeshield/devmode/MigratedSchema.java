package io.homeshield.devmode;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database's schema after migration, read through JDBC metadata and put into words both databases
 * share: tables, their columns (type, length, nullability), their indexes (columns in order,
 * uniqueness) and foreign keys. Names the databases generate themselves (of primary keys, unique
 * constraints and foreign keys) are left out; what they cover is compared.
 */
record MigratedSchema(Map<String, String> columns, Map<String, String> indexes, Map<String, String> foreignKeys) {

    private static final int H2_TEXT_LENGTH = 1_000_000_000;

    /** Flyway's own bookkeeping, not the application's schema. */
    private static final String HISTORY = "flyway_schema_history";

    static MigratedSchema read(Connection connection, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, String> columns = new TreeMap<>();
        Map<String, String> indexes = new TreeMap<>();
        Map<String, String> foreignKeys = new TreeMap<>();
        for (String table : tables(meta, schema)) {
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    String type = commonType(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"));
                    String nullable = "YES".equals(rs.getString("IS_NULLABLE")) ? "null" : "not null";
                    String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    columns.put(table + "." + column, type + " " + nullable);
                }
            }
            List<String> referencing = new ArrayList<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String column = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                    referencing.add(column);
                    foreignKeys.put(table + "." + column, rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                            + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            Map<String, List<String>> indexColumns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name == null) {
                        continue;
                    }
                    int position = rs.getInt("ORDINAL_POSITION");
                    List<String> cols = indexColumns.computeIfAbsent(name, n -> new ArrayList<>());
                    while (cols.size() < position) {
                        cols.add("");
                    }
                    cols.set(position - 1, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT).replace("\"", ""));
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            // H2 indexes every foreign key by itself, under a name of its own making; PostgreSQL does not
            indexColumns.entrySet().removeIf(index -> index.getKey().toLowerCase(Locale.ROOT).startsWith("constraint_")
                    && index.getValue().size() == 1 && referencing.contains(index.getValue().get(0)));
            indexColumns.forEach((name, cols) -> indexes.merge(
                    table + " (" + String.join(", ", cols) + ")" + (unique.get(name) ? " unique" : ""),
                    name.toLowerCase(Locale.ROOT), (a, b) -> a + ", " + b));
        }
        return new MigratedSchema(columns, indexes, foreignKeys);
    }

    /** The tables; a partitioned table (PostgreSQL) counts once, as itself, and its partitions not at all. */
    private static List<String> tables(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> partitions = new ArrayList<>();
        if (meta.getDatabaseProductName().equals("PostgreSQL")) {
            try (PreparedStatement find = meta.getConnection().prepareStatement("select c.relname from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where c.relispartition and n.nspname = ?")) {
                find.setString(1, schema);
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        partitions.add(rs.getString(1));
                    }
                }
            }
        }
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] { "TABLE", "PARTITIONED TABLE" })) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!HISTORY.equalsIgnoreCase(name) && !partitions.contains(name)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** PostgreSQL's and H2's names of a type, as one word (with the length where the length matters). */
    static String commonType(String typeName, int size) {
        String type = typeName.toLowerCase(Locale.ROOT);
        return switch (type) {
            // H2 takes PostgreSQL's text as a varchar of its greatest length
            case "varchar", "character varying" -> size >= H2_TEXT_LENGTH ? "text" : "varchar(" + size + ")";
            case "bpchar", "character", "char" -> "char(" + size + ")";
            case "text", "character large object", "clob" -> "text";
            case "int4", "integer", "int", "serial" -> "integer";
            case "int8", "bigint", "bigserial" -> "bigint";
            case "int2", "smallint" -> "smallint";
            case "bool", "boolean" -> "boolean";
            case "float8", "double precision", "double" -> "double";
            case "float4", "real" -> "real";
            case "timestamptz", "timestamp with time zone" -> "timestamptz";
            case "timestamp", "timestamp without time zone" -> "timestamp";
            case "bytea", "binary varying", "varbinary", "binary large object", "blob" -> "bytes";
            case "jsonb", "json" -> "json";
            case "numeric", "decimal" -> "numeric(" + size + ")";
            default -> type;
        };
    }
}
