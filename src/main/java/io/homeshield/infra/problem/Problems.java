package io.homeshield.infra.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The problem details for invalid input, whichever channel it came by (HTTP answers it, MQTT
 * publishes it back): every wrong field with its path in the request and why.
 */
public final class Problems {

    private Problems() {
    }

    public static Problem of(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(requestField(withoutMethod(v.getPropertyPath())), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.reason()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return Problem.of(ProblemType.INVALID_REQUEST, detail, violations);
    }

    public static Problem of(JsonProcessingException e) {
        if (e instanceof InvalidTypeIdException unknown) {
            String path = JsonPaths.of(unknown);
            String field = path + (path.isEmpty() ? "" : ".") + "type";
            return invalid(field, unknown.getTypeId() == null ? "is required" : "unknown type '" + unknown.getTypeId()
                    + "'");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String path = JsonPaths.of(unknown);
            return invalid(path.isEmpty() ? unknown.getPropertyName() : path, "unknown field");
        }
        if (e instanceof JsonMappingException mapping && !isTruncated(mapping)) {
            String field = JsonPaths.of(mapping);
            if (field.isEmpty() && mapping.getOriginalMessage() != null
                    && mapping.getOriginalMessage().startsWith("Trailing token")) {
                return Problem.of(ProblemType.MALFORMED_JSON, "Something follows the JSON value; send one value only.");
            }
            if (field.isEmpty()) {
                return Problem.of(ProblemType.MALFORMED_JSON, "The body does not have the expected shape.");
            }
            String reason = mapping.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                    ? iae.getMessage()
                    : expected(mapping);
            return invalid(field, reason);
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return Problem.of(ProblemType.MALFORMED_JSON, "The body is not valid JSON" + where + ".");
    }

    /** What the field must be, in the JSON's own terms: a wrong type is never converted, so say which is right. */
    private static String expected(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "has the wrong type or format";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false (a JSON boolean, not text or a number)";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "must be a number (not text, a boolean or null)";
        }
        if (target.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (target == String.class) {
            return "must be text (a JSON string)";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        return "has the wrong type or format";
    }

    private static Problem invalid(String field, String reason) {
        return Problem.of(ProblemType.INVALID_REQUEST, field + ": " + reason,
                List.of(new Problem.Violation(field, reason)));
    }

    private static boolean isTruncated(JsonMappingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
    }

    /**
     * "register.registration.eventTypes" → "eventTypes": a resource method's name and parameter are not the request's.
     */
    private static String withoutMethod(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        if (nodes.size() > 2 && nodes.get(0).getKind() == ElementKind.METHOD
                && nodes.get(1).getKind() == ElementKind.PARAMETER) {
            String prefix = nodes.get(0).getName() + "." + nodes.get(1).getName() + ".";
            String full = path.toString();
            if (full.startsWith(prefix)) {
                return full.substring(prefix.length());
            }
        }
        return path.toString();
    }

    /**
     * "quarantine.arg0.duration" → "duration", "events[2].&lt;list element&gt;" → "events[2]": the request's field, not
     * the method's.
     */
    static String requestField(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        int start = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("arg") || parts[i].equals("body") || parts[i].equals("request")) {
                start = i + 1;
            }
        }
        String field = start >= parts.length ? propertyPath
                : String.join(".", Arrays.copyOfRange(parts, start, parts.length));
        return field.replace(".<list element>", "").replace("<list element>", "");
    }
}
