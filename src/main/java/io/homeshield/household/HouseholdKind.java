package io.homeshield.household;

public enum HouseholdKind {
    HOME,
    SME
}
