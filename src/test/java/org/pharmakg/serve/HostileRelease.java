package org.pharmakg.serve;

import org.pharmakg.store.KgStore;

/**
 * A release whose names hold markup, for the explorer's XSS tests: the companies {@link #EVIL} and {@link #IMG}, the
 * compound "evilmab &lt;svg onload=alert(1)&gt;", a partnership, a deal and a phase, from
 * {@code src/test/resources/serve/hostile.trig}. Every page must show these names as text.
 *
 * <pre>HostileRelease.load(store);</pre>
 */
final class HostileRelease {
    static final String EVIL = "Evil <script>alert(1)</script> Pharma";
    static final String IMG = "<img src=x onerror=alert(1)> Bio";
    static final String EVIL_IRI = "https://w3id.org/pharmakg/id/company/evil-script-pharma";
    static final String COMPOUND_IRI = "https://w3id.org/pharmakg/id/compound/evilmab";
    static final String TARGET_IRI = "https://w3id.org/pharmakg/id/target/evl1";
    static final String DOCUMENT_IRI = "https://w3id.org/pharmakg/id/document/hostile-1";

    private HostileRelease() {}

    static void load(KgStore store) { org.pharmakg.DealFixture.load(store, "serve/hostile.trig"); }
}
