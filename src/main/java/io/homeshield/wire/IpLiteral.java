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

import io.homeshield.net.IpAddress;

/** An IPv4 or IPv6 address literal; null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = IpLiteral.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IpLiteral {

    String message() default "not an IP address (expected an IPv4 or IPv6 literal)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IpLiteral, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || IpAddress.isValid(value);
        }
    }
}
