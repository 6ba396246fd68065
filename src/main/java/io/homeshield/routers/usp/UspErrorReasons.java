package io.homeshield.routers.usp;

import java.util.Map;
import java.util.Set;

/**
 * USP error codes (TR-369, "Error Codes") in words a subscriber understands, and whether trying
 * again later may help. Codes without an entry of their own fall back to a general sentence. Each
 * constant carries the standard's name for its code.
 */
final class UspErrorReasons {

    /** Message failed. */
    static final int MESSAGE_FAILED = 7000;
    /** Message not supported. */
    static final int MESSAGE_NOT_SUPPORTED = 7001;
    /** Request denied. */
    static final int REQUEST_DENIED = 7002;
    /** Internal error. */
    static final int INTERNAL_ERROR = 7003;
    /** Invalid arguments (an Add or Set with allow_partial false in which a parameter failed). */
    static final int INVALID_ARGUMENTS = 7004;
    /** Resources exceeded. */
    static final int RESOURCES_EXCEEDED = 7005;
    /** Permission denied. */
    static final int PERMISSION_DENIED = 7006;
    /** Invalid configuration. */
    static final int INVALID_CONFIGURATION = 7007;
    /** Invalid path syntax. */
    static final int INVALID_PATH_SYNTAX = 7008;
    /** Parameter action failed. */
    static final int PARAMETER_ACTION_FAILED = 7009;
    /** Unsupported parameter. */
    static final int UNSUPPORTED_PARAMETER = 7010;
    /** Invalid type. */
    static final int INVALID_TYPE = 7011;
    /** Invalid value. */
    static final int INVALID_VALUE = 7012;
    /** Attempt to update non-writeable parameter. */
    static final int PARAMETER_READ_ONLY = 7013;
    /** Value conflict. */
    static final int VALUE_CONFLICT = 7014;
    /** Operation error. */
    static final int OPERATION_ERROR = 7015;
    /** Object does not exist. */
    static final int OBJECT_DOES_NOT_EXIST = 7016;
    /** Object could not be created. */
    static final int OBJECT_NOT_CREATED = 7017;
    /** Object is not a table. */
    static final int NOT_A_TABLE = 7018;
    /** Attempt to create non-creatable object. */
    static final int OBJECT_NOT_CREATABLE = 7019;
    /** Object could not be updated. */
    static final int OBJECT_NOT_UPDATED = 7020;
    /** Required parameter failed. */
    static final int REQUIRED_PARAMETER_FAILED = 7021;
    /** Command failure. */
    static final int COMMAND_FAILURE = 7022;
    /** Command canceled. */
    static final int COMMAND_CANCELED = 7023;
    /** Delete failure. */
    static final int DELETE_FAILURE = 7024;
    /** Object exists with duplicate key. */
    static final int UNIQUE_KEY_CONFLICT = 7025;
    /** Invalid path (not in the agent's supported data model; also an unknown command). */
    static final int INVALID_PATH = 7026;
    /** Invalid command arguments. */
    static final int INVALID_COMMAND_ARGUMENTS = 7027;
    /** Register failure. */
    static final int REGISTER_FAILURE = 7028;
    /** Deregister failure. */
    static final int DEREGISTER_FAILURE = 7029;
    /** Path already registered. */
    static final int PATH_ALREADY_REGISTERED = 7030;

    private static final String NOT_SUPPORTED = "This router model does not support it.";
    private static final String VALUES_REJECTED = "The router rejected the settings it was sent.";
    private static final String NOT_SAVED = "The router could not save the change.";

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(MESSAGE_FAILED, "The router could not carry out the request."),
            Map.entry(MESSAGE_NOT_SUPPORTED, NOT_SUPPORTED),
            Map.entry(REQUEST_DENIED, "The router refused the request."),
            Map.entry(INTERNAL_ERROR, "The router reported an internal error."),
            Map.entry(INVALID_ARGUMENTS, VALUES_REJECTED),
            Map.entry(RESOURCES_EXCEEDED, "The router has no room for another entry; its list of blocked devices may "
                    + "be full."),
            Map.entry(PERMISSION_DENIED, "The router does not allow HomeShield to change this setting."),
            Map.entry(INVALID_CONFIGURATION,
                    "The router refused the change because it would leave its settings in an invalid state."),
            Map.entry(INVALID_PATH_SYNTAX, VALUES_REJECTED),
            Map.entry(PARAMETER_ACTION_FAILED, NOT_SAVED),
            Map.entry(UNSUPPORTED_PARAMETER, NOT_SUPPORTED),
            Map.entry(INVALID_TYPE, VALUES_REJECTED),
            Map.entry(INVALID_VALUE, VALUES_REJECTED),
            Map.entry(PARAMETER_READ_ONLY, "This router model does not allow changing this setting."),
            Map.entry(VALUE_CONFLICT, "The change conflicts with the router's current settings."),
            Map.entry(OPERATION_ERROR, NOT_SAVED),
            Map.entry(OBJECT_DOES_NOT_EXIST, "The router no longer has the entry HomeShield wanted to change."),
            Map.entry(OBJECT_NOT_CREATED, NOT_SAVED),
            Map.entry(NOT_A_TABLE, NOT_SUPPORTED),
            Map.entry(OBJECT_NOT_CREATABLE, NOT_SUPPORTED),
            Map.entry(OBJECT_NOT_UPDATED, NOT_SAVED),
            Map.entry(REQUIRED_PARAMETER_FAILED, VALUES_REJECTED),
            Map.entry(DELETE_FAILURE, "The router would not remove the entry."),
            Map.entry(UNIQUE_KEY_CONFLICT, "The router already has an entry for this device."),
            Map.entry(INVALID_PATH, NOT_SUPPORTED),
            Map.entry(COMMAND_FAILURE, "The router could not carry out the command (restart, reset or firmware "
                    + "installation)."),
            Map.entry(COMMAND_CANCELED, "The router cancelled the command before it was done."),
            Map.entry(INVALID_COMMAND_ARGUMENTS, "The router rejected the command's details, such as the firmware "
                    + "image's address."),
            Map.entry(REGISTER_FAILURE, "The router refused to register the data model paths it was asked to serve."),
            Map.entry(DEREGISTER_FAILURE, "The router could not stop serving the data model paths it was asked to "
                    + "drop."),
            Map.entry(PATH_ALREADY_REGISTERED, "Another service on the router already serves these data model paths."));

    /** Transient conditions: the router or its state may be different on the next attempt. */
    private static final Set<Integer> RETRYABLE = Set.of(MESSAGE_FAILED, INTERNAL_ERROR, PARAMETER_ACTION_FAILED,
            OPERATION_ERROR, OBJECT_DOES_NOT_EXIST, OBJECT_NOT_CREATED, OBJECT_NOT_UPDATED, UNIQUE_KEY_CONFLICT,
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
