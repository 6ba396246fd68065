package io.homeshield.api.v1;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;

/** A person who belongs to the household. */
@Schema(name = "Member")
public record MemberDto(
        UUID id,
        @Schema(examples = "Alice Meyer") String displayName,
        @Schema(description = "OWNER holds the contract; OWNER and CO_ADMIN change things; MEMBER looks")
        MemberRole role,
        Instant joinedAt,
        @Schema(description = "Whether this is the person asking") boolean you) {

    static MemberDto of(HouseholdMember member, String subject) {
        return new MemberDto(member.id, member.displayName, member.role, member.createdAt,
                member.subject.equals(subject));
    }
}
