package io.homeshield.telemetry;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "homeshield.telemetry")
public interface TelemetryConfig {

    /** Secret key mixed into every stored router-credential hash; set from the environment in production. */
    String credentialPepper();

    /**
     * Router credential checks reading the database at once; more wait their turn, so a burst of
     * routers connecting leaves the connection pool to the batches already accepted.
     */
    @WithDefault("4")
    int credentialReads();

    /** Most events one batch may carry. */
    @WithDefault("5000")
    int maxEventsPerBatch();

    /** Largest batch body in bytes. */
    @WithDefault("4194304")
    int maxBatchBytes();

    /**
     * Batches in the pipeline at the same time until they are applied on arrival (batches waiting
     * only for their records' store do not count); more wait briefly, then are told to retry.
     */
    @WithDefault("256")
    int maxConcurrentBatches();

    /** How long a batch may wait for a place in the pipeline before the router is told to retry. */
    @WithDefault("250ms")
    Duration admissionWait();

    /** The Retry-After a router gets when the pipeline is full. */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * The fastest link a flow may have crossed, in bits per second: a flow claiming more bytes than
     * this rate carries in its duration (plus {@link #flowByteSlack()}) is refused.
     */
    @WithDefault("10000000000")
    long lineRateBitsPerSecond();

    /** Bytes a flow may claim beyond the line rate times its duration (rounding of very short flows). */
    @WithDefault("1048576")
    long flowByteSlack();

    /** The most bytes one flow may claim in each direction, whatever its duration. */
    @WithDefault("1099511627776")
    long maxFlowBytes();

    /** How far ahead of our clock a timestamp in a batch may be. */
    @WithDefault("1h")
    Duration maxClockSkew();

    /** How old a timestamp in a batch may be (a router that was offline sends what it kept). */
    @WithDefault("30d")
    Duration maxEventAge();

    /** Devices one router may have; beyond it, new MACs are counted in one finding, not stored. */
    @WithDefault("512")
    int maxDevicesPerRouter();

    /** Batches of one router processed at the same time; more are answered 429. */
    @WithDefault("2")
    int routerMaxConcurrentBatches();

    /** Events one router may send per minute; beyond it, batches are answered 429 until the minute ends. */
    @WithDefault("60000")
    int routerMaxEventsPerMinute();

    /** Routers whose ingest rate is tracked at once (least recently seen are forgotten first). */
    @WithDefault("100000")
    int routerLimiterCapacity();

    /** Attempts to apply a batch before it is stored as a dead letter. */
    @WithDefault("3")
    int applyAttempts();

    /** The wait between attempts to apply a batch (doubled after each). */
    @WithDefault("100ms")
    Duration applyBackoff();

    /**
     * Opens {@code POST /ingest/v1/parse-only}, which authenticates, reads and validates a batch and
     * applies nothing: the ceiling the ingest benchmark measures against. Never on in production.
     */
    @WithDefault("false")
    boolean benchmarkEndpoint();

    /** Group commit: concurrent batches of many routers applied together in one transaction. */
    GroupCommit groupCommit();

    interface GroupCommit {

        /** Off: every batch is applied in a transaction of its own. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Writer lanes: a router's batches always go to the same lane (by its id's hash), so they are
         * applied in the order they arrived; lanes commit in parallel.
         */
        @WithDefault("2")
        int lanes();

        /** How long a lane waits for more batches to join a group before it applies what it has. */
        @WithDefault("3ms")
        Duration maxWait();

        /** The most batches one group applies in one transaction. */
        @WithDefault("64")
        int maxBatches();

        /**
         * How long a lane keeps applied batches' records (receipts, roll-up sums, configuration
         * changes) in memory before it stores them in one transaction, coalesced: a device's hour and
         * each of its destinations are written once per interval whatever the number of batches. The
         * senders are answered after that commit, so this is also the longest extra wait for an
         * acknowledgement. Zero stores every group with its arrival, in one transaction.
         */
        @WithDefault("10s")
        Duration flushInterval();

        /**
         * A lane stores earlier once the batches waiting for their store hold this many events: they stay
         * in memory until then (a batch whose store fails is applied again, or kept as a dead letter).
         */
        @WithDefault("200000")
        int maxOpenEvents();
    }
}
