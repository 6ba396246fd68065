package io.homeshield.household;

/** The signed-in identity is not a member of any household. */
public class NotInHouseholdException extends RuntimeException {

    public NotInHouseholdException() {
        super("This sign-in is not linked to a household.");
    }
}
