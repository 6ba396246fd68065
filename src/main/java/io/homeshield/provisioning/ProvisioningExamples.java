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

    static final String ROUTER_REGISTRATION = """
            {"serialNumber":"HSB5-0001-7734","model":"HS-Box 5","firmware":"5.2.1","channel":"USP",\
            "managementAddress":"os::012345-F4EABC123456"}""";

    static final String ROUTER_WITH_SECRET = """
            {"id":"9c4f2e7a-1b3d-4a8e-b5f6-0d2c7e9a4b13","householdId":"2b8e4c1a-7d3f-4e9b-a6c2-5f1d8e3b7a90",\
            "serialNumber":"HSB5-0001-7734","model":"HS-Box 5","firmware":"5.2.1","channel":"USP",\
            "managementAddress":"os::012345-F4EABC123456","createdAt":"2026-11-23T09:13:05Z",\
            "ingestSecret":"q3Vt8mJ0cK1xZpW5rLbN2sHdGyE7aTfU9oIiRjYlMnA"}""";

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

    private ProvisioningExamples() {
    }
}
