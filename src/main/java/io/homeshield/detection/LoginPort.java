package io.homeshield.detection;

/** Ports where a login service usually listens: password guessing against them weighs more. */
final class LoginPort {

    private LoginPort() {
    }

    /** The service's name, or {@code null} for a port that is not a well-known login port. */
    static String serviceOf(int port) {
        return switch (port) {
            case 22 -> "SSH";
            case 23, 2323 -> "telnet";
            case 3389 -> "RDP";
            case 21 -> "FTP";
            case 5900 -> "VNC";
            case 445 -> "SMB";
            case 1433 -> "SQL Server";
            case 3306 -> "MySQL";
            case 5432 -> "PostgreSQL";
            case 110, 995 -> "POP3";
            case 143, 993 -> "IMAP";
            case 25, 465, 587 -> "SMTP";
            default -> null;
        };
    }
}
