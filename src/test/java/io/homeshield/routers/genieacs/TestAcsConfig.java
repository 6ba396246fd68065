package io.homeshield.routers.genieacs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@link GenieAcsConfig} for tests that build the adapter without Quarkus: waits sized for
 * {@link GenieAcsPeer}'s scaled ones (its 120 s session wait lasts 1.2 s).
 */
record TestAcsConfig(String nbiUrl, Duration connectionRequestTimeout, Map<String, RouterModel> models)
        implements GenieAcsConfig {

    static TestAcsConfig at(String nbiUrl) {
        return new TestAcsConfig(nbiUrl, Duration.ofSeconds(10), Map.of());
    }

    TestAcsConfig withModel(String model, DataModel dataModel, String domainParameter) {
        Map<String, RouterModel> all = new java.util.HashMap<>(models);
        all.put(model, new RouterModel() {
            @Override
            public DataModel dataModel() {
                return dataModel;
            }

            @Override
            public Optional<DomainBlocking> domainBlocking() {
                return Optional.ofNullable(domainParameter).map(parameter -> new DomainBlocking() {
                    @Override
                    public String parameter() {
                        return parameter;
                    }

                    @Override
                    public String separator() {
                        return ",";
                    }
                });
            }
        });
        return new TestAcsConfig(nbiUrl, connectionRequestTimeout, Map.copyOf(all));
    }

    @Override
    public Duration configReadInterval() {
        return Duration.ofMinutes(15);
    }

    @Override
    public int configReadPage() {
        return 100;
    }

    @Override
    public java.util.List<String> watchedParameters() {
        return java.util.List.of("Device.DNS.Client.Server");
    }

    @Override
    public Optional<String> username() {
        return Optional.empty();
    }

    @Override
    public Optional<String> password() {
        return Optional.empty();
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration sessionTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration queuedTaskExpiry() {
        return Duration.ofHours(1);
    }

    @Override
    public int busyRetries() {
        return 30;
    }

    @Override
    public Duration busyRetryPause() {
        return Duration.ofMillis(100);
    }

    @Override
    public java.util.List<String> refreshedParameters() {
        return java.util.List.of("Device.DNS.Client.Server.*.DNSServer", "Device.ManagementServer.URL",
                "Device.UserInterface.RemoteAccess.Enable", "Device.UPnP.Device.Enable");
    }
}
