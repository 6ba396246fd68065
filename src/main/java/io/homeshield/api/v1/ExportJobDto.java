package io.homeshield.api.v1;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.lifecycle.ExportJob;

/** A household archive being prepared, and its download link once it is ready. */
@Schema(name = "Export")
public record ExportJobDto(UUID id,
        @Schema(description = "QUEUED, RUNNING, READY or FAILED") String state,
        @Schema(description = "How much of the archive is written, 0 to 100") int percent,
        int sectionsDone, int sectionsTotal, Instant createdAt, Instant finishedAt,
        @Schema(description = "Until when the download link works; afterwards the archive is "
                + "deleted") Instant expiresAt,
        @Schema(description = "The archive (gzip-compressed JSON, homeshield-export/1) once READY; needs the owner's"
                + " token like every call") URI download) {

    static ExportJobDto of(ExportJob job, UriBuilder base) {
        URI download = job.ready() ? base.clone().path("api/v1/exports").path(job.id.toString()).path("archive")
                .queryParam("token", job.linkToken).build() : null;
        return new ExportJobDto(job.id, job.state.name(), job.percent(), job.sectionsDone, job.sectionsTotal,
                job.createdAt, job.finishedAt, job.expiresAt, download);
    }
}
