package io.homeshield.api.v1;

import io.homeshield.infra.http.EntityTags;

/**
 * Entity tags of the API's editable resources, taken over what an edit can change (a device's name
 * and type, the settings), so that a device being seen on the network does not invalidate an edit in
 * progress. An edit must send {@code If-Match}: without it the answer is 428, with another tag 412,
 * and nothing changes.
 */
final class ETags {

    static final String IF_MATCH = EntityTags.IF_MATCH;

    private ETags() {
    }

    static String of(Object... editableState) {
        return EntityTags.of(editableState);
    }

    static void require(String ifMatch, String current) {
        EntityTags.require(ifMatch, current);
    }
}
