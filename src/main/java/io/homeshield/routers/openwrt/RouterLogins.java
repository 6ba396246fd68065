package io.homeshield.routers.openwrt;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;

/** Where the adapter finds the rpcd login of the router it is about to reach. */
@FunctionalInterface
interface RouterLogins {

    /** The router's own login, or a non-retryable failure saying why there is none. */
    RpcdLogin of(RouterTarget router) throws RouterControlException;
}
