package io.homeshield.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The destinations simulated devices talk to: popular services on pools of neighbouring
 * addresses, thousands of ordinary websites, CDN host names that are random by design, and the
 * attackers' servers.
 */
final class Internet {

    /** A service under one name, answered from a pool of addresses in one network. */
    record Service(String name, String network, int port) {
        String address(SplittableRandom random) {
            return network + "." + (2 + random.nextInt(250));
        }
    }

    static final Service GOOGLE = new Service("www.google.com", "142.250.74", 443);
    static final Service GOOGLE_APIS = new Service("www.googleapis.com", "142.250.185", 443);
    static final Service CONNECTIVITY_CHECK = new Service("connectivitycheck.gstatic.com", "142.250.186", 443);
    static final Service GOOGLE_PHOTOS = new Service("photoslibrary.googleapis.com", "142.250.180", 443);
    static final Service GOOGLE_PUSH = new Service("mtalk.google.com", "142.250.102", 5228);
    static final Service GOOGLE_DNS = new Service("dns.google", "8.8.8", 53);
    static final Service APPLE = new Service("gateway.icloud.com", "17.248.145", 443);
    static final Service ICLOUD_PHOTOS = new Service("p53-content.icloud.com", "17.248.157", 443);
    static final Service APPLE_PUSH = new Service("courier.push.apple.com", "17.57.146", 5223);
    static final Service APPLE_TIME = new Service("time.apple.com", "17.253.52", 123);
    static final Service ANDROID_TIME = new Service("time.android.com", "216.239.35", 123);
    static final Service NTP_POOL = new Service("pool.ntp.org", "162.159.200", 123);
    static final Service WINDOWS_UPDATE = new Service("download.windowsupdate.com", "13.107.4", 443);
    static final Service APPLE_UPDATE = new Service("swcdn.apple.com", "17.253.37", 443);
    static final Service GITHUB_SSH = new Service("github.com", "140.82.121", 22);
    static final Service ZOOM = new Service("zoom.us", "170.114.52", 8801);
    static final Service NETFLIX = new Service("www.netflix.com", "54.155.178", 443);
    static final Service YOUTUBE = new Service("www.youtube.com", "142.250.181", 443);
    static final Service SPOTIFY = new Service("spclient.wg.spotify.com", "35.186.224", 443);
    static final Service ALEXA = new Service("avs-alexa-4-eu.amazon.com", "52.94.233", 443);
    static final Service GOOGLE_HOME = new Service("clients4.google.com", "142.250.179", 443);
    static final Service SONOS = new Service("sonos-broker.sonos.com", "54.76.150", 443);
    static final Service PLAYSTATION = new Service("ps4.np.playstation.net", "23.52.91", 443);
    static final Service XBOX = new Service("title.mgt.xboxlive.com", "20.190.159", 443);
    static final Service GAME_SERVERS = new Service("game-servers.example-games.net", "185.50.104", 3074);
    static final Service SAMSUNG_TV = new Service("time.samsungcloudsolution.com", "52.29.18", 443);
    static final Service LG_TV = new Service("snu.lge.com", "18.195.60", 443);
    static final Service HIKVISION = new Service("litedev.hik-connect.com", "52.58.101", 8883);
    static final Service REOLINK = new Service("p2p.reolink.com", "3.120.44", 443);
    static final Service RING = new Service("api.ring.com", "52.22.61", 443);
    static final Service TADO = new Service("my.tado.com", "18.156.88", 443);
    static final Service NETATMO = new Service("app.netatmo.net", "51.145.143", 443);
    static final Service SYNOLOGY_C2 = new Service("c2-storage.synology.com", "154.5.17", 443);
    static final Service BACKBLAZE = new Service("pod-000-1118-16.backblaze.com", "45.11.36", 443);
    static final Service SYNOLOGY_DDNS = new Service("checkip.synology.com", "52.69.137", 443);
    static final Service DUCKDNS = new Service("www.duckdns.org", "99.79.143", 443);
    static final Service PRINTER_CLOUD = new Service("hpeprint.com", "15.73.182", 443);

