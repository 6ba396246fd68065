package io.homeshield.routers.simulated;

/**
 * One row of a simulated router's TR-181 {@code Device.Hosts.AccessControl.{i}.} table, with the
 * standard's parameter names: {@code AccessPolicy} is {@code Allow} or {@code Deny}, {@code Origin}
 * is {@code User}, {@code System} or {@code Controller}.
 */
public record AccessControlEntry(int instance, String alias, String physAddress, String hostName, boolean enable,
        String accessPolicy, String origin) {

    public boolean denies() {
        return enable && "Deny".equals(accessPolicy);
    }
}
