package io.homeshield.detection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Domain generation algorithms of fourteen malware families, written from the published
 * descriptions named on each: the alphabet, label length, word lists and top-level domains they
 * use, not their exact seeds or arithmetic (the detectors must not depend on either). Each
 * generator takes a random source seeded per case and returns one registrable domain.
 */
final class DgaFamilies {

    record Family(String name, Function<Random, String> generator) {
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String CONSONANTS = "bcdfghklmnprstvwxz";
    private static final String VOWELS = "aeiouy";

    /** Short English words, as in the word lists of dictionary DGAs (written for this test). */
    private static final String[] WORDS = { "about", "above", "across", "action", "after", "again", "against", "almost",
            "alone", "along", "already", "among", "animal", "answer", "appear", "around", "autumn", "basket", "became",
            "before", "begin", "behind", "believe", "beside", "better", "between", "bottom", "branch", "bridge",
            "bright", "brother", "brought", "building", "butter", "captain", "careful", "carried", "center", "certain",
            "chance", "change", "charge", "cherry", "circle", "climb", "closer", "cotton", "couple", "course", "cousin",
            "crowd", "dance", "danger", "decide", "degree", "depend", "desert", "develop", "differ", "dinner",
            "direct", "divide", "doctor", "double", "during", "early", "earth", "either", "enemy", "energy", "engine",
            "enough", "except", "expect", "family", "famous", "farmer", "father", "favour", "feather", "figure",
            "finger", "finish", "flower", "follow", "forest", "forward", "friend", "garden", "gather", "gentle",
            "ground", "growth", "happen", "harbor", "heavy", "hollow", "honest", "hunger", "island", "itself",
            "jacket", "jungle", "kitchen", "ladder", "leader", "letter", "listen", "little", "market", "master",
            "matter", "meadow", "member", "middle", "minute", "modern", "moment", "mother", "motion", "narrow",
            "nature", "needle", "number", "object", "office", "orange", "palace", "parent", "people", "pepper",
            "period", "person", "picture", "planet", "pocket", "police", "powder", "public", "rather", "reason",
            "record", "remain", "result", "return", "ribbon", "river", "rubber", "saddle", "sailor", "school",
            "season", "second", "secret", "settle", "shadow", "shoulder", "silent", "silver", "simple", "single",
            "sister", "smooth", "spring", "square", "stream", "street", "strong", "summer", "supply", "surface",
            "system", "thirty", "though", "thread", "timber", "toward", "travel", "trouble", "valley", "village",
            "visitor", "wander", "weather", "window", "winter", "wonder", "yellow" };
    private static final String[] VERBS = { "accept", "allow", "arrive", "borrow", "build", "catch", "choose", "climb",
            "collect", "cover", "deliver", "discover", "enjoy", "explain", "fetch", "gather", "handle", "imagine",
            "invite", "jump", "keep", "launch", "measure", "notice", "offer", "paint", "prepare", "protect", "reach",
            "remember", "repair", "share", "shout", "spend", "support", "taste", "throw", "touch", "visit", "wash" };
    private static final String[] NOUNS = { "account", "airport", "baggage", "balance", "battery", "bicycle", "camera",
            "candle", "chapter", "company", "contract", "country", "desk", "device", "engine", "factory", "finance",
            "group", "history", "holiday", "husband", "insurance", "journey", "language", "library", "machine",
            "message", "morning", "network", "opinion", "payment", "product", "quality", "question", "region",
            "service", "station", "student", "theory", "ticket" };
    /** A few sentences of plain prose, standing in for the public texts Gozi takes its words from. */
    private static final String[] PROSE = ("when in the course of human events it becomes necessary for one people to "
            + "dissolve the political bands which have connected them with another and to assume among the powers of "
            + "the earth the separate and equal station to which the laws of nature entitle them a decent respect to "
            + "the opinions of mankind requires that they should declare the causes which impel them to separation")
            .split(" ");

    private DgaFamilies() {
    }

