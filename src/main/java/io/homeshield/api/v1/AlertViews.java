package io.homeshield.api.v1;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertQueries;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.AlertType;
import io.homeshield.alert.Severity;
import io.homeshield.api.v1.Pages.Page;
import io.homeshield.api.v1.Pages.PageRequest;
import io.homeshield.api.v1.Pages.TimePosition;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;

/** Reads a household's alerts and explains them as the API presents them. */
@ApplicationScoped
class AlertViews {

    private final AlertQueries alerts;
    private final ObjectMapper json;

    AlertViews(AlertQueries alerts, ObjectMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    /** Newest first (by when raised, then id); filters combine. Reads only the page from the database. */
    Page<AlertDto> list(HouseholdId household, Optional<AlertStatus> status, Optional<UUID> deviceId,
            Optional<Severity> severity, PageRequest page) {
        StringBuilder query = new StringBuilder("householdId = :household");
        Parameters parameters = Parameters.with("household", household.value());
        deviceId.ifPresent(id -> {
            query.append(" and deviceId = :device");
            parameters.and("device", id);
        });
        status.ifPresent(s -> {
            query.append(" and status = :status");
            parameters.and("status", s);
        });
        severity.ifPresent(s -> {
            query.append(" and severity = :severity");
            parameters.and("severity", s);
        });
        TimePosition after = TimePosition.after(page);
        if (after != null) {
            query.append(" and (createdAt < :at or (createdAt = :at and id > :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        List<Alert> fetched = Alert.<Alert>find(query + " order by createdAt desc, id", parameters)
                .range(0, page.limit()).list();
        return Pages.cut(fetched, a -> Pages.newestFirst(a.createdAt, a.id), page.limit()).map(this::toDto);
    }

    AlertDto get(HouseholdId household, UUID alertId) {
        return alerts.find(household, alertId).map(this::toDto).orElseThrow(() -> ProblemException.notFound("Alert"));
    }

    AlertDto toDto(Alert alert) {
        Optional<AlertType> type = knownType(alert.type);
        return new AlertDto(alert.id, alert.deviceId, alert.type, alert.severity, alert.status,
                type.map(AlertType::title).orElse(alert.type),
                type.map(t -> t.explain(alert.indicator)).orElse(null),
                type.map(AlertType::advice).orElse(null),
                alert.indicator, evidence(alert), alert.occurrences, alert.firstSeen, alert.lastSeen);
    }

    private JsonNode evidence(Alert alert) {
        try {
            JsonNode node = json.readTree(alert.evidence);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // fall through: one damaged record must not hide the household's other alerts
        }
        Log.warnf("Alert %s has evidence that is not a JSON object; answering an empty one", alert.id);
        return json.createObjectNode();
    }

    private static Optional<AlertType> knownType(String type) {
        try {
            return Optional.of(AlertType.valueOf(type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
