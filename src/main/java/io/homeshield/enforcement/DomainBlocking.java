package io.homeshield.enforcement;

/** A router whose DNS relay refuses the domains a household blocks. */
public interface DomainBlocking extends RouterControl {

    /** Replaces the domains the router blocks on HomeShield's behalf with {@code blocklist} (empty lifts them all). */
    void applyDomainBlocks(RouterTarget router, RouterBlocklist blocklist) throws RouterControlException;

    /** Reads back the domains the router blocks on HomeShield's behalf. */
    RouterBlocklist domainBlocks(RouterTarget router) throws RouterControlException;
}
