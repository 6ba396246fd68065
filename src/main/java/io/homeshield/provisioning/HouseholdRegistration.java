package io.homeshield.provisioning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.infra.json.ClosedShape;

/** A subscriber's household as the provider's customer systems know it. */
@ClosedShape
@Schema(name = "HouseholdRegistration")
public record HouseholdRegistration(
        @Schema(description = "The provider's account number; unique", required = true, examples = "100-204-871")
        String accountNumber,
        @Schema(description = "How the household is named on staff pages", required = true,
                examples = "Jordan Miller") String displayName,
        @Schema(description = "HOME (default) or SME") String kind,
        @Schema(description = "The owner's subject at the provider's identity provider (the token's sub);"
                + " when given, that person signs in straight to this household") String ownerSubject,
        @Schema(description = "The owner's name as shown to the household's members") String ownerName) {
}
