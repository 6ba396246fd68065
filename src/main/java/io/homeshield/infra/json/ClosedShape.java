package io.homeshield.infra.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body whose shape the API documents completely: a property it does not name is refused
 * (400 naming the property) instead of being ignored. Bodies from routers and peers stay open, so
 * that a newer sender is not turned away.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClosedShape {
}
