package io.homeshield.telemetry.flowexport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Builds NetFlow v9 and IPFIX export messages byte by byte, as an exporter writes them. */
final class ExportMessage {

    private final int version;
    private final long timeSeconds;
    private final long uptimeMillis;
    private final ByteArrayOutputStream sets = new ByteArrayOutputStream();

    private ExportMessage(int version, long timeSeconds, long uptimeMillis) {
        this.version = version;
        this.timeSeconds = timeSeconds;
        this.uptimeMillis = uptimeMillis;
    }

    static ExportMessage ipfix(long exportSeconds) {
        return new ExportMessage(10, exportSeconds, 0);
    }

    static ExportMessage netflowV9(long unixSeconds, long uptimeMillis) {
        return new ExportMessage(9, unixSeconds, uptimeMillis);
    }

    /**
     * A template set: {@code fields} as pairs of element id and length (an id above 0x7FFF carries
     * enterprise 29305).
     */
    ExportMessage template(int id, int... fields) {
        ByteBuffer body = ByteBuffer.allocate(4 + fields.length * 4);
        body.putShort((short) id).putShort((short) (fields.length / 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(java.util.Arrays.copyOf(body.array(), 4));
        for (int i = 0; i < fields.length; i += 2) {
            ByteBuffer field = ByteBuffer.allocate(fields[i] > 0x7FFF ? 8 : 4);
            field.putShort((short) fields[i]).putShort((short) fields[i + 1]);
            if (fields[i] > 0x7FFF) {
                field.putInt(29305);
            }
            out.writeBytes(field.array());
        }
        return set(version == 10 ? 2 : 0, out.toByteArray());
    }

    /** An IPFIX options template with one scope field (meteringProcessId) and the given option fields. */
    ExportMessage optionsTemplate(int id, int... fields) {
        ByteBuffer body = ByteBuffer.allocate(6 + 4 + fields.length * 2);
        body.putShort((short) id).putShort((short) (1 + fields.length / 2)).putShort((short) 1);
        body.putShort((short) 143).putShort((short) 4);
        for (int i = 0; i < fields.length; i += 2) {
            body.putShort((short) fields[i]).putShort((short) fields[i + 1]);
        }
        return set(3, body.array());
    }

    ExportMessage data(int templateId, byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] record : records) {
            out.writeBytes(record);
        }
        return set(templateId, out.toByteArray());
    }

    ExportMessage set(int id, byte[] body) {
        ByteBuffer set = ByteBuffer.allocate(4 + body.length);
        set.putShort((short) id).putShort((short) (4 + body.length)).put(body);
        sets.writeBytes(set.array());
        return this;
    }

    ByteBuffer bytes() {
        byte[] body = sets.toByteArray();
        ByteBuffer out;
        if (version == 10) {
            out = ByteBuffer.allocate(16 + body.length);
            out.putShort((short) 10).putShort((short) (16 + body.length)).putInt((int) timeSeconds).putInt(1).putInt(0);
        } else {
            out = ByteBuffer.allocate(20 + body.length);
            out.putShort((short) 9).putShort((short) 1).putInt((int) uptimeMillis).putInt((int) timeSeconds).putInt(1)
                    .putInt(0);
        }
        return out.put(body).flip();
    }

    /** Concatenates big-endian values: each argument is a byte[] or a number written in {@code width} bytes. */
    static byte[] record(Object... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object value : values) {
            if (value instanceof byte[] bytes) {
                out.writeBytes(bytes);
            } else if (value instanceof Field field) {
                for (int i = field.width() - 1; i >= 0; i--) {
                    out.write((int) (field.value() >>> (8 * i)));
                }
            }
        }
        return out.toByteArray();
    }

    static Field u(int width, long value) {
        return new Field(width, value);
    }

    record Field(int width, long value) {
    }
}
