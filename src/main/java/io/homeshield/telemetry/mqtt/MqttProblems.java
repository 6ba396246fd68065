package io.homeshield.telemetry.mqtt;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.infra.problem.Problem;
import io.quarkus.logging.Log;

/** Tells a router over MQTT why its batch was refused: the same problem details HTTP would answer. */
@ApplicationScoped
class MqttProblems {

    private final ObjectMapper json;

    MqttProblems(ObjectMapper json) {
        this.json = json;
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
