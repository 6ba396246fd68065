package io.homeshield.fleet.remediation;

import io.homeshield.enforcement.FirmwareImage;

/** A firmware job's image, kept in the job's parameters column as its version and URL on two lines. */
final class FirmwareChoice {

    private FirmwareChoice() {
    }

    static String encode(FirmwareImage image) {
        return image.version() + "\n" + image.url();
    }

    static FirmwareImage decode(String text) {
        int newline = text.indexOf('\n');
        return new FirmwareImage(text.substring(newline + 1), text.substring(0, newline));
    }
}
