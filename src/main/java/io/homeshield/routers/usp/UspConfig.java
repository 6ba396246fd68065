package io.homeshield.routers.usp;

import java.time.Duration;

import io.homeshield.infra.mqtt.MqttBrokerSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How HomeShield reaches the provider's USP agents: as a USP Controller on the provider's MQTT broker, the one
 * the agents are connected to. Routers on the USP channel are managed only when {@link #enabled()} is on.
 */
@ConfigMapping(prefix = "homeshield.usp")
interface UspConfig extends MqttBrokerSettings {

    /** HomeShield's USP endpoint id, as the agents' {@code Device.LocalAgent.Controller.{i}.EndpointID} names it. */
    @WithDefault("self::homeshield-controller")
    String controllerEndpointId();

    /**
     * The topic below which agents send notifications: each agent to {@code <controllerTopic>/<its endpoint id>}
     * (its {@code Controller.{i}.MTP.{i}.MQTT.Topic}), which the broker's ACL lets only that agent write.
     * A record whose {@code from_id} is not the endpoint id in its topic is dropped and counted. Every
     * HomeShield instance subscribes as an MQTT shared subscription, so each notification is handled
     * once; answers to requests come back on {@code <controllerTopic>/reply/<instance>}.
     */
    @WithDefault("usp/controller")
    String controllerTopic();

    /**
     * Where an agent receives requests when it has not said so itself; {@code {endpointId}} is replaced by the
     * agent's endpoint id. An agent's own word (the Response Topic of its PUBLISH, its MQTTConnect record) wins.
     */
    @WithDefault("usp/agent/{endpointId}")
    String agentTopic();

    /**
     * Notifications waiting to be stored, at most; beyond it a notification is not acknowledged, so an
     * agent whose subscription has NotifRetry sends it again later.
     */
    @WithDefault("1000")
    int notificationQueue();

    /** Records larger than this many bytes are dropped unread (and counted). */
    @WithDefault("262144")
    int maxRecordBytes();

    /** How long to wait for an agent's answer before the attempt counts as unanswered. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long to wait for the broker when connecting. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long a confirmed DNS-server subscription is trusted before the agent is asked again. */
    @WithDefault("24h")
    Duration dnsWatchRecheck();

    /** At most this many agents are asked about their DNS-server subscription per run of the timer. */
    @WithDefault("500")
    int dnsWatchPerRun();
}
