package io.homeshield.routers.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LoginCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final LoginCipher cipher = LoginCipher.of(KEY);
    private final UUID router = UUID.randomUUID();

    @Test
    void aSealedPasswordOpensOnlyForItsRouterWithTheSameKey() {
        String sealed = cipher.seal(router, "s3cret-password");

        assertFalse(sealed.contains("s3cret-password"));
        assertEquals("s3cret-password", cipher.open(router, sealed));
        assertThrows(IllegalArgumentException.class, () -> cipher.open(UUID.randomUUID(), sealed));
        assertThrows(IllegalArgumentException.class, () -> LoginCipher.of(OTHER_KEY).open(router, sealed));
    }

    @Test
    void eachSealingUsesAFreshNonceAndATamperedValueDoesNotOpen() {
        String once = cipher.seal(router, "same");
        String twice = cipher.seal(router, "same");
        assertNotEquals(once, twice);

        int middle = once.length() / 2;
        String tampered = once.substring(0, middle) + (once.charAt(middle) == 'A' ? 'B' : 'A')
                + once.substring(middle + 1);
        assertThrows(IllegalArgumentException.class, () -> cipher.open(router, tampered));
        assertThrows(IllegalArgumentException.class, () -> cipher.open(router, "plain-password"));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoginCipher.of("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> LoginCipher.of("not base64!"));
    }
}
