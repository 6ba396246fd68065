package io.homeshield.enforcement;

/** A router HomeShield can restart; {@link RouterControl#isBack} confirms it answers again. */
public interface RouterRestart extends RouterControl {

    void reboot(RouterTarget router) throws RouterControlException;
}
