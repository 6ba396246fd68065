package io.homeshield.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.enforcement.DesiredStateResend;
import io.homeshield.enforcement.ManagementLogins;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdKind;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.infra.PlainText;
import io.homeshield.infra.http.EntityTags;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.telemetry.RouterCredentials;

/**
 * What the provider's customer systems do when a subscriber signs up or a router is installed,
 * swapped to another management channel, or needs a new telemetry secret. Every act is audited
 * under the calling system's name.
 */
@ApplicationScoped
public class ProvisioningService {

    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");

    private final RouterCredentials credentials;
    private final ManagementLogins openWrtLogins;
    private final SimulatedRouters simulated;
    private final DesiredStateResend resend;
    private final AuditLog audit;
    private final Clock clock;
    private final ManagementNetworks managementNetworks;

    ProvisioningService(RouterCredentials credentials, ManagementLogins openWrtLogins,
            SimulatedRouters simulated, DesiredStateResend resend, AuditLog audit, Clock clock,
            ManagementNetworks managementNetworks) {
        this.credentials = credentials;
        this.openWrtLogins = openWrtLogins;
        this.simulated = simulated;
        this.resend = resend;
        this.audit = audit;
        this.clock = clock;
        this.managementNetworks = managementNetworks;
    }

    @Transactional
    public ProvisionedHousehold register(HouseholdRegistration request, Actor actor) {
        if (request == null) {
            throw ProblemException.invalid("accountNumber", "is required");
        }
        String account = required("accountNumber", request.accountNumber(), 32);
        if (!ACCOUNT_NUMBER.matcher(account).matches()) {
            throw ProblemException.invalid("accountNumber", "may hold letters, digits and dashes only");
        }
        String name = required("displayName", request.displayName(), 200);
        HouseholdKind kind = oneOf(HouseholdKind.class, "kind", request.kind(), HouseholdKind.HOME);
        String owner = optional("ownerSubject", request.ownerSubject(), 255);
        String ownerName = optional("ownerName", request.ownerName(), 200);
        if (Household.findByAccountNumber(account) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Account " + account + " is already registered.");
        }
        if (owner != null && HouseholdMember.findBySubject(owner) != null) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "ownerSubject already belongs to a member of another household.");
        }
        Instant now = clock.instant();
        Household household = new Household(account, name, kind, now);
        household.persist();
        if (owner != null) {
            new HouseholdMember(household.householdId(), owner, ownerName != null ? ownerName : name, MemberRole.OWNER,
                    now).persist();
        }
        audit.append(new AuditRecord(actor.id(), actor.role(), household.id, "household.register", account, null,
                "done"));
        return ProvisionedHousehold.of(household, List.of());
    }

    @Transactional
    public ProvisionedHousehold household(UUID id) {
        Household household = Household.findById(id);
        if (household == null) {
            throw ProblemException.notFound("Household " + id);
        }
        return withRouters(household);
    }

    @Transactional
    public List<ProvisionedHousehold> byAccountNumber(String accountNumber) {
        Household household = Household.findByAccountNumber(required("accountNumber", accountNumber, 32));
        return household == null ? List.of() : List.of(withRouters(household));
    }

    /**
     * Registers a router at the household and issues its telemetry secret and, for an OpenWrt router, its
     * own rpcd login; both are returned once.
     */
    @Transactional
    public ProvisionedRouter addRouter(UUID householdId, RouterRegistration request, Actor actor) {
        if (Household.findById(householdId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ProblemException.notFound("Household " + householdId);
        }
        if (request == null) {
            throw ProblemException.invalid("serialNumber", "is required");
        }
        String serial = required("serialNumber", request.serialNumber(), 64);
        String model = required("model", request.model(), 100);
        String firmware = required("firmware", request.firmware(), 100);
        ManagementChannel channel = oneOf(ManagementChannel.class, "channel", request.channel(), null);
        if (channel == null) {
            throw ProblemException.invalid("channel", "is required");
        }
        ensureChannelAllowed(channel);
        String address = ManagementAddress.checked(channel, request.managementAddress(), managementNetworks);
        ensureOpenWrtReachable(channel, address);
        if (Router.count("serialNumber", serial) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "A router with serial number " + serial
                    + " is already registered.");
        }
        ensureAddressFree(channel, address, null);
        Router router = new Router(new HouseholdId(householdId), serial, model, firmware, channel, address,
                clock.instant());
        ManagementLogin login = channel == ManagementChannel.OPENWRT ? ManagementLogin.of(openWrtLogins.issue(router))
                : null;
        router.persist();
        String secret = credentials.issue(router);
        audit.append(new AuditRecord(actor.id(), actor.role(), householdId, "router.register",
                serial + " over " + channel, null, "done"));
        return ProvisionedRouter.issued(router, secret, login);
    }

    /**
     * Changes a router's channel, address or firmware, if {@code ifMatch} names its current ETag. A
     * router now reached another way is sent the household's whole desired state again, since the new
     * channel has never carried it.
     */
    @Transactional
    public ProvisionedRouter change(UUID routerId, RouterChange request, String ifMatch, Actor actor) {
        Router router = lockedRouter(routerId);
        EntityTags.require(ifMatch, ProvisionedRouter.of(router).etag());
        if (request == null) {
            return ProvisionedRouter.of(router);
        }
        ManagementChannel channel = oneOf(ManagementChannel.class, "channel", request.channel(), router.channel);
        boolean channelChanges = channel != router.channel;
        if (channelChanges) {
            ensureChannelAllowed(channel);
        }
        String address = request.managementAddress() == null && !channelChanges ? router.managementAddress
                : ManagementAddress.checked(channel, request.managementAddress(), managementNetworks);
        if (!Objects.equals(address, router.managementAddress) || channelChanges) {
            ensureOpenWrtReachable(channel, address);
        }
        String firmware = request.firmware() == null ? router.firmware : required("firmware", request.firmware(), 100);
        boolean reachedElsewhere = channelChanges || !Objects.equals(address, router.managementAddress);
        if (reachedElsewhere) {
            ensureAddressFree(channel, address, router.id);
        }
        String what = router.serialNumber + (reachedElsewhere ? " now over " + channel : "")
                + (firmware.equals(router.firmware) ? "" : " firmware " + router.firmware + " -> " + firmware);
        router.channel = channel;
        router.managementAddress = address;
        router.firmware = firmware;
        ManagementLogin login = null;
        if (channel != ManagementChannel.OPENWRT) {
            router.managementUsername = null;
            router.managementPasswordSealed = null;
        } else if (router.managementPasswordSealed == null) {
            login = ManagementLogin.of(openWrtLogins.issue(router));
        }
        audit.append(new AuditRecord(actor.id(), actor.role(), router.householdId, "router.change", what, null,
                "done"));
        if (reachedElsewhere) {
            resend.resend(router.household(), actor, "The router is now managed over " + channel + ".");
        }
        return ProvisionedRouter.issued(router, null, login);
    }

    /**
     * Replaces an OpenWrt router's rpcd login; HomeShield signs in with the new one from now on, so the
     * provider installs it on the router right away.
     */
    @Transactional
    public ProvisionedRouter newManagementLogin(UUID routerId, Actor actor) {
        Router router = lockedRouter(routerId);
        if (router.channel != ManagementChannel.OPENWRT) {
            throw new ProblemException(ProblemType.CONFLICT, "Only routers managed over OPENWRT have a management "
                    + "login; this one is managed over " + router.channel + ".");
        }
        ensureOpenWrtReachable(router.channel, router.managementAddress);
        ManagementLogin login = ManagementLogin.of(openWrtLogins.issue(router));
        audit.append(new AuditRecord(actor.id(), actor.role(), router.householdId, "router.management-login",
                router.serialNumber, null, "done"));
        return ProvisionedRouter.issued(router, null, login);
    }

    private void ensureChannelAllowed(ManagementChannel channel) {
        if (channel == ManagementChannel.SIMULATED && !simulated.allowed()) {
            throw ProblemException.invalid("channel", "SIMULATED changes nothing on a real router and is only "
                    + "available in development and tests");
        }
    }

    /** An OpenWrt router is reached over https (or http on a listed management network) with a login of its own. */
    private void ensureOpenWrtReachable(ManagementChannel channel, String address) {
        if (channel != ManagementChannel.OPENWRT) {
            return;
        }
        openWrtLogins.refusal(address).ifPresent(reason -> {
            throw ProblemException.invalid(ManagementAddress.FIELD, reason);
        });
        if (!openWrtLogins.canIssue()) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "HomeShield has no key to keep OpenWrt routers' "
                    + "logins with; the operator must configure homeshield.openwrt.credential-key.");
        }
    }

    /** The router as the provider's systems see it. */
    @Transactional
    public ProvisionedRouter router(UUID routerId) {
        Router router = Router.findById(routerId);
        if (router == null) {
            throw ProblemException.notFound("Router " + routerId);
        }
        return ProvisionedRouter.of(router);
    }

    /** Replaces the router's telemetry secret; the old one stops working at once. */
    @Transactional
    public ProvisionedRouter newSecret(UUID routerId, Actor actor) {
        Router router = lockedRouter(routerId);
        String secret = credentials.issue(router);
        audit.append(new AuditRecord(actor.id(), actor.role(), router.householdId, "router.credential",
                router.serialNumber, null, "done"));
        return ProvisionedRouter.withSecret(router, secret);
    }

    private static Router lockedRouter(UUID routerId) {
        Router router = Router.findById(routerId, LockModeType.PESSIMISTIC_WRITE);
        if (router == null) {
            throw ProblemException.notFound("Router " + routerId);
        }
        return router;
    }

    /** Two routers answering to one address would each receive the other's instructions. */
    private static void ensureAddressFree(ManagementChannel channel, String address, UUID except) {
        if (address != null && Router.count("channel = ?1 and managementAddress = ?2 and id <> ?3", channel, address,
                except == null ? new UUID(0, 0) : except) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Another router is already registered at "
                    + address + " over " + channel + ".");
        }
    }

    private static ProvisionedHousehold withRouters(Household household) {
        List<ProvisionedRouter> routers = Router.<Router>list("householdId = ?1 order by createdAt", household.id)
                .stream().map(ProvisionedRouter::of).toList();
        return ProvisionedHousehold.of(household, routers);
    }

    private static String required(String field, String value, int maxLength) {
        String trimmed = optional(field, value, maxLength);
        if (trimmed == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return trimmed;
    }

    private static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        PlainText.require(field, value);
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw ProblemException.invalid(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    private static <E extends Enum<E>> E oneOf(Class<E> values, String field, String value, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(values, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.stream(values.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
