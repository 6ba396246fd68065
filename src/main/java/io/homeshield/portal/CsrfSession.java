package io.homeshield.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * This request's CSRF nonce and the token forms carry ({@code {#csrf /}} renders it). A request
 * without a nonce cookie gets a fresh nonce, which the response sets as the cookie.
 */
@RequestScoped
@Named("csrf")
public class CsrfSession {

    private final CsrfTokens tokens;
    private final SecurityIdentity identity;
    private String nonce;
    private boolean fresh;

    CsrfSession(CsrfTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    void useNonceFrom(String cookieValue) {
        if (nonce != null) {
            return;
        }
        if (CsrfTokens.isWellFormedNonce(cookieValue)) {
            nonce = cookieValue;
        } else {
            nonce = tokens.newNonce();
            fresh = true;
        }
    }

    boolean isFresh() {
        return fresh;
    }

    String nonce() {
        return nonce;
    }

    /** The value of the form field; the same for every form of this person until the cookie changes. */
    public String getToken() {
        if (nonce == null) {
            nonce = tokens.newNonce();
            fresh = true;
        }
        return tokens.tokenFor(nonce, subject());
    }

    String subject() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }
}