    /** Advertising and analytics hosts a web page pulls in. */
    static final List<Service> PAGE_EXTRAS = List.of(
            new Service("securepubads.g.doubleclick.net", "142.250.184", 443),
            new Service("pagead2.googlesyndication.com", "142.250.185", 443),
            new Service("www.googletagmanager.com", "142.250.186", 443),
            new Service("static.criteo.net", "178.250.1", 443),
            new Service("cdn.taboola.com", "151.101.1", 443),
            new Service("ib.adnxs.com", "185.33.220", 443),
            new Service("sb.scorecardresearch.com", "18.66.192", 443),
            new Service("fonts.gstatic.com", "142.250.184", 443));

    private static final String[] WORDS = { "garden", "daily", "news", "recipe", "travel", "city", "home", "tech",
            "shop",
            "sport", "music", "photo", "bike", "green", "kitchen", "family", "market", "local", "weather", "health",
            "book", "movie", "school", "auto", "fashion", "game", "pet", "food", "craft", "river" };
    private static final String[] TLDS = { ".com", ".de", ".co.uk", ".org", ".net", ".fr", ".io", ".nl" };
    private static final String[] HOSTING = { "104.16", "104.17", "104.18", "151.101", "185.199", "13.32", "34.117",
            "172.67", "213.133", "5.9", "88.198", "81.169", "217.160", "46.30" };
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final List<String> sites = new ArrayList<>();

    Internet() {
        for (String a : WORDS) {
            for (String b : WORDS) {
                if (!a.equals(b)) {
                    sites.add(a + b + TLDS[Math.floorMod((a + b).hashCode(), TLDS.length)]);
                }
            }
        }
    }

    /** A website: popular ones more often (a Zipf-like choice). */
    String site(SplittableRandom random) {
        int rank = (int) Math.min(sites.size() - 1, Math.floor(Math.pow(sites.size(), random.nextDouble())) - 1);
        return sites.get(rank);
    }

    /** The address a site's name resolves to: hosted in one of a few big networks. */
    static String addressOf(String site) {
        int h = site.hashCode();
        return HOSTING[Math.floorMod(h, HOSTING.length)] + "." + Math.floorMod(h >> 8, 32) + "."
                + (2 + Math.floorMod(h >> 16, 250));
    }

    /** A typing mistake: the site's name with one letter dropped. */
    static String typo(String site, SplittableRandom random) {
        int i = 1 + random.nextInt(Math.max(1, site.indexOf('.') - 1));
        return site.substring(0, i) + site.substring(i + 1);
    }

    static String cloudfrontName(SplittableRandom random) {
        return "d" + chars(random, ALPHANUMERIC, 13) + ".cloudfront.net";
    }

    static String googleVideoName(SplittableRandom random) {
        return "rr" + (1 + random.nextInt(8)) + "---sn-" + chars(random, ALPHANUMERIC, 8) + ".googlevideo.com";
    }

    static String akamaiName(SplittableRandom random) {
        return "e" + (1000 + random.nextInt(90000)) + ".dscx.akamaiedge.net";
    }

    static String netflixVideoName(SplittableRandom random) {
        return "ipv4-c" + (100 + random.nextInt(900)) + "-fra00" + (1 + random.nextInt(9)) + "-ix.1.oca.nflxvideo.net";
    }

    static String chars(SplittableRandom random, String alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(out);
    }

    /** An address somewhere on the internet (not private, not multicast). */
    static String randomPublicAddress(SplittableRandom random) {
        while (true) {
            int a = 1 + random.nextInt(223);
            int b = random.nextInt(256);
            if (a == 10 || a == 127 || a == 0 || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168)
                    || (a == 169 && b == 254) || (a == 100 && b >= 64 && b < 128)) {
                continue;
            }
            return a + "." + b + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        }
    }
}
