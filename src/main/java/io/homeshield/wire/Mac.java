package io.homeshield.wire;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.homeshield.net.MacAddress;

/** A MAC address as {@link MacAddress} accepts it; null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = Mac.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Mac {

    String message() default "not a MAC address (expected six hex octets like AA:BB:CC:00:11:22)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Mac, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || MacAddress.isValid(value);
        }
    }
}
