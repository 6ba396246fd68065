package io.homeshield.routers.usp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.homeshield.net.MacAddress;

/** {@link AgentStore} in memory, for tests of the adapter without the database. */
final class InMemoryAgentStore implements AgentStore {

    private final Map<String, AgentAddress> addresses = new ConcurrentHashMap<>();
    private final Map<String, SupportedModel> models = new ConcurrentHashMap<>();
    private final Map<String, PreviousPolicy> policies = new ConcurrentHashMap<>();

    @Override
    public Optional<AgentAddress> address(String endpointId) {
        return Optional.ofNullable(addresses.get(endpointId));
    }

    @Override
    public void rememberAddress(String endpointId, AgentAddress address) {
        addresses.put(endpointId, address);
    }

    @Override
    public Optional<SupportedModel> supportedModel(String endpointId) {
        return Optional.ofNullable(models.get(endpointId));
    }

    @Override
    public void rememberSupportedModel(String endpointId, SupportedModel model) {
        models.put(endpointId, model);
    }

    @Override
    public Optional<PreviousPolicy> previousPolicy(String endpointId, MacAddress device) {
        return Optional.ofNullable(policies.get(endpointId + "|" + device.value()));
    }

    @Override
    public void rememberPreviousPolicy(String endpointId, MacAddress device, PreviousPolicy policy) {
        policies.putIfAbsent(endpointId + "|" + device.value(), policy);
    }

    @Override
    public void forgetPreviousPolicy(String endpointId, MacAddress device) {
        policies.remove(endpointId + "|" + device.value());
    }
}
