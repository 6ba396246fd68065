package io.homeshield.intel;

/** Listed single IPv4 addresses: an open addressing table of 32-bit numbers, no objects per entry. */
final class AddressTable {

    private static final short EMPTY = 0;

    private int[] addresses;
    /** Feed index plus one; 0 marks an empty slot, so address 0.0.0.0 needs no special case. */
    private short[] feeds;
    private int size;
    private int mask;

    AddressTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        addresses = new int[capacity];
        feeds = new short[capacity];
        mask = capacity - 1;
    }

    void add(int address, short feed) {
        if (size * 2 >= addresses.length) {
            grow();
        }
        for (int slot = spread(address) & mask;; slot = (slot + 1) & mask) {
            if (feeds[slot] == EMPTY) {
                addresses[slot] = address;
                feeds[slot] = (short) (feed + 1);
                size++;
                return;
            }
            if (addresses[slot] == address) {
                return;
            }
        }
    }

    /** The index of the feed listing {@code address}, or -1. */
    int feedOf(int address) {
        for (int slot = spread(address) & mask;; slot = (slot + 1) & mask) {
            if (feeds[slot] == EMPTY) {
                return -1;
            }
            if (addresses[slot] == address) {
                return feeds[slot] - 1;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] oldAddresses = addresses;
        short[] oldFeeds = feeds;
        addresses = new int[oldAddresses.length * 2];
        feeds = new short[addresses.length];
        mask = addresses.length - 1;
        size = 0;
        for (int slot = 0; slot < oldAddresses.length; slot++) {
            if (oldFeeds[slot] != EMPTY) {
                add(oldAddresses[slot], (short) (oldFeeds[slot] - 1));
            }
        }
    }

    private static int spread(int address) {
        int h = address * 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
