package io.homeshield.portal;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.enterprise.context.RequestScoped;

import io.homeshield.household.CurrentHousehold;
import io.vertx.core.Context;

/** The time zone this request's pages show times in: the one the signed-in member's browser reported, else UTC. */
@RequestScoped
class PageTimeZone {

    static final ZoneId UTC = ZoneId.of("UTC");

    private final CurrentHousehold current;
    private ZoneId zone;

    PageTimeZone(CurrentHousehold current) {
        this.current = current;
    }

    ZoneId zone() {
        if (zone == null) {
            // error pages refused before a worker thread render on the event loop, where the database must not be read
            zone = Context.isOnEventLoopThread() ? UTC : current.membership().map(m -> parse(m.timeZone)).orElse(UTC);
        }
        return zone;
    }

    /** A zone name as browsers report it ("Europe/Berlin"); UTC for anything unknown. */
    static ZoneId parse(String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            return UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }
}
