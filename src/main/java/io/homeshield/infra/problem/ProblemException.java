package io.homeshield.infra.problem;

import java.util.List;

/** Thrown by services and resources to answer with a specific problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.problem = Problem.of(type, detail, violations);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(ProblemType.INVALID_REQUEST, field + ": " + reason,
                List.of(new Problem.Violation(field, reason)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " was not found.");
    }

    public Problem problem() {
        return problem;
    }
}
