package org.pharmakg.serve;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs off password guessing per client address: every wrong update password is logged (one WARN line with the
 * address); after {@value #FREE} wrong passwords in a row, the address is refused (429) for 2 s, then 4, 8, ... up to
 * 15 minutes after each further wrong password. A right password clears the count.
 *
 * <pre>
 * if (throttle.blockedSeconds(addr) &gt; 0) ... 429 ...
 * throttle.failure(addr);   // after a 401
 * </pre>
 */
final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** Wrong passwords allowed before the first pause. */
    static final int FREE = 5;
    private static final long MAX_PAUSE_SECONDS = 15 * 60;
    private static final int CLIENTS = 10_000;

    private final Clock clock;
    /** Per address: wrong passwords in a row and the time (ms) until which it is refused; oldest dropped first. */
    private final Map<String, long[]> clients = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, long[]> e) { return size() > CLIENTS; }
    };

    LoginThrottle(Clock clock) { this.clock = clock; }

    /** Seconds this address must still wait, 0 if it may try. */
    synchronized long blockedSeconds(String client) {
        long[] c = clients.get(client);
        if (c == null) return 0;
        long ms = c[1] - clock.millis();
        return ms <= 0 ? 0 : (ms + 999) / 1000;
    }

    synchronized void failure(String client) {
        long[] c = clients.computeIfAbsent(client, k -> new long[2]);
        c[0]++;
        long pause = 0;
        if (c[0] >= FREE) {
            pause = Math.min(MAX_PAUSE_SECONDS, 1L << Math.min(20, c[0] - FREE + 1));
            c[1] = clock.millis() + pause * 1000;
        }
        LOG.warn("wrong update password from {} ({} in a row){}", client, c[0],
                pause > 0 ? "; refusing this address for " + pause + " s" : "");
    }

    synchronized void success(String client) { clients.remove(client); }
}
