package io.homeshield.provisioning;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.inventory.Router;
import io.homeshield.net.IpAddress;
import io.homeshield.telemetry.flowexport.FlowExporters;

/**
 * Registers the addresses a router's flow export comes from. The collector reads datagrams only from
 * registered addresses, so this is where a provider says which router each one belongs to. An address
 * belongs to one router: moving it to another router means removing it first.
 */
@ApplicationScoped
public class FlowExporterProvisioning {

    /** A router exports from its WAN address, perhaps a second one (IPv4 and IPv6): a few are plenty. */
    static final int MAX_PER_ROUTER = 4;

    private final FlowExporters exporters;
    private final AuditLog audit;

    FlowExporterProvisioning(FlowExporters exporters, AuditLog audit) {
        this.exporters = exporters;
        this.audit = audit;
    }

    @Transactional
    public List<ProvisionedFlowExporter> list(UUID routerId) {
        router(routerId, false);
        return exporters.of(routerId).stream().map(ProvisionedFlowExporter::of).toList();
    }

    /** Registers the address for the router; registering the router's own address again changes nothing. */
    @Transactional
    public ProvisionedFlowExporter register(UUID routerId, FlowExporterRegistration request, Actor actor) {
        Router router = router(routerId, true);
        IpAddress address = exporterAddress(request == null ? null : request.address());
        Optional<UUID> holder = exporters.holderOf(address);
        if (holder.isPresent() && !holder.get().equals(routerId)) {
            String reason = "is registered as another router's flow exporter; remove it there first";
            throw new ProblemException(ProblemType.CONFLICT, "address: " + reason + ".",
                    List.of(new Problem.Violation("address", reason)));
        }
        if (holder.isEmpty()) {
            if (exporters.of(routerId).size() >= MAX_PER_ROUTER) {
                String reason = "the router already has " + MAX_PER_ROUTER
                        + " flow exporter addresses; remove one first";
                throw new ProblemException(ProblemType.CONFLICT, "address: " + reason + ".",
                        List.of(new Problem.Violation("address", reason)));
            }
            exporters.register(routerId, address);
            audit.append(new AuditRecord(actor.id(), actor.role(), router.householdId, "router.flow-exporter.register",
                    router.serialNumber + " exports from " + address.value(), null, "done"));
        }
        return exporters.of(routerId).stream().filter(e -> e.address.equals(address.value())).findFirst()
                .map(ProvisionedFlowExporter::of).orElseThrow();
    }

    @Transactional
    public void remove(UUID routerId, String addressText, Actor actor) {
        Router router = router(routerId, true);
        IpAddress address;
        try {
            address = IpAddress.of(addressText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Flow exporter " + addressText + " of router " + routerId);
        }
        if (!exporters.remove(routerId, address)) {
            throw ProblemException.notFound("Flow exporter " + address.value() + " of router " + routerId);
        }
        audit.append(new AuditRecord(actor.id(), actor.role(), router.householdId, "router.flow-exporter.remove",
                router.serialNumber + " no longer exports from " + address.value(), null, "done"));
    }

    /** A unicast address literal: a wildcard, multicast or broadcast address is no exporter's source. */
    static IpAddress exporterAddress(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("address", "is required");
        }
        IpAddress address;
        try {
            address = IpAddress.of(text.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("address", "must be an IPv4 or IPv6 address literal");
        }
        InetAddress inet;
        try {
            inet = InetAddress.getByName(address.value()); // a literal: nothing is resolved
        } catch (UnknownHostException e) {
            throw ProblemException.invalid("address", "must be an IPv4 or IPv6 address literal");
        }
        if (inet.isAnyLocalAddress() || inet.isMulticastAddress() || "255.255.255.255".equals(address.value())) {
            throw ProblemException.invalid("address", "must be the unicast address the router sends from");
        }
        return address;
    }

    private static Router router(UUID routerId, boolean lock) {
        Router router = lock ? Router.findById(routerId, LockModeType.PESSIMISTIC_WRITE) : Router.findById(routerId);
        if (router == null) {
            throw ProblemException.notFound("Router " + routerId);
        }
        return router;
    }
}
