package io.homeshield.household;

/** A household member without owner or co-admin rights tried to change something. */
public class MemberMayNotActException extends RuntimeException {

    public MemberMayNotActException() {
        super("Only the household's owner or a co-admin can do this.");
    }
}
