package io.homeshield.admin;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A feed's source or a server's URL as staff pages show it: without user information, query or
 * fragment (where passwords and download keys sit); a file or classpath resource as it is.
 */
final class ShownSource {

    private ShownSource() {
    }

    static String of(String source) {
        if (source == null || !source.contains("://")) {
            return source == null ? "" : source;
        }
        try {
            URI uri = new URI(source);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return source.substring(0, source.indexOf("://") + 3) + "…";
        }
    }
}
