package io.homeshield.detection;

/**
 * Tells labels a machine made up ({@code xkqjwhzvpt}, {@code a9f3c7e21b}) from names people chose
 * ({@code weatherkit}, {@code smartscreen-prod}). A character-bigram model learnt from the words
 * of the Public Suffix List (thousands of brand, place and company names) scores how name-like a
 * label reads; long consonant runs and letter-digit alternation catch what the model misses.
 * Labels shorter than {@value #MIN_LENGTH} characters are never judged: too little to tell.
 */
final class LabelRandomness {

    static final int MIN_LENGTH = 8;
    /** Mean log-probability per bigram below which a label reads as random; tuned on the detection report. */
    static final double MAX_MEAN_LOG_PROBABILITY = -3.7;
    static final int MIN_CONSONANT_RUN = 6;
    static final int MIN_DIGIT_LETTER_SWITCHES = 3;

    private static final int BOUNDARY = 0;
    private static final int DIGIT = 27;
    private static final int CLASSES = 28;

    private final float[] logProbability = new float[CLASSES * CLASSES];

    private LabelRandomness(String corpus) {
        long[] counts = new long[CLASSES * CLASSES];
        int n = corpus.length();
        int i = 0;
        while (i < n) {
            while (i < n && classOf(Character.toLowerCase(corpus.charAt(i))) == BOUNDARY) {
                i++;
            }
            int start = i;
            while (i < n && classOf(Character.toLowerCase(corpus.charAt(i))) != BOUNDARY) {
                i++;
            }
            boolean punycode = i - start >= 2 && corpus.regionMatches(true, start, "xn", 0, 2);
            if (i - start >= 3 && !punycode) {
                int previous = BOUNDARY;
                for (int k = start; k < i; k++) {
                    int c = classOf(Character.toLowerCase(corpus.charAt(k)));
                    counts[previous * CLASSES + c]++;
                    previous = c;
                }
                counts[previous * CLASSES + BOUNDARY]++;
            }
        }
        for (int from = 0; from < CLASSES; from++) {
            long total = 0;
            for (int to = 0; to < CLASSES; to++) {
                total += counts[from * CLASSES + to] + 1;
            }
            for (int to = 0; to < CLASSES; to++) {
                logProbability[from * CLASSES + to] = (float) Math.log((counts[from * CLASSES + to]
                        + 1) / (double) total);
            }
        }
    }

    static LabelRandomness trainedOn(String corpus) {
        return new LabelRandomness(corpus);
    }

    static LabelRandomness bundled() {
        return Holder.BUNDLED_MODEL;
    }

    /** Whether the label {@code name[from, to)} (lower case) reads as machine-made. */
    boolean looksRandom(String name, int from, int to) {
        if (to - from < MIN_LENGTH) {
            return false;
        }
        return meanLogProbability(name, from, to) < MAX_MEAN_LOG_PROBABILITY
                || longestConsonantRun(name, from, to) >= MIN_CONSONANT_RUN
                || digitLetterSwitches(name, from, to) >= MIN_DIGIT_LETTER_SWITCHES;
    }

    boolean looksRandom(String label) {
        return looksRandom(label, 0, label.length());
    }

    double meanLogProbability(String name, int from, int to) {
        int previous = BOUNDARY;
        double sum = 0;
        for (int i = from; i < to; i++) {
            int c = classOf(name.charAt(i));
            sum += logProbability[previous * CLASSES + c];
            previous = c;
        }
        sum += logProbability[previous * CLASSES + BOUNDARY];
        return sum / (to - from + 1);
    }

    private static int longestConsonantRun(String name, int from, int to) {
        int run = 0;
        int longest = 0;
        for (int i = from; i < to; i++) {
            char c = name.charAt(i);
            boolean consonant = c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
            run = consonant ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static int digitLetterSwitches(String name, int from, int to) {
        int switches = 0;
        for (int i = from + 1; i < to; i++) {
            int a = classOf(name.charAt(i - 1));
            int b = classOf(name.charAt(i));
            if (a != BOUNDARY && b != BOUNDARY && (a == DIGIT) != (b == DIGIT)) {
                switches++;
            }
        }
        return switches;
    }

    private static int classOf(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 1;
        }
        if (c >= '0' && c <= '9') {
            return DIGIT;
        }
        return BOUNDARY;
    }

    private static final class Holder {
        static final LabelRandomness BUNDLED_MODEL = trainedOn(BundledText.read(PublicSuffixList.BUNDLED));
    }
}
