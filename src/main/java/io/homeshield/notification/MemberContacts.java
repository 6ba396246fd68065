package io.homeshield.notification;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.household.HouseholdMember;

/** Keeps a member's e-mail address and portal language as the portal last saw them. */
@ApplicationScoped
public class MemberContacts {

    static final int MAX_EMAIL = 320;

    /** Stores what changed; an address that cannot be one (no "@", too long) is not stored. */
    @Transactional
    public void record(UUID memberId, String email, String language) {
        HouseholdMember member = HouseholdMember.findById(memberId);
        if (member == null) {
            return;
        }
        String address = plausible(email) ? email.strip() : member.email;
        if (!Objects.equals(member.email, address)) {
            member.email = address;
        }
        if (language != null && !language.equals(member.language)) {
            member.language = language;
        }
    }

    /** Whether the stored contact differs from what the portal sees now (so a write is needed). */
    public static boolean differs(HouseholdMember member, String email, String language) {
        return plausible(email) && !email.strip().equals(member.email)
                || language != null && !language.equals(member.language);
    }

    static boolean plausible(String email) {
        return email != null && email.length() <= MAX_EMAIL && email.indexOf('@') > 0 && email.strip().equals(email)
                && email.chars().noneMatch(Character::isISOControl);
    }
}
