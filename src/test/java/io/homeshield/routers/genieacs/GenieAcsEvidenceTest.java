package io.homeshield.routers.genieacs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.enforcement.EvidenceBundle;

/**
 * Evidence through GenieACS: a full refresh makes the ACS read the router now, so a value the router
 * changed locally (which the ACS's stored copy does not know, ACS-3) is in the snapshot; nothing is set.
 */
class GenieAcsEvidenceTest {

    private static final String MODEL = "HS-Box 7";

    private GenieAcsPeer acs;
    private Tr069Cpe cpe;
    private GenieAcsRouterControl control;

    @BeforeEach
    void start() {
        acs = GenieAcsPeer.start();
        cpe = acs.cpe();
        control = new GenieAcsRouterControl(TestAcsConfig.at(acs.url()).withModel(MODEL, DataModel.TR181, null),
                new ObjectMapper());
    }

    @AfterEach
    void stop() {
        acs.close();
    }

    @Test
    void aFullRefreshBringsTheRoutersOwnValuesIntoTheSnapshot() throws Exception {
        cpe.changeLocally(Tr069Cpe.DNS_1, "203.0.113.66");

        EvidenceBundle evidence = control.collectEvidence(GenieAcsRouterControlTest.router(MODEL));

        assertEquals("203.0.113.66", evidence.parameters().get("Device.DNS.Client.Server.1.DNSServer"));
        assertEquals("1.5.0", evidence.parameters().get("Device.DeviceInfo.SoftwareVersion"));
        assertEquals("http://acs.example-isp.net:7547", evidence.parameters().get("Device.ManagementServer.URL"));
        assertEquals(List.of("Vendor log file and configuration file: not uploaded (the router's Upload RPC cannot be"
                + " asked for through GenieACS, which has no upload task and never sends Upload to a router)."),
                evidence.notCollected());
        assertEquals(0, cpe.rpcCount("SetParameterValues"), "collecting evidence changes nothing");
        assertTrue(acs.tasks().isEmpty(), "the refresh ran: " + acs.tasks());
    }
}
