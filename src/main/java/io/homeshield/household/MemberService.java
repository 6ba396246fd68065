package io.homeshield.household;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.infra.PlainText;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/**
 * Who belongs to a household: invitations by e-mail address or sign-in name, accepted by the
 * invitee after signing in; removing members. Only the owner and co-admins change membership,
 * nobody removes the owner, and every change is in the audit log.
 * <p>
 * An invitation to an e-mail address is accepted only by someone whose identity provider vouches
 * for that address ({@code email_verified}), or by whoever holds the invitation's link, whose token
 * was given once to the inviter to send to the address: an unverified claim to an address is
 * anyone's to make.
 */
@ApplicationScoped
public class MemberService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SIGN_IN_NAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,100}");

    private final AuditLog audit;
    private final Clock clock;

    MemberService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Offers {@code invitee} (an e-mail address or sign-in name) the role in the household of {@code inviter}. */
    @Transactional
    public HouseholdInvitation invite(HouseholdMember inviter, String invitee, MemberRole role) {
        requireCanAct(inviter);
        String who = normalise(invitee);
        if (role == MemberRole.OWNER) {
            throw ProblemException.invalid("role", "a household has one owner; invite a co-admin or a member");
        }
        if (HouseholdMember.findBySubject(who) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "This person already belongs to a household.");
        }
        boolean alreadyInvited = HouseholdInvitation.count("householdId = ?1 and invitee = ?2 and acceptedAt is null",
                inviter.householdId, who) > 0;
        if (alreadyInvited) {
            throw new ProblemException(ProblemType.CONFLICT, "This person has already been invited.");
        }
        HouseholdInvitation invitation = new HouseholdInvitation();
        invitation.id = UUID.randomUUID();
        invitation.householdId = inviter.householdId;
        invitation.invitee = who;
        invitation.role = role;
        invitation.invitedBy = inviter.subject;
        invitation.createdAt = clock.instant();
        invitation.linkToken = newLinkToken();
        invitation.linkTokenHash = hash(invitation.linkToken);
        invitation.persist();
        record(inviter, "member.invite", who + " as " + role.name().toLowerCase(Locale.ROOT));
        return invitation;
    }

    /** Invitations waiting for the signed-in person, known by sign-in name or by a verified e-mail address. */
    public List<HouseholdInvitation> pendingFor(Invitee who) {
        String name = who.subject().toLowerCase(Locale.ROOT);
        String mail = who.emailVerified() && who.email() != null ? who.email().strip().toLowerCase(Locale.ROOT) : name;
        return HouseholdInvitation.list("acceptedAt is null and (invitee = ?1 or invitee = ?2) order by createdAt",
                name, mail);
    }

    /** The pending invitation the link names, when its token is the link's. */
    public Optional<HouseholdInvitation> byLink(UUID invitationId, String linkToken) {
        if (linkToken == null || linkToken.isBlank()) {
            return Optional.empty();
        }
        return HouseholdInvitation.<HouseholdInvitation>find("id = ?1 and acceptedAt is null", invitationId)
                .firstResultOptional().filter(i -> i.linkTokenHash != null && MessageDigest.isEqual(
                        i.linkTokenHash.getBytes(StandardCharsets.US_ASCII),
                        hash(linkToken.strip()).getBytes(StandardCharsets.US_ASCII)));
    }

    public List<HouseholdInvitation> pendingIn(HouseholdId household) {
        return HouseholdInvitation.list("householdId = ?1 and acceptedAt is null order by createdAt",
                household.value());
    }

    /**
     * Makes the signed-in person a member; the invitation must be addressed to their sign-in name or
     * verified e-mail address, or {@code linkToken} must be its link's; they must have no household.
     */
    @Transactional
    public HouseholdMember accept(UUID invitationId, Invitee who, String linkToken) {
        String subject = who.subject();
        HouseholdInvitation invitation = byLink(invitationId, linkToken)
                .or(() -> pendingFor(who).stream().filter(i -> i.id.equals(invitationId)).findFirst())
                .orElseThrow(() -> refusal(invitationId, who));
        if (HouseholdMember.findBySubject(subject) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "You already belong to a household.");
        }
        String displayName = who.displayName();
        HouseholdMember member = new HouseholdMember(new HouseholdId(invitation.householdId), subject,
                displayName == null || displayName.isBlank() ? subject : displayName.strip(), invitation.role,
                clock.instant());
        member.persist();
        invitation.linkTokenHash = null;
        invitation.acceptedBy = subject;
        invitation.acceptedAt = clock.instant();
        record(member, "member.join", subject + " as " + invitation.role.name().toLowerCase(Locale.ROOT));
        return member;
    }

    /** Withdraws a pending invitation of the household. */
    @Transactional
    public void cancel(HouseholdMember by, UUID invitationId) {
        requireCanAct(by);
        HouseholdInvitation invitation = HouseholdInvitation.<HouseholdInvitation>find(
                "id = ?1 and householdId = ?2 and acceptedAt is null", invitationId,
                        by.householdId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Invitation"));
        invitation.delete();
        record(by, "member.invite-cancel", invitation.invitee);
    }

    /** Removes a member; the owner cannot be removed, and a person cannot remove themselves here. */
    @Transactional
    public void remove(HouseholdMember by, UUID memberId) {
        requireCanAct(by);
        HouseholdMember member = HouseholdMember.<HouseholdMember>find("id = ?1 and householdId = ?2", memberId,
                by.householdId).firstResultOptional().orElseThrow(() -> ProblemException.notFound("Member"));
        if (member.role == MemberRole.OWNER) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The owner holds the contract and cannot be removed.");
        }
        if (member.id.equals(by.id)) {
            throw ProblemException.invalid("memberId", "ask the owner or another co-admin to remove you");
        }
        member.delete();
        record(by, "member.remove", member.displayName);
    }

    /** Which new alerts the member is told about while the portal is open. */
    @Transactional
    public void setNotifyLevel(HouseholdMember member, NotifyLevel level) {
        HouseholdMember stored = HouseholdMember.findById(member.id);
        stored.notifyLevel = level;
    }

    static String normalise(String invitee) {
        PlainText.require("invitee", invitee);
        String value = invitee == null ? "" : invitee.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(value).matches() && !SIGN_IN_NAME.matcher(value).matches()) {
            throw ProblemException.invalid("invitee", "enter an e-mail address or a sign-in name");
        }
        return value;
    }

    /** Says so when only the verification of the address is missing, so the person knows what to do. */
    private static ProblemException refusal(UUID invitationId, Invitee who) {
        boolean toUnverifiedAddress = !who.emailVerified() && who.email() != null
                && HouseholdInvitation.count("id = ?1 and acceptedAt is null and invitee = ?2", invitationId,
                        who.email().strip().toLowerCase(Locale.ROOT)) > 0;
        if (toUnverifiedAddress) {
            return new ProblemException(ProblemType.FORBIDDEN, "Your e-mail address is not verified: verify it with"
                    + " your sign-in provider, or open the invitation link that was sent to it.");
        }
        return new ProblemException(ProblemType.NOT_FOUND,
                "This invitation was not found, or it is not addressed to you.");
    }

    private static String newLinkToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireCanAct(HouseholdMember member) {
        if (!member.role.canAct()) {
            throw new MemberMayNotActException();
        }
    }

    private void record(HouseholdMember actor, String action, String target) {
        audit.append(new AuditRecord(actor.subject, "subscriber", actor.householdId, action, target, null, "done"));
    }
}
