package io.homeshield.admin;

import java.util.List;
import java.util.UUID;

/**
 * A household found by a staff search, and what matched.
 *
 * @param matchedBy what matched, then the value that did: "Account number", "Name", "Router serial
 *        BX0000000042", "Device MAC 0A:00:00:00:01:50", "Device address 192.168.1.10"
 */
public record HouseholdHit(UUID id, String accountNumber, String displayName, String matchedBy) {

    private static final List<String> KINDS = List.of("Account number", "Name", "Router serial", "Device MAC",
            "Device address");

    /** What matched, as a key for the page's words: account, name, serial, mac or address. */
    public String matchKind() {
        return switch (KINDS.stream().filter(matchedBy::startsWith).findFirst().orElse("")) {
            case "Account number" -> "account";
            case "Name" -> "name";
            case "Router serial" -> "serial";
            case "Device MAC" -> "mac";
            case "Device address" -> "address";
            default -> "";
        };
    }

    /** The serial, MAC or address that matched; empty when the account number or name did. */
    public String matchValue() {
        return KINDS.stream().filter(matchedBy::startsWith).findFirst()
                .map(kind -> matchedBy.substring(kind.length()).strip()).orElse("");
    }
}
