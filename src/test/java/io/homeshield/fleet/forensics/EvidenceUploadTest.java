package io.homeshield.fleet.forensics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.EvidenceUploads;
import io.homeshield.enforcement.EvidenceUploads.UploadOutcome;
import io.homeshield.enforcement.EvidenceUploads.UploadSlot;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The address routers upload evidence files to: one file per token, expiring, size-capped, outside the sign-in. */
@QuarkusTest
class EvidenceUploadTest {

    private static final byte[] SYSLOG = "Dec  7 03:01:12 router dropbear[812]: Password auth succeeded for 'support'\n"
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    EvidenceUploads uploads;

    @Inject
    ForensicsConfig config;

    @Test
    void aRoutersUploadLandsInItsSlotAndTheAddressWorksOnlyOnce() {
        UploadSlot slot = uploads.open(router(), "Vendor log file syslog");
        CompletableFuture<UploadOutcome> outcome = CompletableFuture.supplyAsync(() -> uploads.await(slot));

        // As curl -T sends it: PUT, the raw file, no Content-Type
        given().body(SYSLOG).when().put(URI.create(slot.url())).then().statusCode(204);

        UploadOutcome received = outcome.join();
        assertTrue(received.arrived());
        assertArrayEquals(SYSLOG, received.content());
        given().body(SYSLOG).when().put(URI.create(slot.url())).then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> EvidenceUpload.count("id", slot.id())),
                "the slot is gone once the collection took the file");
    }

    @Test
    void aWrongTokenIsRefusedAndTheSlotStaysOpen() {
        UploadSlot slot = uploads.open(router(), "Vendor log file syslog");
        String wrong = slot.url().substring(0, slot.url().lastIndexOf('/') + 1) + "x" + UUID.randomUUID();

        given().body(SYSLOG).when().put(URI.create(wrong)).then().statusCode(403)
                .contentType("application/problem+json");
        given().body(SYSLOG).when().post(URI.create(wrong)).then().statusCode(403);

        EvidenceUpload stored = QuarkusTransaction.requiringNew().call(() -> EvidenceUpload.findById(slot.id()));
        assertEquals(EvidenceUpload.OPEN, stored.state);
        assertFalse(slot.url().contains(stored.tokenSha256), "only the token's hash is kept");
        uploads.close(slot);
    }

    @Test
    void anExpiredAddressIsRefused() {
        UploadSlot slot = uploads.open(router(), "Vendor log file syslog");
        QuarkusTransaction.requiringNew().run(() -> EvidenceUpload.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), slot.id()));

        given().body(SYSLOG).when().put(URI.create(slot.url())).then().statusCode(403);

        assertEquals(EvidenceUpload.OPEN, QuarkusTransaction.requiringNew()
                .call(() -> EvidenceUpload.<EvidenceUpload>findById(slot.id()).state));
        uploads.close(slot);
    }

    @Test
    void aFileAboveTheCapIsRefusedWith413AndTheRefusalIsRecordedForTheSnapshot() {
        UploadSlot slot = uploads.open(router(), "Vendor log file kernlog");
        byte[] tooLarge = new byte[(int) config.uploadMaxBytes() + 1];
        Arrays.fill(tooLarge, (byte) 'x');

        given().body(tooLarge).when().put(URI.create(slot.url())).then().statusCode(413)
                .contentType("application/problem+json");

        UploadOutcome outcome = uploads.await(slot);
        assertFalse(outcome.arrived());
        assertNull(outcome.content());
        assertEquals("Vendor log file kernlog: the router's upload of " + tooLarge.length + " bytes was refused, it"
                + " exceeds the upload limit of " + config.uploadMaxBytes() + " bytes.", outcome.refusal());
    }

    @Test
    void aFileAppendedNameStyleUploadIsTakenToo() {
        UploadSlot slot = uploads.open(router(), "Vendor log file syslog");
        CompletableFuture<UploadOutcome> outcome = CompletableFuture.supplyAsync(() -> uploads.await(slot));

        given().body(SYSLOG).when().put(URI.create(slot.url() + "/1765076472-00256D-SN1-logfile_1765076472.txt"))
                .then().statusCode(204);

        assertArrayEquals(SYSLOG, outcome.join().content());
    }

    private static RouterTarget router() {
        return new RouterTarget(UUID.randomUUID(), "SN-U", "HS-Box 7", ManagementChannel.USP, "os::00256D-SN-U");
    }
}
