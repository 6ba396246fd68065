package io.homeshield.provisioning;

import java.net.URI;
import java.util.regex.Pattern;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.ManagementChannel;

/**
 * Checks that a router's management address is one its channel can use: a USP endpoint id
 * (authority-scheme:authority-id:instance-id, TR-369), a GenieACS device id (OUI-ProductClass-Serial),
 * an OpenWrt ubus URL, or nothing for a simulated router.
 */
final class ManagementAddress {

    static final String FIELD = "managementAddress";
    private static final Pattern USP_ENDPOINT_ID = Pattern.compile("[A-Za-z0-9-]+:[^:\\s+#]*:[^\\s+#]+");
    private static final Pattern ACS_DEVICE_ID = Pattern.compile("[0-9A-Fa-f]{6}-[^\\s/]+-[^\\s/]+");

    private ManagementAddress() {
    }

    /**
     * The address to store (trimmed; null for a simulated router), or a problem naming the field.
     * An OpenWrt URL must also pass {@code networks}: HomeShield calls it.
     */
    static String checked(ManagementChannel channel, String address, ManagementNetworks networks) {
        String value = address == null || address.isBlank() ? null : address.trim();
        if (channel == ManagementChannel.SIMULATED) {
            if (value != null) {
                throw ProblemException.invalid(FIELD, "a simulated router has no management address");
            }
            return null;
        }
        if (value == null) {
            throw ProblemException.invalid(FIELD, "is required for a router managed over " + channel);
        }
        if (value.length() > 255) {
            throw ProblemException.invalid(FIELD, "must be at most 255 characters");
        }
        boolean valid = switch (channel) {
            case USP -> USP_ENDPOINT_ID.matcher(value).matches();
            case GENIEACS -> ACS_DEVICE_ID.matcher(value).matches();
            case OPENWRT -> isUbusUrl(value);
            case SIMULATED -> true;
        };
        if (!valid) {
            throw ProblemException.invalid(FIELD, switch (channel) {
                case USP -> "must be the agent's USP endpoint id, such as os::012345-F4EABC123456";
                case GENIEACS -> "must be the ACS device id OUI-ProductClass-Serial, such as 202BC1-BM632w-SN0001";
                case OPENWRT -> "must be the router's ubus URL, such as https://10.64.0.10/ubus";
                case SIMULATED -> "";
            });
        }
        if (channel == ManagementChannel.OPENWRT) {
            String why = networks.whyRefused(value);
            if (why != null) {
                throw ProblemException.invalid(FIELD, why);
            }
        }
        return value;
    }

    private static boolean isUbusUrl(String value) {
        try {
            URI url = URI.create(value);
            return ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
