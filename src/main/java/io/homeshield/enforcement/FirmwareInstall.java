package io.homeshield.enforcement;

/** A router HomeShield can tell to install a firmware image. */
public interface FirmwareInstall extends RouterControl {

    /** Tells the router to download and install the image; it restarts on its own afterwards. */
    void installFirmware(RouterTarget router, FirmwareImage image) throws RouterControlException;
}
