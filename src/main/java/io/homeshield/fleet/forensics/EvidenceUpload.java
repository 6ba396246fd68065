package io.homeshield.fleet.forensics;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One place a router may upload one evidence file to, known by the SHA-256 of its token. */
@Entity
@Table(name = "evidence_upload")
public class EvidenceUpload extends PanacheEntityBase {

    static final String OPEN = "OPEN";
    static final String RECEIVED = "RECEIVED";
    static final String REFUSED = "REFUSED";

    @Id
    public UUID id;

    @Column(name = "token_sha256", nullable = false, length = 64)
    public String tokenSha256;

    @Column(name = "router_id", nullable = false)
    public UUID routerId;

    @Column(name = "file_name", nullable = false, length = 200)
    public String fileName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false, length = 16)
    public String state;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(length = 500)
    public String refusal;

    public byte[] content;
}
