package io.homeshield.telemetry.flowexport;

/** One field of a template: an information element, its enterprise (0 for IANA) and its encoded length. */
record TemplateField(int element, long enterprise, int length) {

    /** IPFIX's length for a field whose length is written before each value (RFC 7011, 7). */
    static final int VARIABLE = 0xFFFF;

    boolean isVariable() {
        return length == VARIABLE;
    }

    boolean isIana() {
        return enterprise == 0;
    }
}
