package io.homeshield.alert;

import java.util.List;

/**
 * The kinds of alert, each with the evidence it must carry, its dedup key and the plain words a
 * subscriber reads. Evidence keys are those of the alert's JSON evidence object.
 */
public enum AlertType {

    KNOWN_BAD_DESTINATION(Severity.HIGH,
            "Contact with a known malicious host",
            "This device contacted {indicator}, which the provider's threat intelligence lists as a malware"
                    + " or botnet host. Devices usually do this when they are infected: the malware fetches"
                    + " instructions or more malware from such hosts.",
            "Quarantine the device, then reset it to factory settings and update its firmware before letting it back"
                    + " on the network. Change the passwords it used.",
            List.of("indicator", "indicatorKind", "feed", "observed"));

    private final Severity severity;
    private final String title;
    private final String explanation;
    private final String advice;
    private final List<String> requiredEvidence;

    AlertType(Severity severity, String title, String explanation, String advice, List<String> requiredEvidence) {
        this.severity = severity;
        this.title = title;
        this.explanation = explanation;
        this.advice = advice;
        this.requiredEvidence = requiredEvidence;
    }

    public Severity severity() {
        return severity;
    }

    /** A short headline: "Contact with a known malicious host". */
    public String title() {
        return title;
    }

    /** Why it matters, in words a subscriber understands; {@code {indicator}} is replaced by the alert's indicator. */
    public String explain(String indicator) {
        return explanation.replace("{indicator}", indicator);
    }

    /** What to do about it. */
    public String advice() {
        return advice;
    }

    /** Keys the evidence object must carry. */
    public List<String> requiredEvidence() {
        return requiredEvidence;
    }
}
