package io.homeshield.telemetry.mqtt;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemType;
import io.quarkus.logging.Log;

/** Tells a router over MQTT why its batch was refused: the same problem details HTTP would answer. */
@ApplicationScoped
class MqttProblems {

    private final ObjectMapper json;

    MqttProblems(ObjectMapper json) {
        this.json = json;
    }

    Problem of(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(v.getPropertyPath().toString().replace(".<list element>", ""),
                        v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field)).toList();
        return Problem.of(ProblemType.INVALID_REQUEST, violations.get(0).field() + ": " + violations.get(0).reason(),
                violations);
    }

    Problem of(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
                    .reduce("", String::concat).replaceFirst("^\\.", "");
            return Problem.of(ProblemType.INVALID_REQUEST, field + ": " + m.getOriginalMessage(),
                    List.of(new Problem.Violation(field, m.getOriginalMessage())));
        }
        return Problem.of(ProblemType.MALFORMED_JSON, "The batch is not valid JSON.");
    }

    void publish(MqttClient client, String topic, Problem problem) {
        try {
            MqttMessage message = new MqttMessage(json.writeValueAsBytes(problem));
            message.setQos(1);
            MqttProperties properties = new MqttProperties();
            properties.setContentType(Problem.MEDIA_TYPE);
            message.setProperties(properties);
            client.publish(topic, message);
        } catch (MqttException | JsonProcessingException e) {
            Log.warnf("Could not publish the problem to %s: %s", topic, e.getMessage());
        }
    }
}
