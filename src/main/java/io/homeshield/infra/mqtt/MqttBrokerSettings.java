package io.homeshield.infra.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

import io.smallrye.config.WithDefault;

/**
 * Which MQTT broker a feature connects to and with which login: the settings every feature that speaks
 * MQTT (the USP controller, telemetry over MQTT) shares, each under its own prefix
 * ({@code homeshield.usp.broker-url}, {@code homeshield.telemetry.mqtt.broker-url}, ...).
 */
public interface MqttBrokerSettings {

    /** The feature connects only when this is on. */
    @WithDefault("false")
    boolean enabled();

    /** The MQTT 5 broker, e.g. {@code ssl://mqtt.example-isp.net:8883}. */
    @WithDefault("tcp://127.0.0.1:1883")
    String brokerUrl();

    Optional<String> username();

    Optional<String> password();

    /** Puts the login, where one is set, into a connection's options. */
    default void signIn(MqttConnectionOptions options) {
        username().ifPresent(options::setUserName);
        password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    }
}
