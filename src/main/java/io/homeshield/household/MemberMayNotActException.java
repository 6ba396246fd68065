package io.homeshield.household;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/** A household member without owner or co-admin rights tried to change something: 403. */
public class MemberMayNotActException extends ProblemException {

    public MemberMayNotActException() {
        super(ProblemType.FORBIDDEN, "Only the household's owner or a co-admin can do this.");
    }
}
