package io.homeshield.simulator.scenario;

/** What an infected device starts doing at its onset. */
public enum Infection {
    MIRAI_SCANNER("Mirai-style telnet scanner (SYN sequence number = target address)"),
    MIRAI_SCANNER_WITHOUT_FINGERPRINT(
            "Mirai-variant scanner on telnet, TR-069, ADB and router-exploit ports, no sequence numbers reported"),
    C2_BEACON("bot checking in with its controller every few seconds"),
    DGA_BOT("bot looking up generated domain names"),
    SSH_BRUTE_FORCE("bot guessing SSH passwords on an internet host"),
    DATA_EXFILTRATION("files uploaded to an attacker's server"),
    DDOS_PARTICIPANT("bot flooding a victim with UDP packets"),
    ROUTER_DNS_HIJACK("router's name servers changed to an attacker's resolver (DNSChanger, GhostDNS)");

    private final String description;

    Infection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
