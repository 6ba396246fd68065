package io.homeshield.alert;

import java.util.List;

/**
 * The kinds of alert, each with the evidence it must carry, its dedup key and the plain words a
 * subscriber reads. Evidence keys are those of the alert's JSON evidence object.
 */
public enum AlertType {

    KNOWN_BAD_DESTINATION(Severity.HIGH,
            "Contact with a known malicious host",
            "This device contacted {indicator}, which the provider's threat intelligence lists as a malware"
                    + " or botnet host. Devices usually do this when they are infected: the malware fetches"
                    + " instructions or more malware from such hosts.",
            "Quarantine the device, then reset it to factory settings and update its firmware before letting it back"
                    + " on the network. Change the passwords it used.",
            List.of("indicator", "indicatorKind", "feed", "observed")),

    SCANNING(Severity.HIGH,
            "Scanning the internet for devices to break into",
            "This device contacted many different internet addresses on {indicator} within a minute. Ordinary"
                    + " devices never do that; infected cameras, recorders and routers do, looking for more"
                    + " devices to infect (this is how the Mirai botnet spread).",
            "Quarantine the device now, reset it to factory settings, update its firmware and change its password"
                    + " before letting it back on the network. If it cannot be updated, replace it.",
            List.of("service", "ports", "distinctTargets", "window", "miraiFingerprint", "examples")),

    BRUTE_FORCE(Severity.HIGH,
            "Trying to guess passwords on another computer",
            "This device opened many short connections to the login service of {indicator} in quick succession."
                    + " That is what password-guessing malware does: it tries one username and password after"
                    + " another until one works.",
            "Quarantine the device, then reset it to factory settings, update it and change its passwords."
                    + " If the target is one of your own computers, make sure its login is protected.",
            List.of("target", "service", "attempts", "window")),

    INBOUND_BRUTE_FORCE(Severity.MEDIUM,
            "Someone on the internet is guessing passwords on this device",
            "Computers on the internet keep trying to log in to {indicator} on this device, which your router makes"
                    + " reachable from the internet (a port forward): many short connections of the same kind, one"
                    + " after another. This device is the target, not the attacker: nothing shows it is infected, but"
                    + " if the guessing succeeds, it will be.",
            "Make sure this service uses a strong, unique password (or keys instead of passwords) and that the device"
                    + " is up to date. If nobody needs to reach it from the internet, remove the port forward on your"
                    + " router. If you see logins you do not recognise, quarantine the device and change its "
                            + "passwords.",
            List.of("service", "attempts", "sources", "window", "examples")),

    DGA_LOOKUPS(Severity.HIGH,
            "Looking up made-up internet names",
            "This device looked up many random-looking names ({indicator}) in a short time, most of which do not"
                    + " exist. Malware does this to find its controller: it invents thousands of names a day and"
                    + " its owners register only a few of them.",
            "Quarantine the device, then scan it with up-to-date security software or reset it to factory"
                    + " settings. Change the passwords used on it.",
            List.of("pattern", "distinctNames", "window", "examples")),

    C2_BEACONING(Severity.HIGH,
            "Checking in with an unknown server like clockwork",
            "This device contacts {indicator} at a steady rhythm, again and again, and almost no other household"
                    + " talks to that server. Infected devices check in with their controller this way to receive"
                    + " orders.",
            "Quarantine the device, then reset it to factory settings and update its firmware. If you recognise the"
                    + " server (for example your own backup box), mark the alert as not a threat.",
            List.of("destination", "port", "interval", "contacts", "jitter", "households")),

    UPLOAD_SPIKE(Severity.MEDIUM,
            "Unusually large upload to an unusual destination",
            "This device sent far more data than it usually does to {indicator}, a destination few households use."
                    + " Malware that steals files or recordings uploads them like this.",
            "If nobody in the household was uploading something large just now, quarantine the device and check"
                    + " it. If the upload was expected, mark the alert as not a threat.",
            List.of("destination", "uploaded", "window", "usual")),

    TRAFFIC_FLOOD(Severity.HIGH,
            "Flooding another server with traffic",
            "This device sent a flood of packets to {indicator} that went unanswered. Infected devices are used"
                    + " this way to knock websites and services offline, and it can slow down your own internet"
                    + " connection.",
            "Quarantine the device now, then reset it to factory settings, update its firmware and change its"
                    + " password.",
            List.of("target", "packets", "window", "replies")),

