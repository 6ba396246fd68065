package io.homeshield.infra.problem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Thrown by services and resources to answer with a specific problem (and, where the protocol wants them, headers). */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Problem.Violation> violations;
    private final transient Map<String, String> headers;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(type, detail, violations, Map.of());
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    private ProblemException(ProblemType type, String detail, List<Problem.Violation> violations,
            Map<String, String> headers) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(ProblemType.INVALID_REQUEST, field + ": " + reason,
                List.of(new Problem.Violation(field, reason)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " was not found.");
    }

    /** The same problem, answered with an extra response header (WWW-Authenticate, Retry-After). */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new ProblemException(type, getMessage(), violations, more);
    }

    public Problem problem() {
        return Problem.of(type, getMessage(), violations);
    }

    public Map<String, String> headers() {
        return headers;
    }
}
