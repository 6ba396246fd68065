package io.homeshield.routers.genieacs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How HomeShield reaches the provider's GenieACS and what each router model offers. Router models
 * are keyed by the model name HomeShield has on record, e.g.
 * {@code homeshield.genieacs.models."HS-Box 7".domain-blocking.parameter=Device.X_00256D_DNSFilter.BlockedDomains}.
 */
@ConfigMapping(prefix = "homeshield.genieacs")
public interface GenieAcsConfig {

    /** Base URL of the GenieACS northbound interface (NBI). */
    @WithDefault("http://127.0.0.1:7557")
    String nbiUrl();

    /** HTTP Basic credentials, when the NBI sits behind a proxy that asks for them. */
    Optional<String> username();

    Optional<String> password();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Limit for plain NBI calls (queries, tags, faults). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long the ACS waits for the router to open a session after a connection request. */
    @WithDefault("10s")
    Duration connectionRequestTimeout();

    /**
     * How long a task may take once the router's session has started. GenieACS itself waits up to 120 s
     * for the session to end before it answers, so this must not be shorter, or a long session would be
     * taken for a failure while the task still runs.
     */
    @WithDefault("125s")
    Duration sessionTimeout();

    /** How often a call the ACS refused with 503 "Device is in session" is tried again. */
    @WithDefault("5")
    int busyRetries();

    /** The pause before trying again a call the ACS refused because the router was in a session. */
    @WithDefault("3s")
    Duration busyRetryPause();

    /** How long a task stays queued in the ACS for a router that is offline before the ACS drops it. */
    @WithDefault("1h")
    Duration queuedTaskExpiry();

    /** How often the watched parameters of every TR-069 router are read from the ACS. */
    @WithDefault("15m")
    Duration configReadInterval();

    /** Routers read with one ACS query. */
    @WithDefault("100")
    int configReadPage();

    /**
     * The parameters (or subtrees) whose changes go into each router's configuration history: DNS
     * servers, the ACS URL, remote administration, UPnP and the software version, TR-181 and TR-098.
     */
    @WithDefault("Device.DNS.Client.Server,Device.ManagementServer.URL,Device.UserInterface.RemoteAccess.Enable,"
            + "Device.UPnP.Device.Enable,Device.DeviceInfo.SoftwareVersion,"
            + "InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.DNSServers,"
            + "InternetGatewayDevice.ManagementServer.URL,InternetGatewayDevice.DeviceInfo.SoftwareVersion")
    List<String> watchedParameters();

    /**
     * The parameters the ACS reads from every router in every session (preset {@code homeshield-watch}),
     * so the device documents hold their current values and not what a task last fetched. GenieACS
     * paths: {@code *} stands for every instance.
     */
    @WithDefault("Device.DNS.Client.Server.*.DNSServer,Device.DNS.Client.Server.*.Enable,Device.ManagementServer.URL,"
            + "Device.UserInterface.RemoteAccess.Enable,Device.UPnP.Device.Enable,"
            + "InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.DNSServers,"
            + "InternetGatewayDevice.ManagementServer.URL")
    List<String> refreshedParameters();

    /** What each router model offers; models not listed are TR-181 routers that cannot block domains. */
    Map<String, RouterModel> models();

    interface RouterModel {

        /** The router's data model: TR181 ({@code Device.}) or TR098 ({@code InternetGatewayDevice.}). */
        @WithDefault("TR181")
        DataModel dataModel();

        /** The vendor parameter that holds the router's list of blocked domains, if it has one. */
        Optional<DomainBlocking> domainBlocking();
    }

    interface DomainBlocking {

        /**
         * Full path of a string parameter holding the blocked domains, e.g. {@code
         * Device.X_00256D_DNSFilter.BlockedDomains}.
         */
        String parameter();

        /** What separates the domains in that parameter's value. */
        @WithDefault(",")
        String separator();
    }
}
