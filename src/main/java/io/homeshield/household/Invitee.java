package io.homeshield.household;

/**
 * The signed-in person as the identity provider vouches for them when they accept an invitation: the
 * subject, the e-mail address and whether the provider has verified that it is theirs.
 */
public record Invitee(String subject, String email, boolean emailVerified, String displayName) {
}
