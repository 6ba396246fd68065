package io.homeshield.routers.openwrt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One ubus JSON-RPC answer: either a JSON-RPC error from uhttpd ({@code error.code}, e.g. -32002
 * "Access denied" for a session that expired or may not call the method), or {@code result:[status]}
 * / {@code result:[status, data]} with a ubus status code (0 is success).
 */
record UbusReply(int rpcError, String rpcMessage, int status, JsonNode data) {

    static final int ACCESS_DENIED = -32002;
    static final int SESSION_NOT_FOUND = -32001;

    static UbusReply of(JsonNode answer) {
        JsonNode error = answer.path("error");
        if (!error.isMissingNode()) {
            return new UbusReply(error.path("code").asInt(-32603), error.path("message").asText(""), -1,
                    MissingNode.getInstance());
        }
        JsonNode result = answer.path("result");
        return new UbusReply(0, "", result.path(0).asInt(UbusStatus.UNKNOWN_ERROR), result.path(1));
    }

    boolean sessionRefused() {
        return rpcError == ACCESS_DENIED || rpcError == SESSION_NOT_FOUND;
    }
}
