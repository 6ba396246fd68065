package io.homeshield.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.fleet.forensics.ForensicsService;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.net.DomainName;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.telemetry.RouterCredentials;
import io.homeshield.telemetry.TelemetryReceipt;
import io.quarkus.logging.Log;

/**
 * Creates the demo households, their owners and routers, skipping whatever already exists. Each
 * router gets a fresh ingest secret every time: only its hash is stored, so a secret from an
 * earlier start cannot be recovered.
 */
@ApplicationScoped
class DemoSeeder {

    private static final Actor DEMO = new Actor("homeshield-demo", "system");

    private final RouterCredentials credentials;
    private final SimulatedRouters simulated;
    private final ForensicsService forensics;
    private final BlockedDomainService domainBlocks;
    private final Clock clock;

    DemoSeeder(RouterCredentials credentials, SimulatedRouters simulated, ForensicsService forensics,
            BlockedDomainService domainBlocks, Clock clock) {
        this.credentials = credentials;
        this.simulated = simulated;
        this.forensics = forensics;
        this.domainBlocks = domainBlocks;
        this.clock = clock;
    }

    @Transactional
    List<SeededRouter> seed(List<DemoHousehold> demo) {
        Instant now = clock.instant();
        List<SeededRouter> seeded = new ArrayList<>(demo.size());
        for (DemoHousehold h : demo) {
            Household household = Household.findByAccountNumber(h.accountNumber());
            if (household == null) {
                household = new Household(h.accountNumber(), h.displayName(), h.kind(), now);
                household.persist();
                Log.infof("Demo household %s created", h.accountNumber());
            }
            HouseholdId id = household.householdId();
            h.owner().filter(owner -> HouseholdMember.findBySubject(owner.subject()) == null)
                    .ifPresent(owner -> new HouseholdMember(id, owner.subject(), owner.displayName(), MemberRole.OWNER,
                            now).persist());
            Router router = Router.find("serialNumber", h.router().serialNumber()).firstResult();
            if (router == null) {
                router = new Router(id, h.router().serialNumber(), h.router().model(), h.router().firmware(),
                        ManagementChannel.SIMULATED, null, now);
                router.persist();
            }
            String secret = credentials.issue(router);
            seeded.add(new SeededRouter(router.id, secret, nextSequence(router), h));
            collectEvidenceOnce(router);
            for (DomainName domain : DemoCatalogue.blockedDomainsOf(h)) {
                // through the household's own service: the router is told, and the activity log says so
                domainBlocks.block(id, domain, null, DEMO, "Demo: a domain the household chose to block");
            }
        }
        return seeded;
    }

    /** The demo router's settings, and one evidence snapshot for the analysts' pages. */
    private void collectEvidenceOnce(Router router) {
        simulated.setParameter(router.id, "Device.DeviceInfo.ModelName", router.model);
        simulated.setParameter(router.id, "Device.DeviceInfo.SoftwareVersion", router.firmware);
        simulated.setParameter(router.id, "Device.DNS.Client.Server.1.DNSServer", "10.255.0.53");
        simulated.setParameter(router.id, "Device.Users.User.1.Username", "admin");
        if (EnforcementAction.count("routerId = ?1 and kind = ?2", router.id, ActionKind.COLLECT_EVIDENCE) == 0) {
            forensics.collect(router.id, DEMO, "Demo: evidence from the demo router for the analysts' pages");
        }
    }

    /** Carries on after the last batch the ingest accepted, so a restart is not taken for a resend. */
    private static long nextSequence(Router router) {
        return TelemetryReceipt.<TelemetryReceipt>find("routerId = ?1 order by sequence desc", router.id)
                .firstResultOptional()
                .map(last -> last.sequence + 1)
                .orElse(1L);
    }
}
