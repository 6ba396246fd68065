package io.homeshield.lifecycle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Retention drops whole days and deletes rows while routers keep posting: nothing they sent is refused or lost. */
@QuarkusTest
class RetentionDuringIngestTest {

    private static final int ROUTERS = 6;
    private static final int BATCHES = 25;
    private static final DailyPartitions.Table RECEIPTS = DailyPartitions.TABLES.get(0);

    @Inject
    Retention retention;

    @Inject
    DataSource db;

    @Test
    void batchesPostedWhileRetentionRunsAreAllStoredOnce() throws Exception {
        List<TestHousehold> homes = new ArrayList<>();
        for (int i = 0; i < ROUTERS; i++) {
            homes.add(Fixtures.household("retention-ingest-" + i + "-" + java.util.UUID.randomUUID()));
        }
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger oldDaysDropped = new AtomicInteger();
        List<LocalDate> oldDays = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> retaining = CompletableFuture.runAsync(() -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int back = 20; posting.get() && back < 30; back++) {
                try {
                    LocalDate old = today.minusDays(back);
                    oldPartitions(old);
                    oldDays.add(old);
                    releaseLease();
                    retention.runOnce().orElseThrow();
                    runs.incrementAndGet();
                    if (!partitionExists(DailyPartitions.partitionName(RECEIPTS, old))) {
                        oldDaysDropped.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        List<CompletableFuture<Void>> routers = new ArrayList<>();
        for (TestHousehold home : homes) {
            routers.add(CompletableFuture.runAsync(() -> {
                String mac = Fixtures.randomMac().value();
                for (long sequence = 1; sequence <= BATCHES; sequence++) {
                    given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                            .contentType(ContentType.JSON)
                            .body(Batches.of(home.routerId(), sequence).host(mac, "192.168.1.30", "laptop", true)
                                    .dns(mac, "example.org", "93.184.216.34").flow(mac, "93.184.216.34", 443).build())
                            .when().post("/ingest/v1/batches").then().statusCode(202);
                }
            }));
        }
        CompletableFuture.allOf(routers.toArray(CompletableFuture[]::new)).join();
        posting.set(false);
        retaining.join();

        assertTrue(runs.get() > 0, "retention ran while routers posted");
        System.out.printf("retention ran %d times during ingest; %d old days dropped then%n", runs.get(),
                oldDaysDropped.get());
        // a day whose drop waited too long for the table's lock is left for the next run, which takes it
        releaseLease();
        retention.runOnce().orElseThrow();
        for (LocalDate old : oldDays) {
            assertTrue(!partitionExists(DailyPartitions.partitionName(RECEIPTS, old)), "receipts of " + old);
        }
        for (TestHousehold home : homes) {
            assertEquals(BATCHES, count("select count(*) from telemetry_receipt where router_id = ?", home));
            assertEquals(BATCHES, count("select coalesce(sum(a.flows), 0) from device_activity a join device d"
                    + " on d.id = a.device_id where d.router_id = ?", home), "every batch's flow, once");
        }
    }

    /** Days of receipts past their retention, with partitions of their own (as a long-running installation has). */
    private void oldPartitions(LocalDate day) throws SQLException {
        if (!isPostgresql()) {
            return;
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(DailyPartitions.createStatement(RECEIPTS, day));
        }
    }

    private boolean partitionExists(String name) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement find = c.prepareStatement("select count(*) from pg_class where relname = ?")) {
            find.setString(1, name);
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private boolean isPostgresql() throws SQLException {
        try (Connection c = db.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    private long count(String sql, TestHousehold home) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, home.routerId());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void releaseLease() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from job_lease where job = ?")) {
            delete.setString(1, Retention.JOB);
            delete.executeUpdate();
        }
    }
}
