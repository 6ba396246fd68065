package io.homeshield.intel;

import java.time.Instant;

/**
 * One successfully loaded version of a feed: its number (counting from 1 since the application
 * started), how many indicators it listed, when it was loaded, and the SHA-256 of its content.
 */
public record FeedVersion(int number, int indicators, Instant loadedAt, String checksum) {
}
