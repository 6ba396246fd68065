package io.homeshield.portal;

import java.util.UUID;

import io.homeshield.household.MemberRole;
import io.homeshield.household.NotifyLevel;
import io.homeshield.infra.PlainText;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.DeviceType;

/** Reads the values forms send, refusing anything a form of ours would not send. */
final class FormValues {

    private static final int MAX_COMMENT = 500;

    private FormValues() {
    }

    /** A name a person gives; the length is checked where it is stored. */
    static String label(String value) {
        return PlainText.require("label", value);
    }

    static DeviceType deviceType(String value) {
        return parse(DeviceType.class, value, "type");
    }

    static MemberRole invitableRole(String value) {
        MemberRole role = parse(MemberRole.class, value, "role");
        if (role == MemberRole.OWNER) {
            throw ProblemException.invalid("role", "invite a co-admin or a member");
        }
        return role;
    }

    static NotifyLevel notifyLevel(String value) {
        return parse(NotifyLevel.class, value, "level");
    }

    /** A device chosen in a select; empty means none (every device). */
    static UUID optionalDevice(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return device(value);
    }

    static UUID device(String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("device", "choose a device from the list");
        }
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "not an identifier this site issued");
        }
    }

    static String comment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String comment = PlainText.require("comment", value).strip();
        return comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT) : comment;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "choose one of the offered values");
        }
    }
}
