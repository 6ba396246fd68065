package io.homeshield.telemetry;

import java.time.Instant;

/**
 * Reads the one timestamp form routers send, {@code 2026-11-22T10:15:30Z} with an optional
 * fraction of up to nine digits, without a formatter. Text in any other form (an offset, lower
 * case, a leap second, 24:00, surrounding spaces) is not read here: {@link #NOT_READ} tells the
 * caller to leave it to the general ISO 8601 reader, which accepts or names the fault as before.
 */
final class UtcTimestamps {

    static final Instant NOT_READ = null;

    private static final int[] DAYS_IN_MONTH = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    private UtcTimestamps() {
    }

    static Instant read(char[] text, int offset, int length) {
        if (length < 20 || length > 30 || text[offset + length - 1] != 'Z' || text[offset + 4] != '-'
                || text[offset + 7] != '-' || text[offset + 10] != 'T' || text[offset + 13] != ':'
                || text[offset + 16] != ':') {
            return NOT_READ;
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = digits(text, offset + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_READ;
        }
        int nanos = 0;
        int end = offset + length - 1;
        int at = offset + 19;
        if (at < end) {
            int fraction = end - at - 1;
            if (text[at] != '.' || fraction < 1 || fraction > 9) {
                return NOT_READ;
            }
            nanos = digits(text, at + 1, fraction);
            if (nanos < 0) {
                return NOT_READ;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long seconds = daysSinceEpoch(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    static Instant read(String text) {
        return read(text.toCharArray(), 0, text.length());
    }

    /** The decimal value of {@code count} ASCII digits, or -1 if one is not a digit. */
    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days from 1970-01-01 in the proleptic Gregorian calendar (the civil-from-days inverse). */
    private static long daysSinceEpoch(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
