package io.homeshield.fleet.remediation;

import io.homeshield.enforcement.FirmwareImage;

/**
 * A firmware job's image, kept in the job's parameters column as its version, URL and SHA-256 on
 * three lines (jobs from before checksums have two).
 */
final class FirmwareChoice {

    private FirmwareChoice() {
    }

    static String encode(FirmwareImage image) {
        return image.version() + "\n" + image.url() + (image.sha256() == null ? "" : "\n" + image.sha256());
    }

    static FirmwareImage decode(String text) {
        String[] lines = text.split("\n", 3);
        return new FirmwareImage(lines[1], lines[0], lines.length > 2 ? lines[2] : null);
    }
}
