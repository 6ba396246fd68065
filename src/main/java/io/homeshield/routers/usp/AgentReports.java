package io.homeshield.routers.usp;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.enforcement.RouterReturns;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Hands each kind of agent notification to the part of HomeShield that acts on it. */
@ApplicationScoped
class AgentReports implements AgentNotifications {

    private final ConfigChangeRecorder configChanges;
    private final UspDnsWatch dnsWatch;
    private final RouterReturns routerReturns;

    AgentReports(ConfigChangeRecorder configChanges, UspDnsWatch dnsWatch, RouterReturns routerReturns) {
        this.configChanges = configChanges;
        this.dnsWatch = dnsWatch;
        this.routerReturns = routerReturns;
    }

    @Override
    public void valueChanged(String agentEndpointId, String parameterPath, String newValue) {
        configChanges.valueChanged(agentEndpointId, parameterPath, newValue);
    }

    /** The router restarted (perhaps reset): actions waiting for it go now, and its desired state is sent again. */
    @Override
    public void agentStarted(String agentEndpointId) {
        wakeWaitingActions(agentEndpointId);
        dnsWatch.agentStarted(agentEndpointId, true);
    }

    /**
     * The agent (re)connected: actions waiting for it go now; if it lost HomeShield's subscriptions, it is caught up.
     */
    @Override
    public void agentConnected(String agentEndpointId) {
        wakeWaitingActions(agentEndpointId);
        dnsWatch.agentStarted(agentEndpointId, false);
    }

    private void wakeWaitingActions(String agentEndpointId) {
        QuarkusTransaction.requiringNew().run(() -> Router
                .<Router>find("channel = ?1 and managementAddress = ?2", ManagementChannel.USP, agentEndpointId)
                .firstResultOptional().ifPresent(router -> routerReturns.routerReturned(router.id)));
    }
}
