package io.homeshield.admin;

import java.util.List;

/**
 * A form that changes the provider's own feed (add, promote, expire), as first shown or as sent
 * back with the field that was wrong; the page words the problem in the reader's language.
 *
 * @param errorField indicator, validFor, reason or alert; null when nothing is wrong
 */
public record IndicatorForm(String indicator, IndicatorValidity validFor, String reason, String errorField) {

    static final IndicatorForm EMPTY = new IndicatorForm("", IndicatorValidity.MONTH, "", null);

    public List<IndicatorValidity> validities() {
        return List.of(IndicatorValidity.values());
    }

    public boolean chosen(IndicatorValidity option) {
        return option == (validFor == null ? IndicatorValidity.MONTH : validFor);
    }

    public boolean wrong(String field) {
        return field.equals(errorField);
    }

    IndicatorForm refused(String field) {
        return new IndicatorForm(indicator, validFor, reason, field);
    }
}
