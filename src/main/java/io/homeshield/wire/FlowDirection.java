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

/**
 * A flow's direction and its remote side agree: an inbound flow names the remote host that opened
 * it ({@code srcIp}) and, for tcp and udp, the port it reached; an outbound flow carries no
 * {@code srcIp} or {@code srcPort} (its remote side is {@code dstIp}). Each violation names its field.
 */
@Documented
@Constraint(validatedBy = FlowDirection.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FlowDirection {

    String message() default "does not match the flow's direction";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FlowDirection, FlowEvent> {
        @Override
        public boolean isValid(FlowEvent flow, ConstraintValidatorContext context) {
            if (flow == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (flow.isInbound()) {
                if (flow.srcIp() == null) {
                    valid = violation(context, "srcIp",
                            "is required for an inbound flow: the remote host that opened it");
                }
                if (flow.dstPort() == null && ("tcp".equals(flow.protocol()) || "udp".equals(flow.protocol()))) {
                    valid = violation(context, "dstPort",
                            "is required for an inbound tcp or udp flow: the port the connection reached");
                }
            } else if (!"outbound".equals(flow.direction()) && flow.direction() != null) {
                return true; // the direction's own pattern names it
            } else {
                if (flow.srcIp() != null) {
                    valid = violation(context, "srcIp", "is only for inbound flows; an outbound flow's remote host is"
                            + " dstIp (set direction to inbound if the remote host opened the connection)");
                }
                if (flow.srcPort() != null) {
                    valid = violation(context, "srcPort",
                            "is only for inbound flows; an outbound flow's remote port is dstPort");
                }
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String reason) {
            context.buildConstraintViolationWithTemplate(reason.replace("{", "\\{")).addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
