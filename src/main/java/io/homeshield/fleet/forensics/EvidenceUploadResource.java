package io.homeshield.fleet.forensics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.quarkus.logging.Log;

/**
 * Where routers upload evidence files (USP {@code VendorLogFile.{i}.Upload()}, TR-069 {@code Upload}):
 * on the ingest address routers already reach, outside the staff sign-in. The token in the path is
 * the credential: it names one file of one collection and expires. Agents upload with HTTP PUT (curl
 * {@code -T}, no Content-Type) and some append a file name to the URL; POST is taken the same way.
 * A file above {@code homeshield.forensics.upload-max-bytes} is refused with 413 and the refusal is
 * recorded, so the snapshot names it.
 */
@Path(EvidenceUploadSlots.PATH)
public class EvidenceUploadResource {

    private static final String NOT_VALID = "This upload address is not valid: wrong, already used or expired.";

    private final ForensicsConfig config;
    private final EvidenceUploadSlots slots;

    EvidenceUploadResource(ForensicsConfig config, EvidenceUploadSlots slots) {
        this.config = config;
        this.slots = slots;
    }

    @PUT
    @Path("{token}")
    public Response put(@PathParam("token") String token,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) throws IOException {
        return receive(token, contentLength, body);
    }

    @PUT
    @Path("{token}/{name}")
    public Response putNamed(@PathParam("token") String token, @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) throws IOException {
        return receive(token, contentLength, body);
    }

    @POST
    @Path("{token}")
    public Response post(@PathParam("token") String token,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) throws IOException {
        return receive(token, contentLength, body);
    }

    private Response receive(String token, Long contentLength, InputStream body) throws IOException {
        EvidenceUpload slot = openSlot(token).orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, NOT_VALID));
        long max = config.uploadMaxBytes();
        if (contentLength != null && contentLength > max) {
            throw tooLarge(slot, contentLength);
        }
        byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, max + 1));
        if (content.length > max) {
            throw tooLarge(slot, -1);
        }
        boolean taken = slots.receive(slot, content);
        if (!taken) {
            throw new ProblemException(ProblemType.FORBIDDEN, NOT_VALID);
        }
        Log.infof("Evidence file %s of %d bytes uploaded by router %s", slot.fileName, content.length, slot.routerId);
        return Response.noContent().build();
    }

    private Optional<EvidenceUpload> openSlot(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return slots.openSlot(token);
    }

    private ProblemException tooLarge(EvidenceUpload slot, long size) {
        String why = slot.fileName + ": the router's upload" + (size >= 0 ? " of " + size + " bytes" : "")
                + " was refused, it exceeds the upload limit of " + config.uploadMaxBytes() + " bytes.";
        slots.refuse(slot, why, size);
        Log.warnf("Evidence upload %s from router %s refused: too large", slot.fileName, slot.routerId);
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The file exceeds the upload limit of "
                + config.uploadMaxBytes() + " bytes.");
    }
}
