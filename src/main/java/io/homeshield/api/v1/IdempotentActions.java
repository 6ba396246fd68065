package io.homeshield.api.v1;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs an action at most once per household and {@code Idempotency-Key}: the key is claimed in the
 * same transaction as the action, so a retry (or a concurrent duplicate, which waits for the first
 * to commit) gets the first answer back. A key sent again with a different request is refused with
 * 422. An action that fails keeps no record, so the key may be used again. A secret shown once
 * ({@link ShownOnce}) is not kept, so the retry's answer comes without it.
 */
@ApplicationScoped
class IdempotentActions {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 100;

    private final EntityManager db;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentActions(EntityManager db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param operation the method and path, e.g. {@code POST /api/v1/devices/…/quarantine}
     * @param request the request body as received (null when there is none)
     */
    Response run(HouseholdId household, String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        validate(key);
        String hash = fingerprint(operation, request);
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = db.createNativeQuery("insert into api_idempotency (household_id, idempotency_key,"
                    + " request_hash, created_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                    .setParameter(1, household.value()).setParameter(2, key).setParameter(3, hash)
                    .setParameter(4, clock.instant()).executeUpdate();
            if (claimed == 0) {
                return replay(household, key, hash);
            }
            Response response = action.get();
            db.createNativeQuery("update api_idempotency set status = ?3, location = ?4, body = ?5"
                    + " where household_id = ?1 and idempotency_key = ?2")
                    .setParameter(1, household.value()).setParameter(2, key)
                    .setParameter(3, response.getStatus())
                    .setParameter(4, response.getLocation() == null ? null : response.getLocation().toString())
                    .setParameter(5, body(response)).executeUpdate();
            return response;
        });
    }

    private Response replay(HouseholdId household, String key, String hash) {
        Object[] first = (Object[]) db.createNativeQuery("select request_hash, status, location, body"
                + " from api_idempotency where household_id = ?1 and idempotency_key = ?2")
                .setParameter(1, household.value()).setParameter(2, key).getSingleResult();
        if (!hash.equals(first[0])) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    HEADER + " was already used for a different request; use a new key for a new request.",
                    List.of(new Problem.Violation(HEADER, "already used for a different request")));
        }
        Response.ResponseBuilder answer = Response.status(((Number) first[1]).intValue()).header(REPLAYED, "true");
        if (first[2] != null) {
            answer.location(URI.create((String) first[2]));
        }
        if (first[3] != null) {
            answer.entity(first[3]).header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        return answer.build();
    }

    private String body(Response response) {
        if (!response.hasEntity()) {
            return null;
        }
        try {
            Object entity = response.getEntity();
            return json.writeValueAsString(entity instanceof ShownOnce secret ? secret.withoutSecret() : entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An action's answer cannot be written as JSON", e);
        }
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private static void validate(String key) {
        if (key.isBlank()) {
            throw ProblemException.invalid(HEADER, "must not be blank");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
    }
}
