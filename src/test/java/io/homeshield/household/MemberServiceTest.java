package io.homeshield.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditEntry;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MemberServiceTest {

    @Inject
    MemberService members;

    @Test
    void anInviteeAcceptsAfterSigningInAndGetsTheOfferedRole() {
        TestHousehold home = Fixtures.household("ma-owner");
        HouseholdMember owner = member("ma-owner");
        HouseholdInvitation invitation = members.invite(owner, " MA-Friend@Example.org ", MemberRole.CO_ADMIN);
        assertEquals("ma-friend@example.org", invitation.invitee);

        Invitee friend = new Invitee("ma-friend", "MA-friend@example.org", true, "Friend");
        assertEquals(1, members.pendingFor(friend).size());
        HouseholdMember joined = members.accept(invitation.id, friend, null);

        assertEquals(home.id().value(), joined.householdId);
        assertEquals(MemberRole.CO_ADMIN, member("ma-friend").role);
        assertTrue(members.pendingFor(friend).isEmpty());
        assertEquals(2, audited(home.id(), "member.invite", "member.join"));
    }

    @Test
    void anInvitationForSomeoneElseCannotBeAccepted() {
        Fixtures.household("ma-owner-2");
        HouseholdInvitation invitation = members.invite(member("ma-owner-2"), "ma-invited", MemberRole.MEMBER);

        ProblemException refused = assertThrows(ProblemException.class,
                () -> members.accept(invitation.id, new Invitee("ma-stranger", "ma-stranger@example.org", true,
                        "Stranger"), null));
        assertEquals(404, refused.problem().status());
        assertEquals(null, member("ma-stranger"));
    }

    @Test
    void membersCannotInviteAndNobodyRemovesTheOwner() {
        TestHousehold home = Fixtures.household("ma-owner-3");
        HouseholdMember owner = member("ma-owner-3");
        HouseholdInvitation invitation = members.invite(owner, "ma-plain-member", MemberRole.MEMBER);
        HouseholdMember plain = members.accept(invitation.id, new Invitee("ma-plain-member", null, false, "Plain"),
                null);

        assertThrows(MemberMayNotActException.class, () -> members.invite(plain, "ma-someone", MemberRole.MEMBER));
        assertThrows(MemberMayNotActException.class, () -> members.remove(plain, owner.id));
        assertThrows(ProblemException.class, () -> members.invite(owner, "ma-new-owner", MemberRole.OWNER));
        assertThrows(ProblemException.class, () -> members.invite(owner, "not an address!", MemberRole.MEMBER));
        assertThrows(ProblemException.class, () -> members.invite(owner, "ma-plain-member", MemberRole.MEMBER),
                "someone already in a household");

        HouseholdInvitation coAdminInvite = members.invite(owner, "ma-co-admin", MemberRole.CO_ADMIN);
        HouseholdMember coAdmin = members.accept(coAdminInvite.id, new Invitee("ma-co-admin", null, false, "Co"), null);
        ProblemException ownerStays = assertThrows(ProblemException.class, () -> members.remove(coAdmin, owner.id));
        assertEquals(403, ownerStays.problem().status());

        members.remove(coAdmin, plain.id);
        assertEquals(null, member("ma-plain-member"));
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> HouseholdMember.listOf(home.id()).size()));
    }

    @Test
    void aPendingInvitationCanBeWithdrawn() {
        Fixtures.household("ma-owner-4");
        HouseholdMember owner = member("ma-owner-4");
        HouseholdInvitation invitation = members.invite(owner, "ma-withdrawn", MemberRole.MEMBER);
        members.cancel(owner, invitation.id);
        Invitee invitee = new Invitee("ma-withdrawn", null, false, "W");
        assertTrue(members.pendingFor(invitee).isEmpty());
        assertThrows(ProblemException.class, () -> members.accept(invitation.id, invitee, invitation.linkToken));
    }

    private static HouseholdMember member(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> HouseholdMember.findBySubject(subject));
    }

    private static long audited(HouseholdId household, String... actions) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("householdId = ?1 and action in ?2",
                household.value(), List.of(actions)));
    }
}
