package io.homeshield.infra.problem;

/** The stable problem types the API answers with; the slug is part of the contract. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid", 400),
    MALFORMED_JSON("malformed-json", "The request body is not valid JSON", 400),
    UNAUTHENTICATED("unauthenticated", "Credentials are missing or wrong", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    CONFLICT("conflict", "The request conflicts with the current state", 409),
    PRECONDITION_FAILED("precondition-failed", "The resource has changed since it was read", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request is too large", 413),
    PRECONDITION_REQUIRED("precondition-required", "Send If-Match with the ETag you read", 428),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "The Idempotency-Key was used for a different request", 422),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests; retry later", 429),
    UNAVAILABLE("unavailable", "Temporarily unavailable; retry later", 503),
    INTERNAL("internal", "Something went wrong on our side", 500);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