    DNS_BYPASS(Severity.MEDIUM,
            "Using its own internet phone book",
            "This device used to look names up through your router, and now asks the name server at {indicator}"
                    + " directly. Malware does this to escape the protections of your router; some apps and"
                    + " settings do it too.",
            "If you did not change this device's network settings or install a new app, check the device for"
                    + " malware. If you set it up this way on purpose, mark the alert as not a threat.",
            List.of("resolver", "port", "queries", "window")),

    PEER_ANOMALY(Severity.MEDIUM,
            "Talking to a server no device like it uses",
            "This device contacted {indicator}. Devices of the same make and type in the provider's other households"
                    + " never contact that server, and few households contact it at all. A device that suddenly"
                    + " behaves unlike all its twins has often been taken over.",
            "If you did not set up a new service on this device, quarantine it, then reset it to factory settings and"
                    + " update its firmware. If you know the server (for example your own recorder or storage),"
                    + " mark the alert as not a threat.",
            List.of("destination", "port", "peerGroup", "peerHouseholds", "households")),

    NEW_DEVICE(Severity.LOW,
            "A new device joined your network",
            "A device your router had never seen before joined your network: {indicator}. This is only for your"
                    + " information; nothing suspicious was seen.",
            "If you know the device, there is nothing to do; give it a name so you recognise it. If you do not,"
                    + " change your Wi-Fi password and quarantine the device.",
            List.of("vendor", "name", "mac", "joined")),

    ROUTER_DNS_HIJACK(Severity.HIGH,
            "Your router's internet phone book was changed",
            "The settings of your router were changed so that it looks up internet names at {indicator}, a server"
                    + " that is neither your provider's nor a well-known public one. Whoever runs that server can send"
                    + " every device in your home to fake websites (for banking, shopping or e-mail) and steal what"
                    + " you type there.",
            "If you did not change this setting yourself, let your provider reset the router's name servers (or"
                    + " reset the router to factory settings), then change the router's admin password and update"
                    + " its firmware. Until then, do not log in to websites from this network.",
            List.of("parameter", "previous", "resolver", "changedBy", "reason")),

    STOPPED_BY_RESOLVER(Severity.LOW,
            "Your provider stopped a device from reaching a malware server",
            "This device tried to reach {indicator}, a server that controls infected devices (a C&C server). Your"
                    + " provider's name server refused to give it the server's address, so the device could not"
                    + " reach it. A device that keeps trying is usually infected.",
            "Nothing was let through, but the device may be infected: update its firmware, reset it to factory"
                    + " settings if it keeps trying, and change the passwords it used.",
            List.of("query", "answer", "observed")),

    TOO_MANY_DEVICES(Severity.MEDIUM,
            "Your router reports more devices than a home has",
            "Your router reported more than {indicator} different devices. Devices beyond that number are not"
                    + " listed; they are only counted. A faulty or tampered router, or a device that keeps inventing"
                    + " new network addresses, causes this.",
            "Restart your router. If this alert comes back, reset the router to factory settings, change its admin"
                    + " password and update its firmware, or ask your provider to check it.",
            List.of("limit", "refusedMacs", "examples"));

    private final Severity severity;
    private final String title;
    private final String explanation;
    private final String advice;
    private final List<String> requiredEvidence;

    AlertType(Severity severity, String title, String explanation, String advice, List<String> requiredEvidence) {
        this.severity = severity;
        this.title = title;
        this.explanation = explanation;
        this.advice = advice;
        this.requiredEvidence = requiredEvidence;
    }

    /** The type of this name, or null for a name no type has (an alert stored by an older version). */
    public static AlertType named(String name) {
        for (AlertType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    public Severity severity() {
        return severity;
    }

    /** A short headline: "Contact with a known malicious host". */
    public String title() {
        return title;
    }

    /** Why it matters, in words a subscriber understands; {@code {indicator}} is replaced by the alert's indicator. */
    public String explain(String indicator) {
        return explanation.replace("{indicator}", indicator);
    }

    /** What to do about it. */
    public String advice() {
        return advice;
    }

    /** Keys the evidence object must carry. */
    public List<String> requiredEvidence() {
        return requiredEvidence;
    }
}
