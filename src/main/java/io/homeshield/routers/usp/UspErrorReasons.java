package io.homeshield.routers.usp;

import java.util.Map;
import java.util.Set;

/**
 * USP error codes (TR-369, "Error Codes") in words a subscriber understands, and whether trying
 * again later may help. Codes without an entry of their own fall back to a general sentence.
 */
final class UspErrorReasons {

    static final int MESSAGE_FAILED = 7000;
    static final int MESSAGE_NOT_SUPPORTED = 7001;
    static final int REQUEST_DENIED = 7002;
    static final int INTERNAL_ERROR = 7003;
    static final int INVALID_ARGUMENTS = 7004;
    static final int RESOURCES_EXCEEDED = 7005;
    static final int PERMISSION_DENIED = 7006;
    static final int INVALID_CONFIGURATION = 7007;
    static final int INVALID_PATH_SYNTAX = 7008;
    static final int PARAMETER_ACTION_FAILED = 7009;
    static final int UNSUPPORTED_PARAMETER = 7010;
    static final int INVALID_TYPE = 7011;
    static final int INVALID_VALUE = 7012;
    static final int PARAMETER_READ_ONLY = 7013;
    static final int VALUE_CONFLICT = 7014;
    static final int CRUD_FAILURE = 7015;
    static final int OBJECT_DOES_NOT_EXIST = 7016;
    static final int OBJECT_NOT_CREATED = 7017;
    static final int NOT_A_TABLE = 7018;
    static final int OBJECT_NOT_CREATABLE = 7019;
    static final int OBJECT_NOT_UPDATED = 7020;
    static final int REQUIRED_PARAMETER_FAILED = 7021;
    static final int COMMAND_FAILURE = 7022;
    static final int COMMAND_CANCELED = 7023;
    static final int OBJECT_NOT_DELETABLE = 7024;
    static final int UNIQUE_KEY_CONFLICT = 7025;
    static final int INVALID_PATH = 7026;
    static final int INVALID_COMMAND_ARGUMENTS = 7027;
    static final int INVALID_COMMAND = 7028;

    private static final String NOT_SUPPORTED = "This router model does not support it.";
    private static final String VALUES_REJECTED = "The router rejected the settings it was sent.";
    private static final String NOT_SAVED = "The router could not save the change.";

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(MESSAGE_FAILED, "The router could not carry out the request."),
            Map.entry(MESSAGE_NOT_SUPPORTED, NOT_SUPPORTED),
            Map.entry(REQUEST_DENIED, "The router refused the request."),
            Map.entry(INTERNAL_ERROR, "The router reported an internal error."),
            Map.entry(INVALID_ARGUMENTS, VALUES_REJECTED),
            Map.entry(RESOURCES_EXCEEDED, "The router has no room for another entry; its list of blocked devices may be full."),
            Map.entry(PERMISSION_DENIED, "The router does not allow HomeShield to change this setting."),
            Map.entry(INVALID_CONFIGURATION, "The router refused the change because it would leave its settings in an invalid state."),
            Map.entry(INVALID_PATH_SYNTAX, VALUES_REJECTED),
            Map.entry(PARAMETER_ACTION_FAILED, NOT_SAVED),
            Map.entry(UNSUPPORTED_PARAMETER, NOT_SUPPORTED),
            Map.entry(INVALID_TYPE, VALUES_REJECTED),
            Map.entry(INVALID_VALUE, VALUES_REJECTED),
            Map.entry(PARAMETER_READ_ONLY, "This router model does not allow changing this setting."),
            Map.entry(VALUE_CONFLICT, "The change conflicts with the router's current settings."),
            Map.entry(CRUD_FAILURE, NOT_SAVED),
            Map.entry(OBJECT_DOES_NOT_EXIST, "The router no longer has the entry HomeShield wanted to change."),
            Map.entry(OBJECT_NOT_CREATED, NOT_SAVED),
            Map.entry(NOT_A_TABLE, NOT_SUPPORTED),
            Map.entry(OBJECT_NOT_CREATABLE, NOT_SUPPORTED),
            Map.entry(OBJECT_NOT_UPDATED, NOT_SAVED),
            Map.entry(REQUIRED_PARAMETER_FAILED, VALUES_REJECTED),
            Map.entry(OBJECT_NOT_DELETABLE, "The router would not remove the entry."),
            Map.entry(UNIQUE_KEY_CONFLICT, "The router already has an entry for this device."),
            Map.entry(INVALID_PATH, NOT_SUPPORTED),
            Map.entry(COMMAND_FAILURE, "The router could not carry out the command (restart, reset or firmware "
                    + "installation)."),
            Map.entry(COMMAND_CANCELED, "The router cancelled the command before it was done."),
            Map.entry(INVALID_COMMAND_ARGUMENTS, "The router rejected the command's details, such as the firmware "
                    + "image's address."),
            Map.entry(INVALID_COMMAND, NOT_SUPPORTED));

    /** Transient conditions: the router or its state may be different on the next attempt. */
    private static final Set<Integer> RETRYABLE = Set.of(MESSAGE_FAILED, INTERNAL_ERROR, PARAMETER_ACTION_FAILED,
            CRUD_FAILURE, OBJECT_DOES_NOT_EXIST, OBJECT_NOT_CREATED, OBJECT_NOT_UPDATED, UNIQUE_KEY_CONFLICT,
            COMMAND_FAILURE, COMMAND_CANCELED);

    private UspErrorReasons() {
    }

    static String reasonFor(int code) {
        String reason = REASONS.get(code);
        if (reason != null) {
            return reason;
        }
        if (code >= 7100 && code <= 7199) {
            return "The router could not read HomeShield's request (USP error " + code + ").";
        }
        return "The router refused the request (USP error " + code + ").";
    }

    static boolean isRetryable(int code) {
        return RETRYABLE.contains(code);
    }
}
