package io.homeshield.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL database the tests use, for tests that talk to it without the application. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String name() {
        String name = System.getenv("HOMESHIELD_TEST_DB");
        return name == null || name.isBlank() ? "homeshield_test" : name;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name(), "homeshield", "homeshield");
    }
}
