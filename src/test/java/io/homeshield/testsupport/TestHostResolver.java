package io.homeshield.testsupport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.outbound.HostResolver;
import io.homeshield.infra.outbound.SystemHostResolver;

/**
 * Answers as a DNS server the test controls: {@link #RECEIVER} (the name the test profile permits
 * as the provider's own receiver) is the loopback interface, where the tests' receivers listen; a
 * test can make any name answer what it likes, and change the answer later, as a hostile DNS
 * server would. Other names are resolved as usual.
 */
@ApplicationScoped
public class TestHostResolver implements HostResolver {

    public static final String RECEIVER = "receiver.homeshield.test";
    private static final Map<String, List<InetAddress>> ANSWERS = new ConcurrentHashMap<>();
    private final SystemHostResolver system = new SystemHostResolver();

    /** The URL of a receiver the tests run on this port of the loopback interface, by its permitted name. */
    public static String receiverUrl(int port, String path) {
        return "http://" + RECEIVER + ":" + port + path;
    }

    /** From now on {@code name} resolves to these addresses. */
    public static void answer(String name, String... addresses) {
        ANSWERS.put(name, java.util.Arrays.stream(addresses).map(TestHostResolver::literal).toList());
    }

    public static void forget(String name) {
        ANSWERS.remove(name);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (RECEIVER.equals(host)) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        List<InetAddress> answer = ANSWERS.get(host);
        return answer != null ? answer : system.resolve(host);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
