package io.homeshield.lifecycle;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A household archive written in the background, then kept (gzip) until its download link expires. */
@Entity
@Table(name = "export_job")
public class ExportJob extends HouseholdRequest {

    public enum State {
        QUEUED, RUNNING, READY, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(name = "sections_done", nullable = false)
    public int sectionsDone;

    @Column(name = "sections_total", nullable = false)
    public int sectionsTotal;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The download link works until then; afterwards retention deletes the job and its archive. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Part of the download link, so a link cannot be guessed from the job's id; downloads still need the sign-in. */
    @Column(name = "link_token", nullable = false, length = 64)
    public String linkToken;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "archive")
    public byte[] archive;

    @Column(name = "archive_bytes")
    public Long archiveBytes;

    @Column(length = 500)
    public String error;

    /** How far the archive is written, 0 to 100. */
    public int percent() {
        return state == State.READY ? 100 : sectionsTotal == 0 ? 0 : 100 * sectionsDone / sectionsTotal;
    }

    public boolean ready() {
        return state == State.READY;
    }

    public boolean failed() {
        return state == State.FAILED;
    }
}
