package io.homeshield.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * Audit entries as CSV (RFC 4180): every field quoted when it holds a comma, quote or line break,
 * quotes doubled. A text field that a spreadsheet would run as a formula (starting with =, +, -,
 * @, a tab or a carriage return) is written with a leading apostrophe, as OWASP advises, because
 * reasons and targets are typed by people.
 */
final class AuditCsv {

    static final String HEADER = "id,occurred_at,actor,actor_role,household_id,account_number,action,target,reason,"
            + "outcome,previous_hash,hash\r\n";

    private AuditCsv() {
    }

    static void row(Writer out, AuditEntry e, String accountNumber) throws IOException {
        out.write(String.valueOf(e.id));
        field(out, e.occurredAt.toString());
        field(out, text(e.actor));
        field(out, text(e.actorRole));
        field(out, e.householdId == null ? "" : e.householdId.toString());
        field(out, text(accountNumber));
        field(out, text(e.action));
        field(out, text(e.target));
        field(out, text(e.reason));
        field(out, text(e.outcome));
        field(out, e.previousHash);
        field(out, e.hash);
        out.write("\r\n");
    }

    static String quote(String value) {
        if (value.isEmpty()) {
            return value;
        }
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Neutralises spreadsheet formulas in text typed by people. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static void field(Writer out, String value) throws IOException {
        out.write(',');
        out.write(quote(value));
    }
}
