package io.homeshield.infra.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import jakarta.ws.rs.core.HttpHeaders;

import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/**
 * Entity tags of editable resources, taken over what an edit can change. An edit must send
 * {@code If-Match}: without it the answer is 428, with another tag 412, and nothing changes; {@code *}
 * means whatever is current.
 */
public final class EntityTags {

    public static final String IF_MATCH = "If-Match";

    private EntityTags() {
    }

    public static String of(Object... editableState) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Arrays.toString(editableState).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nothing happens unless {@code ifMatch} is {@code *} or names the current tag. */
    public static void require(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag you read,"
                    + " so that an edit never overwrites a change you have not seen.",
                    List.of(new Problem.Violation(IF_MATCH, "is required"))).withHeader(HttpHeaders.ETAG, current);
        }
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || Objects.equals(tag, current));
        if (!matches) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "Someone changed this since you read it; read it again and reapply your change.")
                    .withHeader(HttpHeaders.ETAG, current);
        }
    }
}
