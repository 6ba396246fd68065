package io.homeshield.devmode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every GET route the application declares (JAX-RS {@code @Path} on a class and its {@code @GET}
 * methods), read from the compiled classes, so a page or API read added later is walked too.
 */
record GetRoutes(List<Route> routes) {

    /** A path template such as {@code /portal/devices/{id}}. */
    record Route(String template) {

        boolean hasParameters() {
            return template.contains("{");
        }

        /** {@code /api/v1/devices/{id}/actions} → {@code /api/v1/devices/}, or empty with another parameter after. */
        Optional<String> singleParameter() {
            int open = template.indexOf('{');
            int close = template.indexOf('}');
            if (open < 0 || template.indexOf('{', close) >= 0) {
                return Optional.empty();
            }
            return Optional.of(template.substring(open + 1, close).split(":")[0].strip());
        }

        /** The collection the parameter names a member of: {@code devices} in {@code /api/v1/devices/{id}}. */
        String collection() {
            String before = template.substring(0, template.indexOf('{'));
            String[] segments = before.split("/");
            return segments.length == 0 ? "" : segments[segments.length - 1];
        }

        String fill(String value) {
            return template.replaceFirst("\\{[^}]*}", value);
        }
    }

    static GetRoutes ofApplication() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.homeshield");
        List<Route> routes = new ArrayList<>();
        for (JavaClass type : classes) {
            Optional<String> base = path(type.tryGetAnnotationOfType("jakarta.ws.rs.Path"));
            if (base.isEmpty()) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (!method.isAnnotatedWith("jakarta.ws.rs.GET")) {
                    continue;
                }
                String sub = path(method.tryGetAnnotationOfType("jakarta.ws.rs.Path")).orElse("");
                routes.add(new Route(join(base.get(), sub)));
            }
        }
        return new GetRoutes(List.copyOf(routes));
    }

    private static Optional<String> path(Optional<? extends JavaAnnotation<?>> annotation) {
        return annotation.flatMap(a -> a.get("value")).map(String.class::cast);
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
