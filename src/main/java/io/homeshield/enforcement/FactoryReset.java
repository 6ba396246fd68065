package io.homeshield.enforcement;

/** A router HomeShield can put back to its factory settings. */
public interface FactoryReset extends RouterControl {

    void factoryReset(RouterTarget router) throws RouterControlException;
}
