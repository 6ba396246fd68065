package io.homeshield.fleet.remediation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.homeshield.infra.StaffDecision;

/** A command for many routers, sent as a canary wave and then rate-limited waves, halting itself on failures. */
@Entity
@Table(name = "remediation_job")
public class RemediationJob extends StaffDecision {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public RemediationKind kind;

    @Column(nullable = false, length = 200)
    public String title;

    /** The target set in words: the campaign, or the model and firmware queried. */
    @Column(name = "target_query", nullable = false, length = 500)
    public String targetQuery;

    @Column(name = "campaign_id")
    public UUID campaignId;

    /** For firmware: the image's URL and version (see {@link FirmwareChoice}). */
    @Column(length = 4000)
    public String parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public JobState state;

    @Column(name = "canary_size", nullable = false)
    public int canarySize;

    @Column(name = "wave_size", nullable = false)
    public int waveSize;

    @Column(name = "wave_interval_ms", nullable = false)
    public long waveIntervalMillis;

    @Column(name = "max_failure_percent", nullable = false)
    public int maxFailurePercent;

    @Column(name = "waves_started", nullable = false)
    public int wavesStarted;

    @Column(name = "next_wave_at")
    public Instant nextWaveAt;

    @Column(name = "halt_reason", length = 500)
    public String haltReason;

    /** Routers finished when the job was last resumed: the failure threshold judges only what came after. */
    @Column(name = "finished_at_resume", nullable = false)
    public int finishedAtResume;

    @Column(name = "failures_at_resume", nullable = false)
    public int failuresAtResume;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Duration waveInterval() {
        return Duration.ofMillis(waveIntervalMillis);
    }

    /** The firmware version a firmware job installs; null for other jobs. */
    public String firmwareVersion() {
        return parameters == null ? null : FirmwareChoice.decode(parameters).version();
    }

    public TargetSpec target() {
        return TargetSpec.described(campaignId, targetQuery);
    }

    /** Why the job is halted, in parts; null when it is not. */
    public HaltReason halt() {
        return HaltReason.of(haltReason);
    }
}
