package io.homeshield.household;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/** The signed-in identity is not a member of any household: 403. */
public class NotInHouseholdException extends ProblemException {

    public NotInHouseholdException() {
        super(ProblemType.FORBIDDEN, "This sign-in is not linked to a household.");
    }
}
