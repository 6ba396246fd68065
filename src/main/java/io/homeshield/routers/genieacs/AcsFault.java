package io.homeshield.routers.genieacs;

import io.homeshield.enforcement.RouterControlException;

/**
 * A fault GenieACS recorded for a task: {@code code} is {@code cwmp.<CWMP fault code>} when the router
 * refused, or the ACS's own code ({@code timeout}, {@code session_terminated}, ...) when the session failed.
 */
record AcsFault(String id, String code, String message) {

    /** The fault as the subscriber reads it: what happened in plain words, then the router's own code and text. */
    RouterControlException toException() {
        String cwmp = code.startsWith("cwmp.") ? code.substring(5) : null;
        String what;
        boolean retryable = false;
        if (cwmp == null) {
            what = "The router's management session broke off before the change was made";
            retryable = true;
        } else {
            switch (cwmp) {
                case "9001" -> what = "The router refused the change";
                case "9002" -> {
                    what = "The router hit an internal error";
                    retryable = true;
                }
                case "9003" -> what = "The router rejected the request as invalid";
                case "9004" -> what = "The router has no room left for the change";
                case "9005" -> what = "This router model does not have the setting HomeShield needs";
                case "9006", "9007" -> what = "The router rejected the value HomeShield sent";
                case "9008" -> what = "The router does not allow that setting to be changed";
                default -> what = "The router refused the change";
            }
        }
        String detail = message == null || message.isBlank() ? code : code + ": " + message;
        return new RouterControlException(what + " (fault " + detail + ").", retryable);
    }
}
