package io.homeshield.api.v1;

/** Example bodies for the OpenAPI document. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String DEVICE = """
            {"id":"6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20","name":"ipcam-1234","mac":"AC:CC:8E:12:34:56",\
            "ip":"192.168.1.23","hostname":"ipcam-1234","vendor":"Axis Communications AB","type":"CAMERA",\
            "userLabel":null,"firstSeen":"2025-03-01T08:00:00Z","lastSeen":"2025-03-14T19:42:10Z","online":true,\
            "quarantine":{"level":"FULL","expiresAt":"2025-03-14T20:42:10Z","requestedAt":"2025-03-14T19:42:10Z"},\
            "openAlerts":1}""";

    static final String ALERT = """
            {"id":"0b7d4f6e-8c21-4a3d-b5e9-7f2a1c9d3e40","deviceId":"6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20",\
            "type":"KNOWN_BAD_DESTINATION","severity":"HIGH","status":"OPEN",\
            "title":"Contact with a known malicious host",\
            "explanation":"This device contacted malware.example.net, which the provider's threat intelligence lists\
             as a malware or botnet host. ...",\
            "advice":"Quarantine the device, then reset it to factory settings ...",\
            "indicator":"malware.example.net",\
            "evidence":{"indicator":"malware.example.net","indicatorKind":"DOMAIN","feed":"urlhaus",\
            "observed":"cdn.malware.example.net","firstSeen":"2025-03-14T19:40:02Z","lastSeen":"2025-03-14T19:41:57Z"},\
            "occurrences":3,"firstSeen":"2025-03-14T19:40:02Z","lastSeen":"2025-03-14T19:41:57Z"}""";

    static final String ACTION = """
            {"id":"9a3e5c71-2f4b-4d8a-8e6c-1b0d7f9a2c35","deviceId":"6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20",\
            "kind":"QUARANTINE","state":"REQUESTED","attempts":0,"lastError":null,\
            "requestedAt":"2025-03-14T19:42:10Z","updatedAt":"2025-03-14T19:42:10Z"}""";

    static final String QUARANTINE_FOR_AN_HOUR = """
            {"level":"FULL","duration":"PT1H"}""";

    static final String QUARANTINE_UNTIL_RELEASED = """
            {"level":"INTERNET_ONLY"}""";

    static final String NOT_FOUND = """
            {"type":"https://homeshield.io/problems/not-found","title":"Not found","status":404,\
            "detail":"Device was not found.","instance":"/api/v1/devices/6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20"}""";

    static final String INVALID_DURATION = """
            {"type":"https://homeshield.io/problems/invalid-request","title":"The request is not valid","status":400,\
            "detail":"duration: must be between PT5M and P30D",\
            "instance":"/api/v1/devices/6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20/quarantine",\
            "violations":[{"field":"duration","reason":"must be between PT5M and P30D"}]}""";

    static final String UNAUTHENTICATED = """
            {"type":"https://homeshield.io/problems/unauthenticated","title":"Credentials are missing or wrong",\
            "status":401,"detail":"Send an OAuth 2.0 access token as 'Authorization: Bearer <token>'.",\
            "instance":"/api/v1/devices"}""";

    static final String FORBIDDEN = """
            {"type":"https://homeshield.io/problems/forbidden","title":"Not allowed","status":403,\
            "detail":"Only the household's owner or a co-admin can do this.",\
            "instance":"/api/v1/devices/6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20/quarantine"}""";
}
