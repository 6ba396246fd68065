package io.homeshield.infra.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into its addresses; a port so that tests can answer as a DNS server would. */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
