package io.homeshield.routers.usp;

import java.util.Optional;

import io.homeshield.net.MacAddress;

/** What HomeShield keeps about each USP agent between requests and restarts, by the agent's endpoint id. */
interface AgentStore {

    /** Where the agent listens and the USP version it speaks. */
    record AgentAddress(String topic, String version) {
    }

    /** The policy of a router's own access-control entry before HomeShield denied the device through it. */
    record PreviousPolicy(String alias, String accessPolicy, boolean enable) {
    }

    Optional<AgentAddress> address(String endpointId);

    void rememberAddress(String endpointId, AgentAddress address);

    Optional<SupportedModel> supportedModel(String endpointId);

    void rememberSupportedModel(String endpointId, SupportedModel model);

    Optional<PreviousPolicy> previousPolicy(String endpointId, MacAddress device);

    /** Keeps the first policy remembered for the device: a repeated quarantine must not remember its own Deny. */
    void rememberPreviousPolicy(String endpointId, MacAddress device, PreviousPolicy policy);

    void forgetPreviousPolicy(String endpointId, MacAddress device);
}
