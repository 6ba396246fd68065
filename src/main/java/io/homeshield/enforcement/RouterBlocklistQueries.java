package io.homeshield.enforcement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.Router;
import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;

/** Turns a household's domain blocks into what one of its routers must enforce. */
@ApplicationScoped
class RouterBlocklistQueries {

    @Transactional(Transactional.TxType.MANDATORY)
    RouterBlocklist blocklistOf(UUID routerId) {
        Router router = Router.findById(routerId);
        List<BlockedDomain> blocks = BlockedDomain.list("householdId", router.householdId);
        if (blocks.isEmpty()) {
            return RouterBlocklist.EMPTY;
        }
        Map<UUID, MacAddress> macs = new HashMap<>();
        for (Device d : Device.<Device>list("routerId", routerId)) {
            macs.put(d.id, d.macAddress());
        }
        List<RouterBlocklist.Rule> rules = new ArrayList<>();
        for (BlockedDomain block : blocks) {
            Set<MacAddress> except = new HashSet<>();
            block.exemptDevices.stream().map(macs::get).filter(m -> m != null).forEach(except::add);
            if (block.householdWide()) {
                rules.add(new RouterBlocklist.Rule(DomainName.of(block.domain), Set.of(), except));
            } else if (macs.containsKey(block.deviceId)) {
                rules.add(new RouterBlocklist.Rule(DomainName.of(block.domain), Set.of(macs.get(block.deviceId)),
                        except));
            }
        }
        return new RouterBlocklist(rules);
    }
}
