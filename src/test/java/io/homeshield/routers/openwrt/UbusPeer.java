package io.homeshield.routers.openwrt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * An OpenWrt router's uhttpd + rpcd played by WireMock at {@code POST /ubus}, answering as they do:
 * {@code result:[0,{...}]} on success, {@code result:[N]} with a ubus status code otherwise, and
 * {@code error:{code:-32002,message:"Access denied"}} for a session that expired or may not call the method.
 */
final class UbusPeer {

    static final String USER = "homeshield";
    static final String PASSWORD = "router-secret";

    final WireMockServer server;

    UbusPeer(WireMockServer server) {
        this.server = server;
    }

    String url() {
        return server.baseUrl() + "/ubus";
    }

    /** {@code session login} with HomeShield's account answers a new session id. */
    void login(String sessionId) {
        server.stubFor(call("00000000000000000000000000000000", "session", "login")
                .withRequestBody(matchingJsonPath("$.params[3].username", equalTo(USER)))
                .withRequestBody(matchingJsonPath("$.params[3].password", equalTo(PASSWORD)))
                .willReturn(result("[0,{\"ubus_rpc_session\":\"" + sessionId + "\",\"timeout\":300,\"expires\":300,"
                        + "\"acls\":{\"uci\":{\"dhcp\":[\"read\",\"write\"],\"firewall\":[\"read\",\"write\"]}},"
                        + "\"data\":{\"username\":\"" + USER + "\"}}]")));
    }

    void refuseLogin() {
        server.stubFor(call("00000000000000000000000000000000", "session", "login").willReturn(result("[6]")));
    }

    /** Any uci call in {@code session} answers {@code answer} (a JSON-RPC result array). */
    void uci(String session, String method, String answer) {
        server.stubFor(call(session, "uci", method).willReturn(result(answer)));
    }

    /** {@code system <method>} in {@code session} answers {@code answer} (a JSON-RPC result array). */
    void system(String session, String method, String answer) {
        server.stubFor(call(session, "system", method).willReturn(result(answer)));
    }

    void uciGet(String session, String section, String answer) {
        server.stubFor(call(session, "uci", "get").withRequestBody(matchingJsonPath("$.params[3].section", equalTo(section)))
                .willReturn(result(answer)));
    }

    /** The session is no longer known to rpcd: every call with it is refused. */
    void expire(String session) {
        server.stubFor(post(urlEqualTo("/ubus")).withRequestBody(matchingJsonPath("$.params[0]", equalTo(session)))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32002,\"message\":\"Access denied\"}}")));
    }

    /** A successful session whose firewall and dhcp changes the router applies and confirms. */
    void healthy(String session) {
        login(session);
        uci(session, "add", "[0,{\"section\":\"quarantine\"}]");
        uci(session, "delete", "[0]");
        uci(session, "set", "[0]");
        uci(session, "apply", "[0]");
        uci(session, "confirm", "[0]");
        uci(session, "revert", "[0]");
    }

    static RequestPatternBuilder called(String method, String argsJson) {
        return postRequestedFor(urlEqualTo("/ubus")).withRequestBody(matchingJsonPath("$.params[2]", equalTo(method)))
                .withRequestBody(equalToJson("{\"jsonrpc\":\"2.0\",\"id\":\"${json-unit.any-number}\",\"method\":\"call\","
                        + "\"params\":[\"${json-unit.any-string}\",\"uci\",\"" + method + "\"," + argsJson + "]}"));
    }

    static RequestPatternBuilder calledWith(String session, String object, String method) {
        return postRequestedFor(urlEqualTo("/ubus")).withRequestBody(matchingJsonPath("$.params[0]", equalTo(session)))
                .withRequestBody(matchingJsonPath("$.params[1]", equalTo(object)))
                .withRequestBody(matchingJsonPath("$.params[2]", equalTo(method)));
    }

    private static MappingBuilder call(String session, String object, String method) {
        return post(urlEqualTo("/ubus")).withRequestBody(matchingJsonPath("$.jsonrpc", equalTo("2.0")))
                .withRequestBody(matchingJsonPath("$.method", equalTo("call")))
                .withRequestBody(matchingJsonPath("$.params[0]", equalTo(session)))
                .withRequestBody(matchingJsonPath("$.params[1]", equalTo(object)))
                .withRequestBody(matchingJsonPath("$.params[2]", equalTo(method)));
    }

    private static ResponseDefinitionBuilder result(String result) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}");
    }
}
