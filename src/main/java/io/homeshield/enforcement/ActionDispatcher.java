package io.homeshield.enforcement;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;

/**
 * Carries one claimed action to its router: calls the router's adapter outside any transaction,
 * reads the router back, and records applied, verified, a retry with backoff, or failed with the
 * reason. {@link DispatchLoop} decides when and how many.
 */
@ApplicationScoped
class ActionDispatcher {

    private final ActionLedger ledger;
    private final RouterControls adapters;
    private final Instance<EvidenceStore> evidence;

    ActionDispatcher(ActionLedger ledger, RouterControls adapters, Instance<EvidenceStore> evidence) {
        this.ledger = ledger;
        this.adapters = adapters;
        this.evidence = evidence;
    }

    void run(DispatchJob job) {
        RouterControl adapter;
        try {
            adapter = adapters.forRouter(job.router());
        } catch (RouterControlException e) {
            ledger.failedAttempt(job, e.getMessage(), e.retryable());
            return;
        }
        try {
            if (!job.verifyOnly() && !apply(job)) {
                return;
            }
            verify(adapter, job);
        } catch (RuntimeException e) {
            Log.errorf(e, "Action %s on router %s failed unexpectedly", job.actionId(), job.router().id());
            ledger.failedAttempt(job, "Unexpected error while contacting the router.", true);
        }
    }

    /** Sends the change; returns whether the router took it. */
    private boolean apply(DispatchJob job) {
        RouterTarget router = job.router();
        try {
            switch (job.kind()) {
                case QUARANTINE -> quarantine(router).quarantine(router, job.device(), job.level());
                case RELEASE -> quarantine(router).release(router, job.device());
                case SYNC_DOMAIN_BLOCKS -> adapters.capability(router, DomainBlocking.class)
                        .applyDomainBlocks(router, job.blocklist());
                case SET_PARAMETERS -> adapters.capability(router, RouterParameters.class)
                        .setParameters(router, job.parameters());
                case REBOOT -> adapters.capability(router, RouterRestart.class).reboot(router);
                case FACTORY_RESET -> adapters.capability(router, FactoryReset.class).factoryReset(router);
                case INSTALL_FIRMWARE -> adapters.capability(router, FirmwareInstall.class)
                        .installFirmware(router, job.firmware());
                case COLLECT_EVIDENCE -> evidence.get().store(job.actionId(), router,
                        adapters.capability(router, EvidenceCollection.class).collectEvidence(router));
            }
        } catch (RouterControlException e) {
            Log.infof("Action %s on router %s: %s", job.actionId(), job.router().id(), e.getMessage());
            ledger.failedAttempt(job, e.getMessage(), e.retryable());
            return false;
        }
        ledger.applied(job);
        return true;
    }

    /** Reads the router back to confirm the change. */
    private void verify(RouterControl adapter, DispatchJob job) {
        try {
            String mismatch = mismatch(adapter, job);
            if (mismatch == null) {
                ledger.verified(job);
            } else {
                ledger.appliedNotConfirmed(job, mismatch);
            }
        } catch (RouterControlException e) {
            ledger.appliedNotConfirmed(job, "reading the router back failed: " + e.getMessage());
        }
    }

    /** What the router shows that differs from what the action wanted, or null when it matches. */
    private String mismatch(RouterControl adapter, DispatchJob job) throws RouterControlException {
        RouterTarget router = job.router();
        return switch (job.kind()) {
            case QUARANTINE -> quarantine(router).isQuarantined(router, job.device()) ? null
                    : "the router does not list the device as blocked yet";
            case RELEASE -> quarantine(router).isQuarantined(router, job.device())
                    ? "the router still lists the device as blocked" : null;
            case SYNC_DOMAIN_BLOCKS -> adapters.capability(router, DomainBlocking.class).domainBlocks(router)
                    .equals(job.blocklist()) ? null : "the router's blocked domains differ from the household's list";
            case SET_PARAMETERS -> differingSettings(adapters.capability(router, RouterParameters.class)
                    .parameters(router, job.parameters().keySet()), job.parameters());
            case REBOOT, FACTORY_RESET -> adapter.isBack(router) ? null : RouterControl.NOT_BACK;
            case INSTALL_FIRMWARE -> job.firmware().version().equals(adapter.firmwareVersion(router)) ? null
                    : "the router does not run firmware " + job.firmware().version() + " yet";
            case COLLECT_EVIDENCE -> null; // stored while applying; nothing on the router to read back
        };
    }

    private Quarantining quarantine(RouterTarget router) throws RouterControlException {
        return adapters.capability(router, Quarantining.class);
    }

    private static String differingSettings(Map<String, String> found, Map<String, String> wanted) {
        List<String> differing = wanted.keySet().stream().filter(path -> !wanted.get(path).equals(found.get(path)))
                .sorted().toList();
        return differing.isEmpty() ? null : "the router still shows other values for " + String.join(", ", differing);
    }
}
