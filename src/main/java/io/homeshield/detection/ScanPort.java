package io.homeshield.detection;

/** The ports IoT malware scans for, grouped by the service it attacks behind them. */
final class ScanPort {

    enum Service {
        TELNET("telnet", "telnet (ports 23, 2323)"),
        SSH("ssh", "SSH (port 22)"),
        TR069("tr-069", "the router management port TR-069 (7547)"),
        ADB("adb", "Android debugging (port 5555)"),
        ROUTER_EXPLOIT("router-exploit", "router exploit ports (37215, 52869)"),
        WEB_ADMIN("web-admin", "web admin ports (81, 8080)");

        private final String key;
        private final String label;

        Service(String key, String label) {
            this.key = key;
            this.label = label;
        }

        String key() {
            return key;
        }

        String label() {
            return label;
        }
    }

    private ScanPort() {
    }

    static boolean isScanned(int port) {
        return serviceOf(port) != null;
    }

    static Service serviceOf(int port) {
        switch (port) {
            case 23:
            case 2323:
                return Service.TELNET;
            case 22:
                return Service.SSH;
            case 7547:
                return Service.TR069;
            case 5555:
                return Service.ADB;
            case 37215:
            case 52869:
                return Service.ROUTER_EXPLOIT;
            case 81:
            case 8080:
                return Service.WEB_ADMIN;
            default:
                return null;
        }
    }
}
