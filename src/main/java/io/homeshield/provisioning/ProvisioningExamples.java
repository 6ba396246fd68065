package io.homeshield.provisioning;

/** Examples shown in the provisioning API's OpenAPI document. */
final class ProvisioningExamples {

    static final String HOUSEHOLD_REGISTRATION = """
            {"accountNumber":"100-204-871","displayName":"Jordan Miller","kind":"HOME",\
            "ownerSubject":"3f0c6a52-8f1e-4d0b-9a77-2c4be1d5e019","ownerName":"Jordan"}""";

    static final String HOUSEHOLD = """
            {"id":"2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90","accountNumber":"100-204-871","displayName":"Jordan Miller",\
            "kind":"HOME","createdAt":"2026-11-23T09:12:44Z","routers":[{"id":"9c4f2e7a-1b3d-4a8e-b5f6-0d2c7e9a4b13",\
            "householdId":"2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90","serialNumber":"HSB5-0001-7734","model":"HS-Box 5",\
            "firmware":"5.2.1","channel":"USP","managementAddress":"os::012345-F4EABC123456",\
            "lastContactAt":"2026-11-23T09:40:02Z","createdAt":"2026-11-23T09:13:05Z"}]}""";

    static final String ERASURE = """
            {"householdId":"2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90","state":"PENDING",\
            "requestedAt":"2026-12-01T08:00:00Z","dueAt":"2026-12-31T08:00:00Z"}""";

    static final String ROUTER_REGISTRATION = """
            {"serialNumber":"HSB5-0001-7734","model":"HS-Box 5","firmware":"5.2.1","channel":"USP",\
            "managementAddress":"os::012345-F4EABC123456"}""";

    static final String ROUTER_WITH_SECRET = """
            {"id":"9c4f2e7a-1b3d-4a8e-b5f6-0d2c7e9a4b13","householdId":"2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90",\
            "serialNumber":"HSB5-0001-7734","model":"HS-Box 5","firmware":"5.2.1","channel":"USP",\
            "managementAddress":"os::012345-F4EABC123456","createdAt":"2026-11-23T09:13:05Z",\
            "ingestSecret":"q3Vt8mJ0cK1xZpW5rLbN2sHdGyE7aTfU9oIiRjYlMnA"}""";

    static final String OPENWRT_ROUTER_REGISTRATION = """
            {"serialNumber":"OWRT-ONE-0042","model":"OpenWrt One","firmware":"23.05.3","channel":"OPENWRT",\
            "managementAddress":"https://192.0.2.10/ubus"}""";

    static final String OPENWRT_ROUTER_WITH_LOGIN = """
            {"id":"5e1a9c3b-2f4d-4b6e-8a1c-7d3e9f0b2c45","householdId":"2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90",\
            "serialNumber":"OWRT-ONE-0042","model":"OpenWrt One","firmware":"23.05.3","channel":"OPENWRT",\
            "managementAddress":"https://192.0.2.10/ubus","createdAt":"2026-11-23T09:13:05Z",\
            "ingestSecret":"Vb2kQ9xN4mT7pR1sL8dF3gH6jK0zW5yC2aE9uI4oPqS",\
            "managementLogin":{"username":"homeshield","password":"dG4Kp9Qx2LmR7vB1nS8wZ3yH6cF0jT5e"}}""";

    static final String ROUTER_CHANGE = """
            {"channel":"GENIEACS","managementAddress":"202BC1-BM632w-HSB500017734"}""";

    static final String ROUTER = """
            {"id":"9c4f2e7a-1b3d-4a8e-b5f6-0d2c7e9a4b13","householdId":"2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90",\
            "serialNumber":"HSB5-0001-7734","model":"HS-Box 5","firmware":"5.2.1","channel":"GENIEACS",\
            "managementAddress":"202BC1-BM632w-HSB500017734","lastContactAt":"2026-11-23T09:40:02Z",\
            "createdAt":"2026-11-23T09:13:05Z"}""";

    static final String INVALID = """
            {"type":"https://homeshield.io/problems/invalid-request","title":"The request is not valid","status":400,\
            "detail":"managementAddress: must be the agent's USP endpoint id, such as os::012345-F4EABC123456",\
            "instance":"/api/provisioning/v1/households/2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90/routers",\
            "violations":[{"field":"managementAddress",\
            "reason":"must be the agent's USP endpoint id, such as os::012345-F4EABC123456"}]}""";

    static final String UNAUTHENTICATED = """
            {"type":"https://homeshield.io/problems/unauthenticated","title":"Credentials are missing or wrong",\
            "status":401,"detail":"Send an OAuth 2.0 access token as 'Authorization: Bearer <token>'.",\
            "instance":"/api/provisioning/v1/households"}""";

    static final String FORBIDDEN = """
            {"type":"https://homeshield.io/problems/forbidden","title":"Not allowed","status":403,\
            "detail":"This API is for the provider's systems (role provisioning) only.",\
            "instance":"/api/provisioning/v1/households"}""";

    static final String NOT_FOUND = """
            {"type":"https://homeshield.io/problems/not-found","title":"Not found","status":404,\
            "detail":"Household 2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90 was not found.",\
            "instance":"/api/provisioning/v1/households/2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90"}""";

    static final String CONFLICT = """
            {"type":"https://homeshield.io/problems/conflict","title":"The request conflicts with the current state",\
            "status":409,"detail":"Account 100-204-871 is already registered.",\
            "instance":"/api/provisioning/v1/households"}""";

    static final String PRECONDITION_FAILED = """
            {"type":"https://homeshield.io/problems/precondition-failed",\
            "title":"The resource has changed since it was read","status":412,\
            "detail":"Someone changed this since you read it; read it again and reapply your change.",\
            "instance":"/api/provisioning/v1/routers/9c4e2f7a-1b3d-4a6c-8e5f-0d2b4c6e8a13"}""";

    static final String PRECONDITION_REQUIRED = """
            {"type":"https://homeshield.io/problems/precondition-required",\
            "title":"Send If-Match with the ETag you read","status":428,\
            "detail":"Send If-Match with the ETag you read, so that an edit never overwrites a change \
            you have not seen.",\
            "instance":"/api/provisioning/v1/routers/9c4e2f7a-1b3d-4a6c-8e5f-0d2b4c6e8a13",\
            "violations":[{"field":"If-Match","reason":"is required"}]}""";

    static final String FLOW_EXPORTER_REGISTRATION = """
            {"address":"100.64.12.7"}""";

    static final String FLOW_EXPORTER = """
            {"address":"100.64.12.7","routerId":"9c4f2e7a-1b3d-4a8e-b5f6-0d2c7e9a4b13",\
            "registeredAt":"2026-11-23T09:13:07Z"}""";

    static final String UNAVAILABLE = """
            {"type":"https://homeshield.io/problems/unavailable","title":"Temporarily unavailable; retry later",\
            "status":503,"detail":"HomeShield has no key to keep OpenWrt routers' logins with; the operator must \
            configure homeshield.openwrt.credential-key.",\
            "instance":"/api/provisioning/v1/households/2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90/routers"}""";

    private ProvisioningExamples() {
    }
}
