package io.homeshield.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.homeshield.household.HouseholdId;

/** Reads devices, always within one household: another household's device simply does not exist. */
@ApplicationScoped
public class DeviceQueries {

    public Optional<Device> find(HouseholdId household, UUID deviceId) {
        return Device.find("id = ?1 and householdId = ?2", deviceId, household.value()).firstResultOptional();
    }

    /** As {@link #find}, locking the device's row until the transaction ends, so changes to it happen one at a time. */
    public Optional<Device> findForUpdate(HouseholdId household, UUID deviceId) {
        return Device.find("id = ?1 and householdId = ?2", deviceId, household.value())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<Device> list(HouseholdId household) {
        return Device.list("householdId = ?1 order by online desc, lastSeen desc", household.value());
    }

    public List<Router> routers(HouseholdId household) {
        return Router.list("householdId = ?1 order by serialNumber", household.value());
    }
}
