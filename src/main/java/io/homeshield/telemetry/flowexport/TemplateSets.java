package io.homeshield.telemetry.flowexport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads template sets: NetFlow v9 (RFC 3954, 5.2 and 6.1) and IPFIX (RFC 7011, 3.4), both plain
 * and options templates. An IPFIX template with no fields withdraws the template of that id.
 */
final class TemplateSets {

    private static final int ENTERPRISE_BIT = 0x8000;

    private TemplateSets() {
    }

    /** Templates of a NetFlow v9 template flowset (id 0) or IPFIX template set (id 2). */
    static List<Template> templates(ByteBuffer set, boolean ipfix) {
        List<Template> templates = new ArrayList<>();
        while (set.remaining() >= 4) {
            int id = set.getShort() & 0xFFFF;
            int fieldCount = set.getShort() & 0xFFFF;
            if (id == 0 && fieldCount == 0) {
                break; // padding
            }
            templates.add(new Template(id, fields(set, fieldCount, ipfix), 0));
        }
        return templates;
    }

    /** Templates of an IPFIX options template set (id 3). */
    static List<Template> ipfixOptionsTemplates(ByteBuffer set) {
        List<Template> templates = new ArrayList<>();
        while (set.remaining() >= 6) {
            int id = set.getShort() & 0xFFFF;
            int fieldCount = set.getShort() & 0xFFFF;
            if (id == 0) {
                break;
            }
            if (fieldCount == 0) {
                templates.add(new Template(id, List.of(), 1));
                continue;
            }
            int scopeCount = set.getShort() & 0xFFFF;
            templates.add(new Template(id, fields(set, fieldCount, true), Math.max(1, scopeCount)));
        }
        return templates;
    }

    /** Templates of a NetFlow v9 options template flowset (id 1): lengths of scope and options in bytes. */
    static List<Template> netflowV9OptionsTemplates(ByteBuffer set) {
        List<Template> templates = new ArrayList<>();
        while (set.remaining() >= 6) {
            int id = set.getShort() & 0xFFFF;
            int scopeBytes = set.getShort() & 0xFFFF;
            int optionBytes = set.getShort() & 0xFFFF;
            if (id == 0) {
                break;
            }
            int scopeCount = scopeBytes / 4;
            List<TemplateField> fields = fields(set, scopeCount + optionBytes / 4, false);
            // v9 scope types (system, interface, ...) are not information elements: keep only their lengths.
            List<TemplateField> named = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                TemplateField f = fields.get(i);
                named.add(i < scopeCount ? new TemplateField(0, -1, f.length()) : f);
            }
            templates.add(new Template(id, named, Math.max(1, scopeCount)));
        }
        return templates;
    }

    private static List<TemplateField> fields(ByteBuffer set, int count, boolean ipfix) {
        List<TemplateField> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int type = set.getShort() & 0xFFFF;
            int length = set.getShort() & 0xFFFF;
            long enterprise = 0;
            if (ipfix && (type & ENTERPRISE_BIT) != 0) {
                type &= ~ENTERPRISE_BIT;
                enterprise = set.getInt() & 0xFFFFFFFFL;
            }
            if (!ipfix && length == TemplateField.VARIABLE) {
                throw new MalformedExportException("NetFlow v9 has no variable-length fields");
            }
            fields.add(new TemplateField(type, enterprise, length));
        }
        return fields;
    }
}
