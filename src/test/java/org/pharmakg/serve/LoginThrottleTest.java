package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Wrong update passwords: each is logged with the client's address, and the pause per address grows. */
class LoginThrottleTest {
    @Test
    void failuresAreLoggedAndThePauseGrows() {
        AtomicLong now = new AtomicLong(1_000_000);
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId z) { return this; }
            @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
        };
        Logger log = (Logger) LoggerFactory.getLogger(LoginThrottle.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            LoginThrottle t = new LoginThrottle(clock);
            for (int i = 0; i < LoginThrottle.FREE - 1; i++) t.failure("203.0.113.7");
            assertEquals(0, t.blockedSeconds("203.0.113.7"));
            t.failure("203.0.113.7");
            long first = t.blockedSeconds("203.0.113.7");
            assertTrue(first >= 1, "paused after " + LoginThrottle.FREE + " failures");
            now.addAndGet(first * 1000 + 1);
            assertEquals(0, t.blockedSeconds("203.0.113.7"));
            t.failure("203.0.113.7");
            assertTrue(t.blockedSeconds("203.0.113.7") > first, "the next pause is longer");
            assertEquals(0, t.blockedSeconds("198.51.100.1"), "other addresses are not paused");
            t.success("203.0.113.7");
            assertEquals(0, t.blockedSeconds("203.0.113.7"));
            assertEquals(LoginThrottle.FREE + 1, seen.list.size());
            assertTrue(seen.list.stream().allMatch(e -> e.getFormattedMessage().contains("203.0.113.7")
                    && e.getLevel() == ch.qos.logback.classic.Level.WARN), seen.list.toString());
        } finally {
            log.detachAppender(seen);
        }
    }
}
