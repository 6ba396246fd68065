package io.homeshield.routers.usp;

import io.homeshield.enforcement.RouterControlException;

/**
 * The agent answered with a USP error code. The message is the plain reason the subscriber sees;
 * the agent's own wording, meant for engineers, is kept apart for the logs.
 */
final class UspRequestRefused extends RouterControlException {

    private final int code;
    private final String agentMessage;

    UspRequestRefused(int code, String agentMessage) {
        super(UspErrorReasons.reasonFor(code), UspErrorReasons.isRetryable(code));
        this.code = code;
        this.agentMessage = agentMessage == null ? "" : agentMessage;
    }

    int code() {
        return code;
    }

    String agentMessage() {
        return agentMessage;
    }
}
