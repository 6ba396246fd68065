package io.homeshield.simulator;

import io.homeshield.net.DomainName;

/** A place on the internet a device talks to: the name it looks up, the address that answers, and how. */
record Destination(DomainName name, String ip, String protocol, int port, Volume volume) {

    static Destination tcp(String name, String ip, int port, Volume volume) {
        return new Destination(DomainName.of(name), ip, "tcp", port, volume);
    }

    static Destination udp(String name, String ip, int port, Volume volume) {
        return new Destination(DomainName.of(name), ip, "udp", port, volume);
    }

    /** How much one connection carries each way, in bytes, and how long it lasts, in milliseconds. */
    enum Volume {
        /** An NTP exchange: one 76-byte datagram each way. */
        TIME(76, 76, 76, 76, 8, 60),
        /** A heartbeat or push channel: a few hundred bytes. */
        BEACON(180, 900, 120, 700, 50, 1_500),
        /** An API call or a check for updates. */
        API(900, 6_000, 2_000, 40_000, 80, 1_200),
        /** Browsing, mail, a feed refresh. */
        WEB(2_000, 18_000, 20_000, 600_000, 200, 4_000),
        /** Music or a video call. */
        AUDIO(20_000, 120_000, 300_000, 1_500_000, 4_000, 5_000),
        /** A video stream's share of one interval. */
        VIDEO(60_000, 250_000, 4_000_000, 24_000_000, 4_500, 5_000),
        /** A software or game update. */
        DOWNLOAD(100_000, 800_000, 8_000_000, 60_000_000, 3_000, 5_000),
        /** A backup or a camera clip going up. */
        UPLOAD(3_000_000, 30_000_000, 80_000, 900_000, 3_000, 5_000);

        final long minOut;
        final long maxOut;
        final long minIn;
        final long maxIn;
        final long minMillis;
        final long maxMillis;

        Volume(long minOut, long maxOut, long minIn, long maxIn, long minMillis, long maxMillis) {
            this.minOut = minOut;
            this.maxOut = maxOut;
            this.minIn = minIn;
            this.maxIn = maxIn;
            this.minMillis = minMillis;
            this.maxMillis = maxMillis;
        }
    }
}
