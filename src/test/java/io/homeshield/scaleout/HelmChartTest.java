package io.homeshield.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/** The Helm chart, linted and rendered by Helm itself, and the objects it makes read back. */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "homeshield");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void lintsStrictly() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @Test
    void defaultsMakeAHardenedDeploymentWithProbesAndSecretReferences() throws IOException {
        Map<String, JsonNode> objects = render(template().call());

        assertTrue(objects.keySet().containsAll(List.of("Deployment/homeshield", "Service/homeshield",
                "ConfigMap/homeshield", "ConfigMap/homeshield-config", "HorizontalPodAutoscaler/homeshield",
                "PodDisruptionBudget/homeshield", "NetworkPolicy/homeshield")), objects.keySet()::toString);
        assertFalse(objects.containsKey("ServiceMonitor/homeshield"), "the ServiceMonitor is off by default");
        assertFalse(objects.containsKey("PrometheusRule/homeshield"), "the alerting rules are off by default");
        assertFalse(objects.containsKey("Ingress/homeshield"), "the Ingress is off by default");

        JsonNode pod = objects.get("Deployment/homeshield").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe);
        }
        assertEquals(9000, port(container.at("/ports"), "management").at("/containerPort").asInt());
        JsonNode servicePorts = objects.get("Service/homeshield").at("/spec/ports");
        assertEquals(80, port(servicePorts, "http").at("/port").asInt());
        assertEquals(9000, port(servicePorts, "management").at("/port").asInt());
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertEquals(185, pod.at("/securityContext/runAsUser").asInt());
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", container.at("/securityContext/capabilities/drop/0").asText());
        assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText());
        assertTrue(pod.at("/volumes/0/emptyDir").isObject(), "/tmp is a writable emptyDir");
        assertFalse(container.at("/resources/requests/cpu").isMissingNode());
        assertFalse(container.at("/resources/limits/memory").isMissingNode());

        assertEquals(45, pod.at("/terminationGracePeriodSeconds").asInt());
        String properties = objects.get("ConfigMap/homeshield-config").at("/data/application.properties").asText();
        assertTrue(properties.contains("quarkus.shutdown.timeout=30s"), properties);

        Map<String, String> secrets = secretReferences(container);
        assertEquals("homeshield-db/username", secrets.get("HOMESHIELD_DB_USER"));
        assertEquals("homeshield-db/password", secrets.get("HOMESHIELD_DB_PASSWORD"));
        assertEquals("homeshield-oidc/client-secret", secrets.get("HOMESHIELD_OIDC_CLIENT_SECRET"));
        assertEquals("homeshield-oidc/session-secret", secrets.get("HOMESHIELD_SESSION_SECRET"));
        assertEquals("homeshield-oidc/csrf-secret", secrets.get("HOMESHIELD_CSRF_SECRET"));
        assertEquals("homeshield-router-credentials/pepper", secrets.get("HOMESHIELD_ROUTER_CREDENTIAL_PEPPER"));
        assertEquals("homeshield-audit/key", secrets.get("HOMESHIELD_AUDIT_KEY"));
        assertEquals("homeshield-audit/retired-keys", secrets.get("HOMESHIELD_AUDIT_RETIRED_KEYS"));
        assertFalse(secrets.containsKey("HOMESHIELD_KAFKA_SASL_JAAS_CONFIG"));

        JsonNode hpa = objects.get("HorizontalPodAutoscaler/homeshield").at("/spec");
        assertEquals(2, hpa.at("/minReplicas").asInt());
        assertEquals(8, hpa.at("/maxReplicas").asInt());
        assertTrue(objects.get("Deployment/homeshield").at("/spec/replicas").isMissingNode(),
                "the autoscaler, not the Deployment, owns the replica count");
        JsonNode env = objects.get("ConfigMap/homeshield").at("/data");
        assertEquals("false", env.at("/HOMESHIELD_KAFKA_ENABLED").asText(), "the single-machine path is the default");
        assertEquals("1", env.at("/HOMESHIELD_AUDIT_KEY_ID").asText(), "the id stored with each audit entry");
        assertTrue(env.at("/HOMESHIELD_AUDIT_HEAD_WEBHOOK_URL").isMissingNode(), "the head goes to the log only");
        assertTrue(env.at("/HOMESHIELD_OUTBOUND_ALLOW").isMissingNode(), "no internal receiver is allowed by default");
    }

    @Test
    void internalReceiversAndManagementNetworksReachTheApplicationAsLists() throws IOException {
        JsonNode env = render(template().set("outbound.allow[0]", "siem.isp.internal")
                .set("outbound.allow[1]", "10.20.0.0/16").set("managementNetworks[0]", "100.64.0.0/10").call())
                .get("ConfigMap/homeshield").at("/data");

        assertEquals("siem.isp.internal,10.20.0.0/16", env.at("/HOMESHIELD_OUTBOUND_ALLOW").asText());
        assertEquals("100.64.0.0/10", env.at("/HOMESHIELD_MANAGEMENT_NETWORKS").asText());
        Exception notANetwork = assertThrows(Exception.class,
                () -> template().set("managementNetworks[0]", "everywhere").call());
        assertTrue(notANetwork.getMessage().contains("managementNetworks"), notANetwork.getMessage());
    }

    @Test
    void productionValuesTurnOnKafkaIngressMonitoringAndBrokerCredentials() throws IOException {
        Map<String, JsonNode> objects = render(template()
                .withValuesFile(CHART.resolve("values-production.yaml")).call());

        JsonNode hpa = objects.get("HorizontalPodAutoscaler/homeshield").at("/spec");
        assertEquals(3, hpa.at("/minReplicas").asInt());
        assertEquals(12, hpa.at("/maxReplicas").asInt());
        assertEquals(65, hpa.at("/metrics/0/resource/target/averageUtilization").asInt());
        assertEquals(2, objects.get("PodDisruptionBudget/homeshield").at("/spec/minAvailable").asInt());
        assertEquals("/q/metrics", objects.get("ServiceMonitor/homeshield").at("/spec/endpoints/0/path").asText());
        assertEquals("management", objects.get("ServiceMonitor/homeshield").at("/spec/endpoints/0/port").asText(),
                "metrics are scraped from the management port, not the public one");
        JsonNode dropping = objects.get("PrometheusRule/homeshield").at("/spec/groups/0/rules/0");
        assertEquals("HomeShieldFlowExportDropping", dropping.at("/alert").asText());
        assertTrue(dropping.at("/expr").asText().contains("increase(homeshield_flowexport_drops_total{"),
                dropping.at("/expr").asText());
        JsonNode ingress = objects.get("Ingress/homeshield").at("/spec");
        assertEquals("http", ingress.at("/rules/0/http/paths/0/backend/service/port/name").asText(),
                "the ingress routes to the public port only");
        assertEquals("10.42.0.0/16", objects.get("ConfigMap/homeshield").at("/data/HOMESHIELD_TRUSTED_PROXIES")
                .asText(),
                "forwarded headers are believed from the ingress controller only");
        assertEquals("homeshield.example-isp.net", ingress.at("/rules/0/host").asText());
        assertEquals("homeshield-tls", ingress.at("/tls/0/secretName").asText());

        JsonNode container = objects.get("Deployment/homeshield").at("/spec/template/spec/containers/0");
        assertEquals("registry.example-isp.net/homeshield/homeshield:1.0.0", container.at("/image").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        Map<String, String> secrets = secretReferences(container);
        assertEquals("homeshield-db-app/password", secrets.get("HOMESHIELD_DB_PASSWORD"));
        assertEquals("homeshield-portal/session-secret", secrets.get("HOMESHIELD_SESSION_SECRET"));
        assertEquals("homeshield-mqtt/password", secrets.get("HOMESHIELD_TELEMETRY_MQTT_PASSWORD"));
        assertEquals("homeshield-usp/username", secrets.get("HOMESHIELD_USP_USERNAME"));
        assertEquals("homeshield-genieacs/password", secrets.get("HOMESHIELD_GENIEACS_PASSWORD"));
        assertEquals("homeshield-kafka/sasl.jaas.config", secrets.get("HOMESHIELD_KAFKA_SASL_JAAS_CONFIG"));

        JsonNode env = objects.get("ConfigMap/homeshield").at("/data");
        assertEquals("true", env.at("/HOMESHIELD_KAFKA_ENABLED").asText());
        assertEquals("kafka-0.kafka.svc:9093,kafka-1.kafka.svc:9093,kafka-2.kafka.svc:9093",
                env.at("/HOMESHIELD_KAFKA_BOOTSTRAP_SERVERS").asText());
        String properties = objects.get("ConfigMap/homeshield-config").at("/data/application.properties").asText();
        assertTrue(properties.contains("homeshield.telemetry.kafka.client.\"security.protocol\"=SASL_SSL"), properties);
        assertTrue(properties.contains(
                "homeshield.telemetry.kafka.client.\"sasl.jaas.config\"=${HOMESHIELD_KAFKA_SASL_JAAS_CONFIG}"),
                        properties);
        assertTrue(properties.contains("homeshield.telemetry.max-concurrent-batches=16"), properties);
        JsonNode from = objects.get("NetworkPolicy/homeshield").at("/spec/ingress/0/from");
        assertEquals(2, from.size());
    }

    @Test
    void theSchemaRejectsAWrongValue() {
        Exception wrongType = assertThrows(Exception.class, () -> template()
                .set("autoscaling.maxReplicas", "many").call());
        assertTrue(wrongType.getMessage().contains("maxReplicas"), wrongType.getMessage());

        Exception rootAllowed = assertThrows(Exception.class, () -> template()
                .set("podSecurityContext.runAsNonRoot", "false").call());
        assertTrue(rootAllowed.getMessage().contains("runAsNonRoot"), rootAllowed.getMessage());

        Exception misspelt = assertThrows(Exception.class, () -> template()
                .set("replicaCont", "3").call());
        assertTrue(misspelt.getMessage().contains("replicaCont"), misspelt.getMessage());

        Exception notPostgres = assertThrows(Exception.class, () -> template()
                .set("database.url", "jdbc:mysql://db/homeshield").call());
        assertTrue(notPostgres.getMessage().contains("database.url") || notPostgres.getMessage().contains("url"),
                notPostgres.getMessage());
    }

    @Test
    void rulesBeyondTheSchemaAreChecked() {
        Exception bounds = assertThrows(Exception.class, () -> template()
                .set("autoscaling.minReplicas", "5").set("autoscaling.maxReplicas", "3").call());
        assertTrue(bounds.getMessage().contains("maxReplicas must not be below"), bounds.getMessage());

        Exception untrustedIngress = assertThrows(Exception.class, () -> template()
                .set("ingress.enabled", "true").call());
        assertTrue(untrustedIngress.getMessage().contains("ingress.trustedProxies"), untrustedIngress.getMessage());

        Exception shutdown = assertThrows(Exception.class, () -> template()
                .set("shutdownTimeoutSeconds", "60").call());
        assertTrue(shutdown.getMessage().contains("shutdownTimeoutSeconds"), shutdown.getMessage());
    }

    private static JsonNode port(JsonNode ports, String name) {
        for (JsonNode port : ports) {
            if (name.equals(port.at("/name").asText())) {
                return port;
            }
        }
        return MissingNode.getInstance();
    }

    @Test
    void flowExportIsOpenOnlyToTheExporterRanges() throws IOException {
        Map<String, JsonNode> objects = render(template().set("flowExport.enabled", "true")
                .set("flowExport.exporterRanges[0]", "100.64.0.0/10").set("flowExport.exporterRanges[1]",
                        "2001:db8::/32")
                .call());

        JsonNode udp = null;
        for (JsonNode rule : objects.get("NetworkPolicy/homeshield").at("/spec/ingress")) {
            if ("UDP".equals(rule.at("/ports/0/protocol").asText())) {
                udp = rule;
            }
        }
        assertNotNull(udp, "a rule for the flow export port");
        assertEquals("flow-export", udp.at("/ports/0/port").asText());
        assertEquals(2, udp.get("from").size(), udp.toString());
        assertEquals("100.64.0.0/10", udp.at("/from/0/ipBlock/cidr").asText());
        assertEquals("2001:db8::/32", udp.at("/from/1/ipBlock/cidr").asText());
        JsonNode service = objects.get("Service/homeshield-flow-export");
        assertEquals(List.of("100.64.0.0/10", "2001:db8::/32"),
                List.of(service.at("/spec/loadBalancerSourceRanges/0").asText(),
                        service.at("/spec/loadBalancerSourceRanges/1").asText()));

        Exception openToAll = assertThrows(Exception.class, () -> template().set("flowExport.enabled", "true").call());
        assertTrue(openToAll.getMessage().contains("flowExport.exporterRanges"), openToAll.getMessage());

        Exception notARange = assertThrows(Exception.class, () -> template().set("flowExport.enabled", "true")
                .set("flowExport.exporterRanges[0]", "everyone").call());
        assertTrue(notARange.getMessage().contains("exporterRanges"), notARange.getMessage());
    }

    /** A release named homeshield on a cluster the chart supports. */
    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("homeshield").withKubeVersion("1.31.0");
    }

    /** Every rendered object by kind and name. */
    private static Map<String, JsonNode> render(String manifests) throws IOException {
        Map<String, JsonNode> objects = new HashMap<>();
        try (YAMLParser parser = new YAMLFactory().createParser(manifests)) {
            for (JsonNode object : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (object != null && !(object instanceof MissingNode) && object.has("kind")) {
                    objects.put(object.get("kind").asText() + "/" + object.at("/metadata/name").asText(), object);
                }
            }
        }
        return objects;
    }

    /** Environment variable → "secret/key" for each variable read from a Secret. */
    private static Map<String, String> secretReferences(JsonNode container) {
        List<JsonNode> env = new ArrayList<>();
        container.get("env").forEach(env::add);
        return env.stream().filter(e -> e.has("valueFrom") && e.at("/valueFrom/secretKeyRef").isObject())
                .collect(Collectors.toMap(e -> e.get("name").asText(), e -> {
                    JsonNode ref = e.at("/valueFrom/secretKeyRef");
                    assertNotNull(ref.get("name"));
                    return ref.get("name").asText() + "/" + ref.get("key").asText();
                }));
    }
}
