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

    static final String RELEASE_ACTION = """
            {"id":"2c6b8e14-7d3a-4f59-b1e0-8a4c2d9f6e71","deviceId":"6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20",\
            "kind":"RELEASE","state":"REQUESTED","attempts":0,"lastError":null,\
            "requestedAt":"2025-03-14T21:02:00Z","updatedAt":"2025-03-14T21:02:00Z"}""";

    static final String DEVICE_EDIT = """
            {"name":"Living-room camera","type":"CAMERA"}""";

    static final String FEEDBACK = """
            {"comment":"It is our own NAS backing up"}""";

    static final String RESOLVE = """
            {"comment":"Reset the camera to factory settings and changed its password"}""";

    static final String BLOCKED_DOMAIN = """
            {"id":"5e2f9a7c-1b3d-4c6e-8f0a-9d7b5c3e1a24","domain":"ads.example.com","deviceId":null,\
            "exemptDeviceIds":["8b4d2f6a-9c1e-4a7b-b3d5-0e2f4a6c8d19"],"createdAt":"2025-03-10T18:00:00Z"}""";

    static final String BLOCK_EVERY_DEVICE = """
            {"domain":"ads.example.com"}""";

    static final String BLOCK_ONE_DEVICE = """
            {"domain":"games.example.com","deviceId":"8b4d2f6a-9c1e-4a7b-b3d5-0e2f4a6c8d19"}""";

    static final String EXEMPTION = """
            {"deviceId":"8b4d2f6a-9c1e-4a7b-b3d5-0e2f4a6c8d19"}""";

    static final String ACTIVITY = """
            {"id":4711,"at":"2025-03-14T19:42:10Z","actorKind":"member","actorName":"Alice Meyer",\
            "action":"device.quarantine","target":"Living-room camera","reason":null,"outcome":"requested"}""";

    static final String MEMBER = """
            {"id":"3a9c7e51-6d2b-4f8a-9e1c-5b7d3f9a1c26","displayName":"Alice Meyer","role":"OWNER",\
            "joinedAt":"2025-01-02T10:00:00Z","you":true}""";

    static final String INVITATION = """
            {"id":"7d1e3f5a-2c4b-4e6d-8a9f-1b3c5d7e9f02","invitee":"kim@example.org","role":"MEMBER",\
            "createdAt":"2025-03-14T19:00:00Z"}""";

    static final String INVITATION_ISSUED = """
            {"id":"7d1e3f5a-2c4b-4e6d-8a9f-1b3c5d7e9f02","invitee":"kim@example.org","role":"MEMBER",\
            "createdAt":"2025-03-14T19:00:00Z","acceptLink":\
            "https://homeshield.example.net/portal/invitations/7d1e3f5a-2c4b-4e6d-8a9f-1b3c5d7e9f02\
            ?token=q3Jm0Xo2ZkN1bW9yZS1yYW5kb20t"}""";

    static final String INVITE = """
            {"invitee":"kim@example.org","role":"MEMBER"}""";

    static final String SETTINGS = """
            {"autoQuarantine":true,"notifyLevel":"SERIOUS"}""";

    static final String SETTINGS_CHANGE = """
            {"autoQuarantine":true}""";

    static final String WEBHOOK = """
            {"id":"1f3e5a7c-9b2d-4f6e-8a1c-3d5f7b9e2a48","url":"https://hub.example.org/homeshield",\
            "eventTypes":["alert.raised","action.state-changed"],"createdAt":"2025-03-14T19:00:00Z"}""";

    static final String WEBHOOK_CREATED = """
            {"id":"1f3e5a7c-9b2d-4f6e-8a1c-3d5f7b9e2a48","url":"https://hub.example.org/homeshield",\
            "eventTypes":["alert.raised","action.state-changed"],"createdAt":"2025-03-14T19:00:00Z",\
            "secret":"whsec_4kQ9m2Zx7Lr1Vt8Pn3Hs6Wd0Yb5Jc2Fg"}""";

    static final String WEBHOOK_REGISTRATION = """
            {"url":"https://hub.example.org/homeshield","eventTypes":["alert.raised","action.state-changed"]}""";

    static final String DELIVERY = """
            {"id":"6a8c0e2f-4b1d-4d3f-9e5a-7c9e1b3d5f60",\
            "eventId":"action/9a3e5c71-2f4b-4d8a-8e6c-1b0d7f9a2c35/APPLIED",\
            "eventType":"action.state-changed","state":"DELIVERED","attempts":2,"lastStatus":200,"lastError":null,\
            "createdAt":"2025-03-14T19:42:12Z","deliveredAt":"2025-03-14T19:42:15Z",\
            "log":[{"at":"2025-03-14T19:42:12Z","status":503,"error":"HTTP 503","durationMillis":41},\
            {"at":"2025-03-14T19:42:15Z","status":200,"error":null,"durationMillis":38}]}""";

    static final String INVALID = """
            {"type":"https://homeshield.io/problems/invalid-request","title":"The request is not valid","status":400,\
            "detail":"limit: must be a whole number from 1 to 200","instance":"/api/v1/devices",\
            "violations":[{"field":"limit","reason":"must be a whole number from 1 to 200"}]}""";

    static final String CONFLICT = """
            {"type":"https://homeshield.io/problems/conflict","title":"The request conflicts with the current state",\
            "status":409,"detail":"This alert is already resolved.",\
            "instance":"/api/v1/alerts/0b7d4f6e-8c21-4a3d-b5e9-7f2a1c9d3e40/resolve"}""";

    static final String PRECONDITION_REQUIRED = """
            {"type":"https://homeshield.io/problems/precondition-required",\
            "title":"Send If-Match with the ETag you read","status":428,\
            "detail":"Send If-Match with the ETag you read, so that an edit never overwrites a change \
            you have not seen.",\
            "instance":"/api/v1/devices/6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20",\
            "violations":[{"field":"If-Match","reason":"is required"}]}""";

    static final String TOO_MANY_STREAMS = """
            {"type":"https://homeshield.io/problems/too-many-requests",\
            "title":"Too many requests; retry later","status":429,\
            "detail":"You have 5 live streams open already; close one (a tab or an app) first.",\
            "instance":"/api/v1/events"}""";

    static final String PRECONDITION_FAILED = """
            {"type":"https://homeshield.io/problems/precondition-failed",\
            "title":"The resource has changed since it was read","status":412,\
            "detail":"Someone changed this since you read it; read it again and reapply your change.",\
            "instance":"/api/v1/devices/6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20"}""";

    static final String IDEMPOTENCY_KEY_REUSED = """
            {"type":"https://homeshield.io/problems/idempotency-key-reused",\
            "title":"The Idempotency-Key was used for a different request","status":422,\
            "detail":"Idempotency-Key was already used for a different request; use a new key for a new request.",\
            "instance":"/api/v1/devices/6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20/release",\
            "violations":[{"field":"Idempotency-Key","reason":"already used for a different request"}]}""";

    static final String EVENT = """
            {"kind":"action","id":"9a3e5c71-2f4b-4d8a-8e6c-1b0d7f9a2c35",\
            "deviceId":"6f1c2a9e-3b57-4f0e-9a51-2d7c8e4b1f20","state":"APPLIED",\
            "occurredAt":"2025-03-14T19:42:05.123456Z"}""";
}
