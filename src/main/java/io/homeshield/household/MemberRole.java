package io.homeshield.household;

/** What a person may do in their household. */
public enum MemberRole {
    /** Holds the contract; manages members and every setting. */
    OWNER,
    /** Manages devices, alerts and members like the owner, but cannot remove the owner. */
    CO_ADMIN,
    /** Sees the household and its alerts; cannot quarantine or change settings. */
    MEMBER;

    public boolean canAct() {
        return this != MEMBER;
    }
}
