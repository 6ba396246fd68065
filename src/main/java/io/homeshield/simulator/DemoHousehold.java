package io.homeshield.simulator;

import java.util.List;
import java.util.Optional;

import io.homeshield.household.HouseholdKind;

/** A demo customer: the account, the person who signs in for it (if any), its router and its devices. */
record DemoHousehold(String accountNumber, String displayName, HouseholdKind kind, Optional<Owner> owner,
        DemoRouter router, List<DemoDevice> devices) {

    DemoHousehold {
        devices = List.copyOf(devices);
    }

    /** The person who holds the contract; {@code subject} is their identity provider's subject. */
    record Owner(String subject, String displayName) {
    }

    record DemoRouter(String serialNumber, String model, String firmware) {
    }
}
