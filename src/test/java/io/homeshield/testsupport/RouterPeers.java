package io.homeshield.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One WireMock server playing the provider's management peers for whole-path tests: the GenieACS NBI
 * (at its root, as GenieACS serves it). OpenWrt routers are played by {@code UbusPeer}s of their own.
 */
public final class RouterPeers implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    /** The running peer; tests reset it before stubbing their own answers. */
    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("homeshield.genieacs.nbi-url", server.baseUrl(),
                "homeshield.genieacs.connection-request-timeout", "2s",
                "homeshield.genieacs.session-timeout", "5s",
                "homeshield.openwrt.request-timeout", "5s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The profile of the tests that reach routers through these peers. */
    public static final class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RouterPeers.class));
        }
    }
}
