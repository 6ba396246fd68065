package io.homeshield.infra.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON is read as written: a number is not a string, "true" is not a boolean, 1 is not a boolean,
 * null is not 0, and nothing may follow the value. Request bodies marked {@link ClosedShape} refuse
 * properties they do not document. Every refusal surfaces as a Jackson exception that the problem
 * mappers turn into problem+json naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // a date, a UUID, an enum constant or bytes are written as text in JSON: reading them is not coercion
        for (LogicalType textual : new LogicalType[] { LogicalType.DateTime, LogicalType.OtherScalar, LogicalType.Enum,
                LogicalType.Binary }) {
            mapper.coercionConfigFor(textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        }
        // an integral number is a valid floating-point one
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.addHandler(new ClosedShapes());
    }

    @Override
    public int priority() {
        // after the defaults, so nothing turns these back on
        return MINIMUM_PRIORITY;
    }

    /** Refuses a property a {@link ClosedShape} body does not have; others are skipped as before. */
    static final class ClosedShapes extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (type.isAnnotationPresent(ClosedShape.class)) {
                throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                        deserializer == null ? null : deserializer.getKnownPropertyNames());
            }
            return false;
        }
    }
}
