package io.homeshield.routers.usp;

/** Where the controller delivers what agents report on their own (USP Notify messages, MQTTConnect records). */
interface AgentNotifications {

    /**
     * A watched parameter of the agent's router changed. Returns once the change is stored; an
     * exception means it was not, and the agent is not acknowledged, so it sends it again.
     */
    void valueChanged(String agentEndpointId, String parameterPath, String newValue);

    /**
     * The agent introduced itself (OnBoardRequest) or booted ({@code Boot!} event): it may have lost
     * what HomeShield set up on it, for instance after a factory reset.
     */
    default void agentStarted(String agentEndpointId) {
    }

    /**
     * The agent connected to the broker (its MQTTConnect record, sent on every connect). After a
     * factory reset this is the only sign: the reset agent has no Boot! subscription any more.
     */
    default void agentConnected(String agentEndpointId) {
    }
}