    static List<Family> all() {
        return List.of(
                // Conficker.C (Porras, Saidi, Yegneswaran, SRI International, "Conficker C Analysis", 2009): 50,000
                // names a day of 4 to 9 random letters under 110 country and generic TLDs; a bot tries 500 of them.
                new Family("Conficker.C", r -> letters(r, 4 + r.nextInt(6))
                        + tld(r, "com", "net", "org", "info", "biz", "ws", "cn", "cc", "de", "eu", "in", "nl")),
                // CryptoLocker (Dell SecureWorks CTU, "CryptoLocker Ransomware", 2013): 1,000 names a day of 12 to 15
                // letters from a date-seeded generator, TLDs .com .net .biz .ru .org .co.uk .info.
                new Family("CryptoLocker", r -> letters(r, 12 + r.nextInt(4))
                        + tld(r, "com", "net", "biz", "ru", "org", "co.uk", "info")),
                // Necurs (Bader, "The DGA of Necurs", 2015): 2,048 names every four days, 7 to 21 letters, 43 TLDs.
                new Family("Necurs", r -> letters(r, 7 + r.nextInt(15))
                        + tld(r, "tj", "in", "jp", "tw", "ac", "cm", "la", "mn", "so", "sh", "sc", "nu", "nf", "mu")),
                // Ramnit (Bader, "The DGA of Ramnit", 2015): a seeded linear congruential generator, labels of 8 to 19
                // letters, all under .com.
                new Family("Ramnit", r -> letters(r, 8 + r.nextInt(12)) + ".com"),
                // Murofet and GameOver Zeus (Stone-Gross et al. / CERT Polska analyses, 2011-2014): labels derived from
                // an MD5 digest of the date and an index, 20 to 28 characters, .com .net .org .biz.
                new Family("Murofet / GameOver Zeus", r -> digestLabel(r, 20 + r.nextInt(9))
                        + tld(r, "com", "net", "org", "biz")),
                // Pykspa (Bader, "The DGA of Pykspa", 2015): 6 to 15 letters, .com .net .org .info .cc.
                new Family("Pykspa", r -> letters(r, 6 + r.nextInt(10)) + tld(r, "com", "net", "org", "info", "cc")),
                // Banjori (Bader, "The DGA of Banjori", 2015): one long base name whose first four letters change
                // from one domain to the next.
                new Family("Banjori", r -> letters(r, 4) + "nessbiophysicalohax.com"),
                // Locky (Forcepoint, "Locky's new DGA", 2016): 5 to 17 letters from a date and seed hash, TLDs such as
                // .ru .info .biz .click .su .work .pl .org .eu .xyz.
                new Family("Locky", r -> letters(r, 5 + r.nextInt(13))
                        + tld(r, "ru", "info", "biz", "click", "su", "work", "pl", "org", "eu", "xyz")),
                // Qakbot (Bader, "The DGA of Qakbot", 2016): 5,000 names a day of 8 to 25 letters, .com .net .org
                // .info .biz.
                new Family("Qakbot", r -> letters(r, 8 + r.nextInt(18)) + tld(r, "com", "net", "org", "info", "biz")),
                // Simda (Bader, "The DGA of Simda", 2015): pronounceable names, consonant and vowel alternating,
                // 6 to 11 letters, .com .net .info .eu .biz and others.
                new Family("Simda (pronounceable)", r -> pronounceable(r, 6 + r.nextInt(6))
                        + tld(r, "com", "net", "info", "eu", "biz", "name", "ru")),
                // Suppobox (Geffner, "End-to-end analysis of a domain generating algorithm malware family", Black Hat
                // USA 2013): two English words from a list of a few hundred joined, .net or .ru, a new set every 512 s.
                new Family("Suppobox (dictionary)", r -> word(r, WORDS) + word(r, WORDS) + tld(r, "net", "ru")),
                // Matsnu (Check Point, "Matsnu botnet DGA", 2014): verbs and nouns joined by hyphens until the name
                // is 24 characters or more, .com.
                new Family("Matsnu (dictionary)", DgaFamilies::matsnu),
                // Gozi / ISFB (Bader, "The DGA of Gozi", 2016): words of a public text (the US Declaration of
                // Independence, the GPL, the Vulgate) concatenated to 12 to 23 characters, .com .ru .org .net.
                new Family("Gozi (wordlist)", DgaFamilies::gozi),
                // Nymaim2 (Bader, "The DGA of Nymaim2", 2018): a word of a first list and one of a second, joined
                // with or without a hyphen, under TLDs such as .com .net .org .info .biz .in.
                new Family("Nymaim2 (dictionary)", r -> word(r, NOUNS) + (r.nextBoolean() ? "-" : "") + word(r, VERBS)
                        + tld(r, "com", "net", "org", "info", "biz", "in")));
    }

    private static String letters(Random r, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
        }
        return out.toString();
    }

    private static String pronounceable(Random r, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            String from = i % 2 == 0 ? CONSONANTS : VOWELS;
            out.append(from.charAt(r.nextInt(from.length())));
        }
        return out.toString();
    }

    private static String digestLabel(Random r, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            StringBuilder out = new StringBuilder(length);
            byte[] digest = md5.digest(Long.toString(r.nextLong()).getBytes(StandardCharsets.US_ASCII));
            while (out.length() < length) {
                for (int i = 0; i < digest.length && out.length() < length; i++) {
                    int v = digest[i] & 0xff;
                    out.append(v % 36 < 26 ? (char) ('a' + v % 36) : (char) ('0' + v % 36 - 26));
                }
                digest = md5.digest(digest);
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String matsnu(Random r) {
        StringBuilder out = new StringBuilder();
        while (out.length() < 24) {
            out.append(out.length() == 0 ? "" : "-").append(r.nextBoolean() ? word(r, VERBS) : word(r, NOUNS));
        }
        return out + ".com";
    }

    private static String gozi(Random r) {
        int target = 12 + r.nextInt(12);
        StringBuilder out = new StringBuilder();
        while (out.length() < target) {
            out.append(word(r, PROSE));
        }
        return out.substring(0, Math.min(out.length(), 23)) + tld(r, "com", "ru", "org", "net");
    }

    private static String word(Random r, String[] list) {
        return list[r.nextInt(list.length)];
    }

    private static String tld(Random r, String... suffixes) {
        return "." + suffixes[r.nextInt(suffixes.length)];
    }
}
