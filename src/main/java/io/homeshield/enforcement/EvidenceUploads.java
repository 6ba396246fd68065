package io.homeshield.enforcement;

import java.util.UUID;

/**
 * Where a router uploads the files it hands over as evidence (a vendor log file, a configuration
 * file): each upload gets a URL of its own, valid for that one file of that one collection and only
 * for a while. Adapters open a slot, tell the router the URL, and wait for the file.
 */
public interface EvidenceUploads {

    /** A URL the router can upload one file to; nobody else can use it, and it expires. */
    UploadSlot open(RouterTarget router, String fileName);

    /** Waits a while (a setting) for the router's upload into the slot; the slot is closed afterwards. */
    UploadOutcome await(UploadSlot slot);

    /** Closes a slot the router will not use (it refused the upload): its URL stops working at once. */
    void close(UploadSlot slot);

    record UploadSlot(UUID id, String url, String fileName) {
    }

    /** What came of a slot: the file, a refusal HomeShield answered (in plain words), or nothing in time. */
    record UploadOutcome(byte[] content, String refusal) {

        public static UploadOutcome received(byte[] content) {
            return new UploadOutcome(content, null);
        }

        public static UploadOutcome refused(String why) {
            return new UploadOutcome(null, why);
        }

        public static UploadOutcome nothing() {
            return new UploadOutcome(null, null);
        }

        public boolean arrived() {
            return content != null;
        }
    }
}
