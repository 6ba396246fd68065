package io.homeshield.routers.usp;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.net.MacAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** {@link AgentStore} in the database; each call is its own short transaction, never one around a router call. */
@ApplicationScoped
class JpaAgentStore implements AgentStore {

    private final Clock clock;

    JpaAgentStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<AgentAddress> address(String endpointId) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(UspAgent.<UspAgent>findById(endpointId))
                .filter(agent -> agent.replyTopic != null)
                .map(agent -> new AgentAddress(agent.replyTopic, agent.uspVersion)));
    }

    @Override
    public void rememberAddress(String endpointId, AgentAddress address) {
        QuarkusTransaction.requiringNew().run(() -> {
            UspAgent agent = agent(endpointId);
            agent.replyTopic = address.topic();
            agent.uspVersion = address.version();
        });
    }

    @Override
    public Optional<SupportedModel> supportedModel(String endpointId) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(UspAgent.<UspAgent>findById(endpointId))
                .filter(agent -> agent.supportedModel != null)
                .map(agent -> SupportedModel.parse(agent.supportedModel)));
    }

    @Override
    public void rememberSupportedModel(String endpointId, SupportedModel model) {
        QuarkusTransaction.requiringNew().run(() -> {
            UspAgent agent = agent(endpointId);
            agent.supportedModel = model.serialized();
            agent.capabilitySummary = model.summary();
            agent.modelReadAt = clock.instant();
        });
    }

    @Override
    public Optional<PreviousPolicy> previousPolicy(String endpointId, MacAddress device) {
        return QuarkusTransaction.requiringNew().call(() -> Optional
                .ofNullable(UspPreviousPolicy.<UspPreviousPolicy>findById(UspPreviousPolicy.idOf(endpointId,
                        device.value())))
                .map(p -> new PreviousPolicy(p.alias, p.accessPolicy, p.enable)));
    }

    @Override
    public void rememberPreviousPolicy(String endpointId, MacAddress device, PreviousPolicy policy) {
        QuarkusTransaction.requiringNew().run(() -> {
            String id = UspPreviousPolicy.idOf(endpointId, device.value());
            if (UspPreviousPolicy.findById(id) != null) {
                return;
            }
            UspPreviousPolicy remembered = new UspPreviousPolicy();
            remembered.id = id;
            remembered.endpointId = endpointId;
            remembered.mac = device.value();
            remembered.alias = policy.alias();
            remembered.accessPolicy = policy.accessPolicy();
            remembered.enable = policy.enable();
            remembered.rememberedAt = clock.instant();
            remembered.persist();
        });
    }

    @Override
    public void forgetPreviousPolicy(String endpointId, MacAddress device) {
        QuarkusTransaction.requiringNew().run(
                () -> UspPreviousPolicy.deleteById(UspPreviousPolicy.idOf(endpointId, device.value())));
    }

    private UspAgent agent(String endpointId) {
        UspAgent agent = UspAgent.findById(endpointId);
        if (agent == null) {
            agent = new UspAgent();
            agent.endpointId = endpointId;
            agent.updatedAt = clock.instant();
            agent.persist();
        }
        agent.updatedAt = clock.instant();
        return agent;
    }
}
