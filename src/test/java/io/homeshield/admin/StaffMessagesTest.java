package io.homeshield.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.homeshield.portal.MessageFiles;

/** The staff console's words exist in both languages (that the German ones are German: {@link StaffLanguageTest}). */
class StaffMessagesTest {

    @Test
    void everyMessageHasItsGermanTranslation() {
        assertEquals(MessageFiles.keys("messages/staff.properties"), MessageFiles.keys("messages/staff_de.properties"));
        assertEquals(MessageFiles.keys("messages/rpz.properties"), MessageFiles.keys("messages/rpz_de.properties"));
    }
}
